import type { DocumentTemplate } from '../template';

/**
 * Bescheid über die Inobhutnahme (§ 42 SGB VIII) bzw. die vorläufige Inobhutnahme (§ 42a SGB VIII) an die
 * Personensorge- bzw. Erziehungsberechtigten. Ein Verwaltungsakt: schriftlich begründet (§ 35 SGB X) und mit
 * Rechtsbehelfsbelehrung (§ 36 SGB X, § 70 VwGO). Der Aufenthaltsort des Kindes steht bewusst nicht im Bescheid:
 * ob er mitgeteilt wird, entscheidet das Jugendamt im Einzelfall.
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const bescheidInobhutnahme: DocumentTemplate = {
  id: 'bescheid-inobhutnahme',
  version: 1,
  title: 'Bescheid über die Inobhutnahme',
  fileSlug: 'Bescheid Inobhutnahme',
  variantOf: (intake) => (intake.decision?.ground === '42a' ? '42a' : '42'),
  variants: {
    '42': {
      title: 'Inobhutnahme (§ 42 SGB VIII)',
      legalBasis: ['§ 42 SGB VIII', '§§ 31, 33, 35, 36 SGB X', '§§ 68, 70 VwGO'],
    },
    '42a': {
      title: 'Vorläufige Inobhutnahme (§ 42a SGB VIII)',
      legalBasis: ['§ 42a SGB VIII', '§ 42 Abs. 2 und 3 SGB VIII', '§§ 31, 33, 35, 36 SGB X', '§§ 68, 70 VwGO'],
    },
  },
  addressee: ['An', '{{addressee.names}}', '{{addressee.address}}'],
  subject: 'Bescheid über die Inobhutnahme von {{child.name}}, geboren {{child.birth}}',
  blocks: [
    {
      text: 'Sehr geehrte Damen und Herren,\n\nhiermit teilen wir Ihnen mit, dass das Jugendamt {{office.name}} Ihr Kind {{child.name}} am {{decision.startAt}} Uhr in Obhut genommen hat. Die Entscheidung wurde am {{decision.decidedAt}} Uhr getroffen.',
      variants: ['42'],
    },
    {
      text: 'Sehr geehrte Damen und Herren,\n\nhiermit teilen wir Ihnen mit, dass das Jugendamt {{office.name}} das Kind {{child.name}} nach unbegleiteter Einreise am {{decision.startAt}} Uhr vorläufig in Obhut genommen hat (§ 42a Abs. 1 SGB VIII). Die Entscheidung wurde am {{decision.decidedAt}} Uhr getroffen.',
      variants: ['42a'],
    },
    { heading: 'Sachverhalt', text: '{{situation}}' },
    { heading: 'Begründung', text: '{{decision.reasons}}\n\nGefährdungseinschätzung: {{risk.assessment}}' },
    {
      heading: 'Rechtsgrundlage',
      text: 'Die Inobhutnahme beruht auf {{decision.ground}} des Achten Buches Sozialgesetzbuch (SGB VIII). Nach § 42 Abs. 1 SGB VIII ist das Jugendamt berechtigt und verpflichtet, ein Kind oder einen Jugendlichen in seine Obhut zu nehmen, wenn das Kind um Obhut bittet, wenn eine dringende Gefahr für das Wohl des Kindes die Inobhutnahme erfordert und die Personensorgeberechtigten nicht widersprechen oder eine familiengerichtliche Entscheidung nicht rechtzeitig eingeholt werden kann, oder wenn ein ausländisches Kind unbegleitet nach Deutschland kommt.',
      variants: ['42'],
    },
    {
      heading: 'Rechtsgrundlage',
      text: 'Die vorläufige Inobhutnahme beruht auf § 42a Abs. 1 des Achten Buches Sozialgesetzbuch (SGB VIII). Danach ist das Jugendamt berechtigt und verpflichtet, ein ausländisches Kind oder einen ausländischen Jugendlichen vorläufig in Obhut zu nehmen, sobald dessen unbegleitete Einreise nach Deutschland festgestellt wird. § 42 Abs. 2 und 3 SGB VIII gilt entsprechend (§ 42a Abs. 1 S. 3 SGB VIII).',
      variants: ['42a'],
    },
    {
      heading: 'Ihre Rechte nach § 42 Abs. 3 SGB VIII',
      text: 'Sie können der Inobhutnahme widersprechen. Widersprechen Sie, hat das Jugendamt unverzüglich das Kind Ihnen zu übergeben, sofern nach seiner Einschätzung eine Gefährdung des Kindeswohls nicht besteht oder Sie bereit und in der Lage sind, die Gefährdung abzuwenden, oder eine Entscheidung des Familiengerichts über die erforderlichen Maßnahmen zum Wohl des Kindes herbeizuführen (§ 42 Abs. 3 S. 2 SGB VIII). Zusammen mit Ihnen wird das Gefährdungsrisiko abgeschätzt und ein Hilfeplan erarbeitet (§ 42 Abs. 3 S. 1 SGB VIII). Für Rückfragen erreichen Sie uns unter {{office.phone}}.',
    },
    {
      heading: 'Rechtsbehelfsbelehrung',
      text: 'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich oder zur Niederschrift beim Jugendamt {{office.name}}, {{office.address}}, einzulegen (§§ 68, 70 VwGO; § 36 SGB X).',
    },
  ],
};
