import { berlinYear } from './berlinCalendar';
import {
  CARRIERS,
  catalogueFor,
  MEASURE_KINDS,
  OCCASIONS,
  REPORT_YEARS,
  STAT_ACCOMMODATIONS,
  STAT_AGE_GROUPS,
  STAT_END_REASONS,
  STAT_INITIATORS,
  STAT_SEXES,
  type StatisticsCatalogue,
} from './catalogue';
import { measuresOf, measureStart, type MeasureStatistics, measureStatistics, type StatisticsIntake } from './measure';

export type StatisticsReport = {
  year: number;
  officeId: string;
  catalogue: StatisticsCatalogue;
  /**
   * Every § 42 / § 42a measure of the office that ended in the year (Berlin calendar), by end, start, id; a record
   * of the sequence § 42a -> § 42 Abs. 1 S. 1 Nr. 3 gives two (measure.ts, measuresOf).
   */
  measures: MeasureStatistics[];
  /** The measures with at least one gap, in the same order: to be completed before reporting. */
  incomplete: MeasureStatistics[];
  /**
   * Measures of the office started by the end of the year with no end recorded. They are not in the statistics;
   * listed because a forgotten end date would drop a measure from the count unnoticed.
   */
  open: { id: string; start: number }[];
};

/**
 * The year a supervisor most likely reports: the one before the current Berlin year, as the report follows the
 * year's end; else the nearest year with a catalogue.
 */
export function defaultReportYear(now: number): number {
  const wanted = berlinYear(now) - 1;
  return REPORT_YEARS.reduce((best, y) => (Math.abs(y - wanted) < Math.abs(best - wanted) ? y : best));
}

type ReportIntake = StatisticsIntake & { _deleted?: boolean };

/**
 * The year the statistics page opens at: the default year if the office has measures ended in it, else the year
 * with measures nearest to it (a page of zeros made supervisors think the data was lost), else the default.
 */
export function reportYearWithData(intakes: readonly ReportIntake[], officeId: string, now: number): number {
  const wanted = defaultReportYear(now);
  const byNearness = [...REPORT_YEARS].sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted) || b - a);
  return byNearness.find((y) => statisticsReport(intakes, y, officeId).measures.length > 0) ?? wanted;
}

/** The annual report of one office (its own records, never another office's) for one report year. */
export function statisticsReport(intakes: readonly ReportIntake[], year: number, officeId: string): StatisticsReport {
  const catalogue = catalogueFor(year);
  const own = intakes.filter((i) => !i._deleted && i.officeId === officeId);
  const byMeasure = (a: MeasureStatistics, b: MeasureStatistics) =>
    a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0;
  const measures = own
    .flatMap(measuresOf)
    .filter(({ intake: i }) => i.end?.endedAt !== undefined && berlinYear(i.end.endedAt) === year)
    .map(({ intake: i, measureId }) => measureStatistics(i, catalogue, measureId))
    .sort((a, b) => a.end! - b.end! || (a.start ?? 0) - (b.start ?? 0) || byMeasure(a, b));
  const open = own
    .flatMap((i) => {
      const start = measureStart(i);
      return start !== undefined && i.end?.endedAt === undefined && berlinYear(start) <= year
        ? [{ id: i.id, start }]
        : [];
    })
    .sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  return { year, officeId, catalogue, measures, incomplete: measures.filter((m) => m.gaps.length > 0), open };
}

/** The fields the page counts, each with its categories in the order of the form. */
export const COUNTED_FIELDS = {
  measureKind: MEASURE_KINDS,
  carrier: CARRIERS,
  sex: STAT_SEXES,
  ageGroup: STAT_AGE_GROUPS,
  occasion: OCCASIONS,
  accommodation: STAT_ACCOMMODATIONS,
  initiatedBy: STAT_INITIATORS,
  endReason: STAT_END_REASONS,
} as const;
export type CountedField = keyof typeof COUNTED_FIELDS;

/** How many measures fall in each category of a field (every category, zeros too), and how many lack it. */
export function countBy(
  measures: readonly MeasureStatistics[],
  field: CountedField,
): { counts: { code: string; count: number }[]; missing: number } {
  const counts = COUNTED_FIELDS[field].map((code) => ({ code: code, count: 0 }));
  let missing = 0;
  for (const m of measures) {
    const value = m[field];
    const row = value === undefined ? undefined : counts.find((c) => c.code === value);
    if (row) row.count++;
    else missing++;
  }
  return { counts, missing };
}
