import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonthsClamped,
  berlinDay,
  berlinTime,
  type CalendarDay,
  endOfBerlinDay,
  weekday,
} from './calendar';

const day = (year: number, month: number, d: number): CalendarDay => ({ year, month, day: d });
const iso = (ms: number) => new Date(ms).toISOString();

describe('Berlin calendar day of an instant', () => {
  it.each([
    ['winter, just after midnight in Berlin, still the day before in UTC', '2025-01-05T23:30:00Z', day(2025, 1, 6)],
    ['summer, just after midnight in Berlin', '2025-07-01T22:30:00Z', day(2025, 7, 2)],
    ['summer, just before midnight in Berlin', '2025-07-01T21:59:59.999Z', day(2025, 7, 1)],
    ['New Year in Berlin while UTC is still in the old year', '2025-12-31T23:00:00Z', day(2026, 1, 1)],
  ])('%s', (_case, instant, expected) => {
    expect(berlinDay(Date.parse(instant))).toEqual(expected);
  });
});

describe('Berlin wall-clock time to instant, across daylight-saving changes', () => {
  it.each([
    ['Saturday before the spring change: CET', day(2025, 3, 29), 8, 30, '2025-03-29T08:30:00+01:00'],
    ['last Sunday of March, after the change: CEST', day(2025, 3, 30), 8, 30, '2025-03-30T08:30:00+02:00'],
    ['Monday after the spring change', day(2025, 3, 31), 8, 30, '2025-03-31T08:30:00+02:00'],
    ['Saturday before the autumn change: CEST', day(2025, 10, 25), 8, 30, '2025-10-25T08:30:00+02:00'],
    ['last Sunday of October, after the change: CET', day(2025, 10, 26), 8, 30, '2025-10-26T08:30:00+01:00'],
    ['2026 spring change (29 March)', day(2026, 3, 29), 8, 30, '2026-03-29T08:30:00+02:00'],
  ])('%s', (_case, d, h, m, expected) => {
    expect(iso(berlinTime(d, h, m))).toBe(iso(Date.parse(expected)));
  });

  it.each([
    [day(2025, 3, 30), '2025-03-30T23:59:59.999+02:00'],
    [day(2025, 10, 26), '2025-10-26T23:59:59.999+01:00'],
    [day(2025, 12, 31), '2025-12-31T23:59:59.999+01:00'],
  ])('end of %o in Berlin', (d, expected) => {
    expect(iso(endOfBerlinDay(d))).toBe(iso(Date.parse(expected)));
  });

  it('the spring-change day is 23 hours long, the autumn one 25', () => {
    const length = (d: CalendarDay) => berlinTime(addDays(d, 1), 0) - berlinTime(d, 0);
    expect(length(day(2025, 3, 30))).toBe(23 * 3_600_000);
    expect(length(day(2025, 10, 26))).toBe(25 * 3_600_000);
    expect(length(day(2025, 6, 1))).toBe(24 * 3_600_000);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    [day(2025, 12, 31), 1, day(2026, 1, 1)],
    [day(2024, 2, 28), 1, day(2024, 2, 29)],
    [day(2025, 2, 28), 1, day(2025, 3, 1)],
    [day(2025, 3, 1), -1, day(2025, 2, 28)],
  ])('%o plus %i days', (d, n, expected) => {
    expect(addDays(d, n)).toEqual(expected);
  });

  it.each([
    ['31.01. -> 28.02. in a common year', day(2025, 1, 31), day(2025, 2, 28)],
    ['31.01. -> 29.02. in a leap year', day(2024, 1, 31), day(2024, 2, 29)],
    ['30.01. -> 28.02.', day(2025, 1, 30), day(2025, 2, 28)],
    ['29.02. -> 29.03.', day(2024, 2, 29), day(2024, 3, 29)],
    ['31.03. -> 30.04.', day(2025, 3, 31), day(2025, 4, 30)],
    ['15.12. -> 15.01. of the next year', day(2025, 12, 15), day(2026, 1, 15)],
    ['31.12. -> 31.01. of the next year', day(2025, 12, 31), day(2026, 1, 31)],
  ])('one month later: %s', (_case, d, expected) => {
    expect(addMonthsClamped(d, 1)).toEqual(expected);
  });

  it.each([
    [day(2025, 10, 31), 5],
    [day(2025, 11, 1), 6],
    [day(2025, 11, 2), 0],
    [day(2024, 2, 29), 4],
  ])('weekday of %o is %i', (d, expected) => {
    expect(weekday(d)).toBe(expected);
  });
});
