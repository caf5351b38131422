import { describe, expect, it } from 'vitest';

import { isReportStale, reportStandLabel, STALE_AFTER_MS, timeAgoLabel } from './staleness';

const MIN = 60_000;
const HOUR = 60 * MIN;
// 02:14 in Berlin (winter time, UTC+1).
const REPORTED = Date.UTC(2025, 10, 24, 1, 14);

describe('staleness of a free-places report', () => {
  it('is stale only past the threshold (12 h by default)', () => {
    expect(STALE_AFTER_MS).toBe(12 * HOUR);
    expect(isReportStale(REPORTED, REPORTED + 12 * HOUR)).toBe(false);
    expect(isReportStale(REPORTED, REPORTED + 12 * HOUR + 1)).toBe(true);
    expect(isReportStale(REPORTED, REPORTED + 2 * HOUR, HOUR)).toBe(true);
    expect(isReportStale(REPORTED + HOUR, REPORTED)).toBe(false);
  });

  it('labels the time and age of a report as on the board', () => {
    expect(reportStandLabel(REPORTED, REPORTED + 37 * MIN)).toBe('Stand: 02:14 (vor 37 min)');
  });

  it('adds the date when the report is from another day in Berlin', () => {
    const lateEvening = Date.UTC(2025, 10, 23, 22, 50); // 23:50 Berlin
    expect(reportStandLabel(lateEvening, lateEvening + 37 * MIN)).toBe('Stand: 23.11.2025 23:50 (vor 37 min)');
    expect(reportStandLabel(REPORTED, REPORTED + 2 * 24 * HOUR + 5 * MIN)).toBe(
      'Stand: 24.11.2025 02:14 (vor 2 Tagen)',
    );
  });

  it('uses Berlin time in summer too', () => {
    const summer = Date.UTC(2025, 6, 1, 0, 14); // 02:14 Berlin (UTC+2)
    expect(reportStandLabel(summer, summer + 5 * MIN)).toBe('Stand: 02:14 (vor 5 min)');
  });

  it.each([
    [0, 'gerade eben'],
    [59_999, 'gerade eben'],
    [-30_000, 'gerade eben'],
    [MIN, 'vor 1 min'],
    [59 * MIN + 59_999, 'vor 59 min'],
    [HOUR, 'vor 1 Std.'],
    [2 * HOUR + 5 * MIN + 59_000, 'vor 2 Std. 5 min'],
    [24 * HOUR, 'vor 1 Tag'],
    [3 * 24 * HOUR + 23 * HOUR, 'vor 3 Tagen'],
    [-2 * MIN, 'Zeitangabe liegt in der Zukunft – bitte Uhrzeit prüfen'],
  ])('shows an age of %i ms as "%s" (cut off, never younger than it is)', (age, label) => {
    expect(timeAgoLabel(REPORTED, REPORTED + age)).toBe(label);
  });
});
