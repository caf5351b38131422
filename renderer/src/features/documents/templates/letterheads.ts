import type { OfficeId } from '../../../../../shared/offices';
import demoLogo from './logos/demo-logo.svg?inline';

/**
 * The letterhead of each office's documents. DEMO VALUES: the addresses, the 0555 numbers and the logo are fictional
 * and must be replaced by each office with its Jugendamt's postal address, phone and logo (docs/documents.md). The
 * address also goes into the Rechtsbehelfsbelehrung of the Bescheid, where a Widerspruch can be lodged.
 */
export type Letterhead = {
  name: string;
  unit: string;
  street: string;
  postalCity: string;
  place: string;
  phone: string;
  /**
   * The office's logo as an image the app carries itself (`import logo from './logos/x.svg?inline'`, SVG or PNG):
   * documents are made offline, and the app loads nothing from outside. Absent: the letterhead is text only.
   */
  logo?: string;
  /**
   * The postal address of the state office that distributes unaccompanied minors (§ 42b SGB VIII), one line,
   * for the report after a provisional intake (§ 42a Abs. 4). Absent: the report leaves the address to be written in.
   */
  stateOffice?: string;
};

export const LETTERHEADS: Readonly<Record<OfficeId, Letterhead>> = {
  segeberg: {
    name: 'Kreis Segeberg',
    unit: 'Jugendamt – Bereitschaftsdienst',
    street: 'Beispielstraße 1',
    postalCity: '23795 Bad Segeberg',
    place: 'Bad Segeberg',
    phone: '0555 100100',
    logo: demoLogo,
  },
  stormarn: {
    name: 'Kreis Stormarn',
    unit: 'Jugendamt – Bereitschaftsdienst',
    street: 'Beispielstraße 2',
    postalCity: '23843 Bad Oldesloe',
    place: 'Bad Oldesloe',
    phone: '0555 200200',
    logo: demoLogo,
  },
  'herzogtum-lauenburg': {
    name: 'Kreis Herzogtum Lauenburg',
    unit: 'Jugendamt – Bereitschaftsdienst',
    street: 'Beispielstraße 3',
    postalCity: '23909 Ratzeburg',
    place: 'Ratzeburg',
    phone: '0555 300300',
    logo: demoLogo,
  },
  pinneberg: {
    name: 'Kreis Pinneberg',
    unit: 'Jugendamt – Bereitschaftsdienst',
    street: 'Beispielstraße 4',
    postalCity: '25421 Pinneberg',
    place: 'Pinneberg',
    phone: '0555 400400',
    logo: demoLogo,
  },
  norderstedt: {
    name: 'Stadt Norderstedt',
    unit: 'Jugendamt – Bereitschaftsdienst',
    street: 'Beispielstraße 5',
    postalCity: '22846 Norderstedt',
    place: 'Norderstedt',
    phone: '0555 500500',
    logo: demoLogo,
  },
};
