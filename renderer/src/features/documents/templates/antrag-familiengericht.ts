import type { DocumentTemplate } from '../template';

/**
 * Antrag/Anregung an das Familiengericht: nach einem Widerspruch der Personensorgeberechtigten (§ 42 Abs. 3 S. 2
 * Nr. 2 SGB VIII) bzw. wenn sie nicht erreichbar sind (§ 42 Abs. 3 S. 3 SGB VIII), bei Gefährdung (§ 8a Abs. 2
 * SGB VIII; §§ 1666, 1666a BGB); bei unbegleiteten Minderjährigen die Bestellung eines Vormunds oder Pflegers
 * (§ 42 Abs. 3 S. 4, § 42a Abs. 3 SGB VIII). Was das Gericht tun soll, steht als Vorschlag im Text und ist vor dem
 * Versand fachlich zu prüfen.
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const antragFamiliengericht: DocumentTemplate = {
  id: 'antrag-familiengericht',
  version: 1,
  title: 'Antrag/Anregung an das Familiengericht',
  fileSlug: 'Antrag Familiengericht',
  disclosure: 'family_court',
  variantOf: (intake) => (['42_1_3', '42a'].includes(intake.decision?.ground ?? '') ? 'vormund' : '1666'),
  variants: {
    '1666': {
      title: 'Maßnahmen nach §§ 1666, 1666a BGB',
      legalBasis: [
        '§ 42 Abs. 3 S. 2 Nr. 2 und S. 3 SGB VIII',
        '§ 8a Abs. 2 SGB VIII',
        '§§ 1666, 1666a BGB',
        '§ 157 FamFG',
      ],
    },
    vormund: {
      title: 'Bestellung eines Vormunds/Pflegers',
      legalBasis: ['§ 42 Abs. 3 S. 4 SGB VIII', '§ 42a Abs. 3 SGB VIII', '§ 8a Abs. 2 SGB VIII', '§§ 1773, 1809 BGB'],
    },
  },
  addressee: ['An das', 'Amtsgericht {{court.name}}', '– Familiengericht –'],
  subject: 'Kindschaftssache {{child.name}}, geboren {{child.birth}}',
  blocks: [
    {
      text: 'Sehr geehrte Damen und Herren,\n\ndas Jugendamt {{office.name}} hat das oben genannte Kind am {{decision.startAt}} Uhr in Obhut genommen ({{decision.ground}}). Wir regen an, die zur Abwendung der Gefährdung des Kindeswohls erforderlichen Maßnahmen zu treffen, und teilen dem Gericht hierzu Folgendes mit (§ 8a Abs. 2 SGB VIII).',
      variants: ['1666'],
    },
    {
      text: 'Sehr geehrte Damen und Herren,\n\ndas Jugendamt {{office.name}} hat das oben genannte Kind am {{decision.startAt}} Uhr in Obhut genommen ({{decision.ground}}). Die Personensorge- oder Erziehungsberechtigten sind im Inland nicht erreichbar. Wir beantragen die Bestellung eines Vormunds oder Pflegers und teilen dem Gericht hierzu Folgendes mit.',
      variants: ['vormund'],
    },
    { heading: '1. Sachverhalt', text: '{{situation}}' },
    {
      heading: '2. Gefährdungseinschätzung',
      text: 'Anhaltspunkte: {{risk.indicators}}\n\n{{risk.assessment}}\n\nIm Zusammenwirken mehrerer Fachkräfte beraten: {{risk.consulted}}',
    },
    { heading: '3. Ergriffene Maßnahmen', text: '{{measures}}\n\nGründe der Inobhutnahme: {{decision.reasons}}' },
    { heading: '4. Haltung der Personensorgeberechtigten', text: '{{custodians.stance}}' },
    {
      heading: '5. Anregung an das Gericht',
      text: 'Das Jugendamt regt an, im Wege der einstweiligen Anordnung die zur Abwendung der Gefahr erforderlichen Maßnahmen nach §§ 1666, 1666a BGB zu treffen und über die Fortdauer der Inobhutnahme zu entscheiden (§ 42 Abs. 3 S. 2 Nr. 2 bzw. S. 3 SGB VIII). Wir bitten um kurzfristige Anhörung und um Erörterung der Kindeswohlgefährdung mit den Eltern (§ 157 FamFG).',
      variants: ['1666'],
    },
    {
      heading: '5. Antrag an das Gericht',
      text: 'Das Jugendamt beantragt, für das Kind unverzüglich einen Vormund oder Pfleger zu bestellen (§ 42 Abs. 3 S. 4, § 42a Abs. 3 SGB VIII; §§ 1773, 1809 BGB). Bis zur Bestellung nimmt das Jugendamt die Rechtshandlungen vor, die zum Wohl des Kindes notwendig sind (§ 42 Abs. 2 S. 4, § 42a Abs. 3 S. 1 SGB VIII).',
      variants: ['vormund'],
    },
    { text: 'Für Rückfragen erreichen Sie uns unter {{office.phone}}.' },
  ],
};
