import type { DocumentTemplate } from '../template';

/**
 * Aufnahmeblatt für die Einrichtung: was die Einrichtung bei der Aufnahme über das Kind wissen muss - Gesundheit,
 * Medikamente, erlaubte und untersagte Kontakte, Abholung, Mitgegebenes. Das Jugendamt sorgt während der
 * Inobhutnahme für das Wohl des Kindes, die Krankenhilfe eingeschlossen (§ 42 Abs. 2 S. 3 SGB VIII), und übermittelt
 * dafür nur, was die Einrichtung braucht (§ 64 SGB VIII, § 69 Abs. 1 Nr. 1 SGB X). Der Inhalt kommt aus dem einen
 * Modell des Gesundheits- und Übergabeblatts (shared/nightRecord/facilitySheet.ts), das auch der Bericht an den ASD
 * zeigt; was die Akte nicht enthält, steht als „nicht erfasst“ da, nie als leere Zeile.
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const aufnahmeblattEinrichtung: DocumentTemplate = {
  id: 'aufnahmeblatt-einrichtung',
  version: 2,
  title: 'Aufnahmeblatt für die Einrichtung',
  fileSlug: 'Aufnahmeblatt Einrichtung',
  // Handed over at the door with the child and read there: one A4 page.
  layout: 'sheet',
  variantOf: () => 'admission',
  variants: {
    admission: {
      title: 'Gesundheit und Kontakte',
      legalBasis: ['§ 42 Abs. 2 S. 3 SGB VIII', '§ 64 SGB VIII', '§ 69 Abs. 1 Nr. 1 SGB X'],
    },
  },
  addressee: ['An', '{{placement.provider}}', '{{placement.facility}}'],
  subject: 'Aufnahme von {{child.name}}, geboren {{child.birth}}, am {{placement.from}} Uhr',
  blocks: [
    {
      text: 'Das Jugendamt {{office.name}} hat das oben genannte Kind in Obhut genommen und bei Ihnen untergebracht. Für seine Betreuung teilen wir Ihnen die folgenden Angaben mit. „Nicht erfasst“ heißt: Die Angabe lag bei der Aufnahme nicht vor – nicht, dass es nichts gibt.',
    },
    { sheet: 'facility' },
    {
      text: 'Bitte behandeln Sie diese Angaben vertraulich. Erreichbarkeit des Jugendamts (Bereitschaftsdienst): {{office.phone}}.',
    },
  ],
};
