import { statistics as t } from '../i18n/de/statistics';
import { missingLabel } from '../nightRecord/fieldLabel';
import { FIELD_SOURCES, type Gap, type MeasureStatistics, STATISTICS_FIELDS } from './measure';

/** The statistics fields a measure lacks, by their German names, in column order: "Geschlecht, Anlass". */
export function gapFields(m: MeasureStatistics): string {
  return STATISTICS_FIELDS.filter((f) => m.gaps.some((g) => g.field === f))
    .map((f) => t.fields[f])
    .join(', ');
}

/** One gap as the validation report says it: what is missing, why, and where in the record to fill it in. */
export function gapText(gap: Gap): string {
  const where = FIELD_SOURCES[gap.field].map((path) => missingLabel(path)).join(' und ');
  return t.page.gap(t.fields[gap.field], t.problems[gap.problem], where);
}
