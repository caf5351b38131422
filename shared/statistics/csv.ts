import { formatDate } from '../format';
import { statistics as t } from '../i18n/de/statistics';
import type { StatisticsCatalogue } from './catalogue';
import { gapFields } from './labels';
import type { MeasureStatistics } from './measure';

/**
 * The statistics as CSV for German spreadsheet programs: UTF-8 with BOM, semicolons, CRLF, dates dd.MM.yyyy.
 * Written here rather than with csv-stringify: its default entry needs Node's Buffer when loaded, and its
 * browser build bundles a Buffer polyfill; the rule below is the same as the audit export's.
 */
type Column = { header: string; cell: (m: MeasureStatistics) => string };

const BOM = '\uFEFF';
const EOL = '\r\n';

/** A cell: quoted only when it must be; never read as a formula (CSV injection). */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly string[]) => cells.map(csvCell).join(';') + EOL;

const label = <K extends string>(labels: Record<K, string>, code: K | undefined) =>
  code === undefined ? '' : labels[code];
const date = (ms: number | undefined) => (ms === undefined ? '' : formatDate(ms));

/** The columns of a report year: one per field, one per "Grund" of the form, and the gaps last. */
export function statisticsColumns(catalogue: StatisticsCatalogue): Column[] {
  const f = t.fields;
  const c = t.categories;
  return [
    { header: t.csv.id, cell: (m) => m.measureId },
    { header: f.carrier, cell: (m) => label(c.carrier, m.carrier) },
    { header: f.measureKind, cell: (m) => label(c.measureKind, m.measureKind) },
    { header: f.sex, cell: (m) => label(c.sex, m.sex) },
    { header: f.ageGroup, cell: (m) => label(c.ageGroup, m.ageGroup) },
    { header: f.foreignOrigin, cell: (m) => label(c.yesNo, m.foreignOrigin) },
    { header: f.residenceBefore, cell: (m) => label(c.residenceBefore, m.residenceBefore) },
    { header: f.accommodation, cell: (m) => label(c.accommodation, m.accommodation) },
    { header: f.initiatedBy, cell: (m) => label(c.initiatedBy, m.initiatedBy) },
    { header: f.previousAssessment8a, cell: (m) => label(c.yesNo, m.previousAssessment8a) },
    { header: f.repeated, cell: (m) => label(c.yesNo, m.repeated) },
    { header: f.objection, cell: (m) => label(c.yesNo, m.objection) },
    { header: f.ranAway, cell: (m) => label(c.yesNo, m.ranAway) },
    { header: f.occasion, cell: (m) => label(c.occasion, m.occasion) },
    ...catalogue.reasonColumns.map((reason) => ({
      header: t.csv.reason(c.reasons[reason]),
      cell: (m: MeasureStatistics) => (m.reasons ? label(c.yesNo, m.reasons.includes(reason) ? 'yes' : 'no') : ''),
    })),
    { header: f.start, cell: (m) => date(m.start) },
    { header: f.end, cell: (m) => date(m.end) },
    { header: f.durationDays, cell: (m) => (m.durationDays === undefined ? '' : String(m.durationDays)) },
    { header: f.endReason, cell: (m) => label(c.endReason, m.endReason) },
    { header: t.csv.gaps, cell: gapFields },
  ];
}

/**
 * The file in parts: the BOM and the header, then `chunkSize` rows per part, so a caller can show progress and
 * let the page breathe between parts. Joined, the parts are the whole file.
 */
export function* statisticsCsvParts(
  measures: readonly MeasureStatistics[],
  catalogue: StatisticsCatalogue,
  chunkSize = 500,
): Generator<string> {
  const columns = statisticsColumns(catalogue);
  yield BOM + csvLine(columns.map((col) => col.header));
  for (let i = 0; i < measures.length; i += chunkSize) {
    yield measures
      .slice(i, i + chunkSize)
      .map((m) => csvLine(columns.map((col) => col.cell(m))))
      .join('');
  }
}

export function statisticsCsv(measures: readonly MeasureStatistics[], catalogue: StatisticsCatalogue): string {
  return [...statisticsCsvParts(measures, catalogue)].join('');
}
