import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { statisticsCsv } from './csv';
import { AGE_GROUPS_2025, FIXTURE_2025, INCOMPLETE_IDS_2025, OPEN_IDS_2025 } from './fixtures/measures2025';
import { gapFields } from './labels';
import { countBy, defaultReportYear, reportYearWithData, statisticsReport } from './report';

const EXPECTED = readFileSync(new URL('./fixtures/expected-2025.csv', import.meta.url), 'utf8');
const report = statisticsReport(FIXTURE_2025, 2025, 'segeberg');

/** The expected file has no quoted cells (checked below), so lines and semicolons split it. */
const cellsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));

describe('statistics 2025 of the fixture (issue 7, Show 3)', () => {
  it('takes the 35 measures of Segeberg that ended in 2025 in Berlin, ordered by their end', () => {
    expect(report.measures).toHaveLength(35);
    const ids = report.measures.map((m) => m.id);
    // Ended 31.12.2024 23:30 and 01.01.2026 00:30 in Berlin, open, another office's, deleted, no measure at all.
    for (const outside of ['stat-40', 'stat-41', 'stat-42', 'stat-43', 'stat-44', 'stat-45', 'stat-46', 'stat-47']) {
      expect(ids).not.toContain(outside);
    }
    // stat-01 ended 00:20 on New Year's Day in Berlin (still 2024 in UTC); stat-30 at 23:45 on New Year's Eve.
    expect(ids[0]).toBe('stat-01');
    expect(ids.at(-1)).toBe('stat-30');
    const ends = report.measures.map((m) => m.end!);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  it('lists exactly the incomplete measures, each with what is missing', () => {
    expect(report.incomplete.map((m) => m.id)).toEqual(INCOMPLETE_IDS_2025);
    expect(Object.fromEntries(report.incomplete.map((m) => [m.id, gapFields(m)]))).toEqual({
      'stat-31': 'Geschlecht, Ausländische Herkunft mindestens eines Elternteils, Gründe',
      'stat-32':
        'Art des Trägers, Art der Maßnahme, Vorherige Gefährdungseinschätzung nach § 8a, Anlass, Ende/Anschlusshilfe',
      'stat-35': 'Dauer in Tagen',
      'stat-34': 'Altersgruppe bei Beginn, Beginn, Dauer in Tagen',
    });
  });

  it('lists the measures started by the end of 2025 that have no end', () => {
    expect(report.open.map((o) => o.id)).toEqual(OPEN_IDS_2025);
  });

  it('finds the age group worked out by hand for every measure', () => {
    expect(Object.fromEntries(report.measures.map((m) => [m.id, m.ageGroup ?? null]))).toEqual(AGE_GROUPS_2025);
  });

  it('exports the CSV written by hand, cell by cell', () => {
    const actual = cellsOf(statisticsCsv(report.measures, report.catalogue));
    const expected = cellsOf(EXPECTED);
    expect(EXPECTED).not.toContain('"');
    expect(actual.length).toBe(expected.length);
    expected.forEach((row, r) => {
      expect(actual[r].length, `columns in line ${r + 1}`).toBe(row.length);
      row.forEach((cell, c) =>
        expect(actual[r][c], `line ${r + 1} (${row[0]}), column "${expected[0][c]}"`).toBe(cell),
      );
    });
  });

  it('exports it byte for byte: UTF-8 BOM, semicolons, CRLF after every line', () => {
    const csv = statisticsCsv(report.measures, report.catalogue);
    expect(csv.startsWith('\uFEFFKennung;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
    expect(csv).toBe(EXPECTED);
  });

  it('counts the measures by category, zeros and gaps included', () => {
    expect(countBy(report.measures, 'measureKind')).toEqual({
      counts: [
        { code: '42', count: 31 },
        { code: '42a', count: 3 },
      ],
      missing: 1,
    });
    const ages = countBy(report.measures, 'ageGroup');
    // stat-33 ended by the age assessment (adult) counts with the age group of its start (issue 13).
    expect(ages.counts.map((c) => c.count)).toEqual([3, 2, 4, 4, 6, 7, 8]);
    expect(ages.missing).toBe(1);
    expect(countBy(report.measures, 'sex')).toEqual({
      counts: [
        { code: 'male', count: 16 },
        { code: 'female', count: 16 },
        { code: 'diverse', count: 1 },
        { code: 'unspecified', count: 1 },
      ],
      missing: 1,
    });
  });
});

describe('the report year', () => {
  it('takes the measures ended in 2024 and 2026 by the Berlin calendar into those years', () => {
    expect(statisticsReport(FIXTURE_2025, 2024, 'segeberg').measures.map((m) => m.id)).toEqual(['stat-40']);
    expect(statisticsReport(FIXTURE_2025, 2026, 'segeberg').measures.map((m) => m.id)).toEqual(['stat-41']);
  });

  it('reports only the given office', () => {
    expect(statisticsReport(FIXTURE_2025, 2025, 'stormarn').measures.map((m) => m.id)).toEqual(['stat-44']);
  });

  it('offers the year before by default, the nearest with a catalogue otherwise', () => {
    expect(defaultReportYear(Date.parse('2026-02-10T09:00+01:00'))).toBe(2025);
    // New Year's Day 00:30 in Berlin is still 2025 in UTC: the year before is 2025 already.
    expect(defaultReportYear(Date.parse('2026-01-01T00:30+01:00'))).toBe(2025);
    expect(defaultReportYear(Date.parse('2025-12-31T23:30+01:00'))).toBe(2024);
    expect(defaultReportYear(Date.parse('2031-03-01T09:00+01:00'))).toBe(2026);
    expect(defaultReportYear(Date.parse('2020-03-01T09:00+01:00'))).toBe(2024);
  });

  it('opens at the nearest year with measures when the default year has none', () => {
    // In 2027 the default is 2026: its one measure (stat-41) counts; without it, 2025 is the nearest with data.
    expect(reportYearWithData(FIXTURE_2025, 'segeberg', Date.parse('2027-02-10T09:00+01:00'))).toBe(2026);
    const without2026 = FIXTURE_2025.filter((i) => i.id !== 'stat-41');
    expect(reportYearWithData(without2026, 'segeberg', Date.parse('2027-02-10T09:00+01:00'))).toBe(2025);
    expect(reportYearWithData(FIXTURE_2025, 'segeberg', Date.parse('2026-02-10T09:00+01:00'))).toBe(2025);
    // No measures at all: the default year.
    expect(reportYearWithData([], 'segeberg', Date.parse('2027-02-10T09:00+01:00'))).toBe(
      defaultReportYear(Date.parse('2027-02-10T09:00+01:00')),
    );
  });

  it('has no catalogue for a year no one has checked', () => {
    expect(() => statisticsReport(FIXTURE_2025, 2023, 'segeberg')).toThrow(RangeError);
  });
});
