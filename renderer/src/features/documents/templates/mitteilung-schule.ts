import type { DocumentTemplate } from '../template';

/**
 * Mitteilung an Schule oder Kita: dass das Kind fehlt und wer es abholen darf - nichts weiter. Gründe, Aufenthaltsort,
 * Einrichtung und Gesundheit bleiben draußen: übermittelt wird nur, was die Schule für die Betreuung des Kindes
 * braucht (§ 64 SGB VIII, § 69 Abs. 1 Nr. 1 SGB X); das Jugendamt handelt dabei für das Kind (§ 42 Abs. 2 S. 4
 * SGB VIII).
 *
 * Änderungen am Wortlaut: `version` erhöhen (docs/documents.md).
 */
export const mitteilungSchule: DocumentTemplate = {
  id: 'mitteilung-schule',
  version: 1,
  title: 'Mitteilung an Schule/Kita',
  fileSlug: 'Mitteilung Schule Kita',
  variantOf: () => 'school',
  variants: {
    school: {
      title: 'Abwesenheit und Abholung',
      legalBasis: ['§ 42 Abs. 2 S. 4 SGB VIII', '§ 64 SGB VIII', '§ 69 Abs. 1 Nr. 1 SGB X'],
    },
  },
  addressee: ['An die Schule / Kita', '{{school.name}}'],
  subject: 'Mitteilung zu {{child.name}}, geboren {{child.birth}}',
  blocks: [
    {
      text: 'Sehr geehrte Damen und Herren,\n\n{{child.name}} wird seit dem {{decision.startDate}} vorübergehend vom Jugendamt {{office.name}} betreut und kann die Schule bzw. Kita in dieser Zeit möglicherweise nicht besuchen. Wir bitten, das Fehlen zu entschuldigen. Wann das Kind wiederkommt, teilen wir Ihnen mit.',
    },
    {
      heading: 'Wer das Kind abholen darf',
      text: 'Bis auf Weiteres darf das Kind nur von Mitarbeitenden des Jugendamts {{office.name}} oder von Personen abgeholt werden, die das Jugendamt Ihnen schriftlich benennt. {{pickup.forbidden}}Will jemand anderes das Kind abholen oder fragt nach ihm, rufen Sie uns bitte unter {{office.phone}} an; geben Sie keine Auskunft über das Kind.',
    },
    {
      text: 'Wir teilen Ihnen nur mit, was Sie für die Betreuung des Kindes wissen müssen. Bitte behandeln Sie diese Mitteilung vertraulich.',
    },
  ],
};
