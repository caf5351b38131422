import { isProvisional } from '../document-facts';
import type { DocumentTemplate } from '../template';

/**
 * Meldung an die Landesstelle nach § 42a Abs. 4 SGB VIII: die vorläufige Inobhutnahme eines unbegleitet eingereisten
 * Kindes, innerhalb von sieben Werktagen nach ihrem Beginn, mit dem Ergebnis der Ersteinschätzung nach § 42a Abs. 2
 * S. 1 Nr. 1-4 SGB VIII, damit die Landesstelle über die Verteilung entscheiden kann (§ 42b SGB VIII). Nur für
 * Akten einer vorläufigen Inobhutnahme. Wo das Kind untergebracht ist, braucht die Landesstelle dafür nicht.
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const meldungLandesstelle: DocumentTemplate = {
  id: 'meldung-landesstelle',
  version: 1,
  title: 'Meldung an die Landesstelle',
  fileSlug: 'Meldung Landesstelle',
  appliesTo: isProvisional,
  variantOf: () => '42a',
  variants: {
    '42a': {
      title: 'Vorläufige Inobhutnahme (§ 42a Abs. 4 SGB VIII)',
      legalBasis: ['§ 42a Abs. 2 S. 1 und Abs. 4 SGB VIII', '§ 42b SGB VIII'],
    },
  },
  addressee: [
    'An die',
    'Landesstelle für die Verteilung unbegleiteter ausländischer Minderjähriger',
    '{{stateOffice.address}}',
  ],
  subject:
    'Mitteilung einer vorläufigen Inobhutnahme: {{child.name}}, geboren {{child.birth}}, Aktenzeichen {{record.reference}}',
  blocks: [
    {
      text: 'Sehr geehrte Damen und Herren,\n\ndas Jugendamt {{office.name}} hat das oben genannte Kind (Geschlecht: {{child.sex}}) nach unbegleiteter Einreise am {{provisional.startAt}} Uhr vorläufig in Obhut genommen (§ 42a Abs. 1 SGB VIII). Wir teilen Ihnen dies nach § 42a Abs. 4 SGB VIII zur Erfüllung Ihrer Aufgaben nach § 42b SGB VIII mit, zusammen mit dem Ergebnis der Einschätzung nach § 42a Abs. 2 S. 1 SGB VIII.',
    },
    {
      heading: 'Ersteinschätzung (§ 42a Abs. 2 S. 1 SGB VIII)',
      text: 'Die Einschätzung wurde am {{provisional.assessedAt}} Uhr zusammen mit dem Kind vorgenommen.',
    },
    {
      heading: 'Nr. 1 – Würde das Wohl des Kindes durch die Durchführung des Verteilungsverfahrens gefährdet?',
      text: '{{provisional.welfare}}',
    },
    {
      heading: 'Nr. 2 – Hält sich eine mit dem Kind verwandte Person im Inland oder im Ausland auf?',
      text: '{{provisional.relatives}}',
    },
    {
      heading:
        'Nr. 3 – Erfordert das Wohl des Kindes eine gemeinsame Inobhutnahme mit Geschwistern oder anderen unbegleiteten ausländischen Minderjährigen?',
      text: '{{provisional.siblings}}',
    },
    {
      heading:
        'Nr. 4 – Schließt der Gesundheitszustand die Durchführung des Verteilungsverfahrens innerhalb von 14 Werktagen nach Beginn der vorläufigen Inobhutnahme aus?',
      text: '{{provisional.health}}\n\nÄrztliche Stellungnahme: {{provisional.medicalStatement}}',
    },
    { text: 'Für Rückfragen erreichen Sie uns unter {{office.phone}}.' },
  ],
};
