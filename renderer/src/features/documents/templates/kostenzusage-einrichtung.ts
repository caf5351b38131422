import { responsibilityOf } from '../../../../../shared/nightRecord/responsibility';
import { isProvisional } from '../document-facts';
import type { DocumentTemplate } from '../template';

/**
 * Kostenzusage an die Einrichtung: das Jugendamt, das das Kind in Obhut genommen und untergebracht hat (§ 42 Abs. 1
 * S. 2 SGB VIII), sagt der Einrichtung die Kosten der Unterbringung zu, nennt den Kostenträger und das örtlich
 * zuständige Jugendamt (§§ 87, 88a SGB VIII). Trägt ein anderes Jugendamt die Kosten am Ende (§ 89b SGB VIII: das
 * nach § 86 für Folgehilfen zuständige; § 89d SGB VIII: das Land nach unbegleiteter Einreise), sagt ein Hinweis das;
 * die Zusage gegenüber der Einrichtung berührt es nicht.
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const kostenzusageEinrichtung: DocumentTemplate = {
  id: 'kostenzusage-einrichtung',
  version: 2,
  title: 'Kostenzusage an die Einrichtung',
  fileSlug: 'Kostenzusage Einrichtung',
  variantOf: (intake) => {
    if (isProvisional(intake) || intake.decision?.ground === '42_1_3') return '89d';
    const followUp = responsibilityOf(intake).followUpOfficeId;
    return followUp !== undefined && followUp !== intake.officeId ? '89b' : 'own';
  },
  variants: {
    own: {
      title: 'Kosten trägt das Jugendamt',
      legalBasis: ['§ 42 Abs. 1 S. 2 SGB VIII', '§ 87 SGB VIII'],
    },
    '89b': {
      title: 'mit Hinweis auf die Kostenerstattung (§ 89b SGB VIII)',
      legalBasis: ['§ 42 Abs. 1 S. 2 SGB VIII', '§§ 86, 87 SGB VIII', '§ 89b SGB VIII'],
    },
    '89d': {
      title: 'nach unbegleiteter Einreise (§ 89d SGB VIII)',
      legalBasis: ['§ 42 Abs. 1 S. 2 SGB VIII', '§ 42a SGB VIII', '§ 88a SGB VIII', '§ 89d SGB VIII'],
    },
  },
  addressee: ['An', '{{placement.provider}}', '{{placement.facility}}'],
  subject: 'Kostenzusage für die Unterbringung von {{child.name}}, geboren {{child.birth}}',
  blocks: [
    {
      text: 'Sehr geehrte Damen und Herren,\n\ndas Jugendamt {{office.name}} hat das oben genannte Kind am {{decision.startAt}} Uhr in Obhut genommen ({{decision.ground}}) und bei Ihnen untergebracht ({{placement.accommodation}}). Wir sagen Ihnen die Übernahme der Kosten der Unterbringung ab {{placement.from}} Uhr für die Dauer der Inobhutnahme zu.',
    },
    {
      heading: 'Entgelt',
      text: 'Tagessatz: {{placement.dailyRate}}. Es gilt die mit Ihrem Träger vereinbarte Entgeltregelung; weitere Leistungen bedürfen unserer vorherigen Zustimmung.',
    },
    {
      heading: 'Kostenträger und Zuständigkeit',
      text: 'Kostenträger ist das Jugendamt {{office.name}}. Bitte richten Sie Ihre Rechnungen unter Angabe des Aktenzeichens {{record.reference}} an das Jugendamt {{office.name}}, {{office.address}}.\n\nÖrtlich zuständig für die Inobhutnahme ist das Jugendamt {{responsible.office}}. Geht die Zuständigkeit auf ein anderes Jugendamt über, teilen wir Ihnen das mit.',
    },
    {
      heading: 'Hinweis zur Kostenerstattung (§ 89b SGB VIII)',
      text: 'Die Kosten der Inobhutnahme sind dem Jugendamt {{office.name}} voraussichtlich vom Jugendamt {{followUp.office}} zu erstatten, in dessen Bereich die Eltern ihren gewöhnlichen Aufenthalt haben (§ 89b Abs. 1, § 86 SGB VIII). Diese Zusage Ihnen gegenüber bleibt davon unberührt.',
      variants: ['89b'],
    },
    {
      heading: 'Hinweis zur Kostenerstattung (§ 89d SGB VIII)',
      text: 'Die Kosten für ein unbegleitet eingereistes Kind sind dem Jugendamt {{office.name}} voraussichtlich vom Land zu erstatten, wenn die Jugendhilfe innerhalb eines Monats nach der Einreise eingesetzt hat (§ 89d Abs. 1 SGB VIII). Diese Zusage Ihnen gegenüber bleibt davon unberührt.',
      variants: ['89d'],
    },
    { text: 'Für Rückfragen erreichen Sie uns unter {{office.phone}}.' },
  ],
};
