import { describe, expect, it } from 'vitest';

import { berlinDay, berlinDaysBetween, berlinYear } from './berlinCalendar';

const at = (iso: string) => Date.parse(iso);

describe('the Berlin calendar', () => {
  it('puts New Year in Berlin, not in UTC', () => {
    // 31.12.2025 23:30 UTC is 01.01.2026 00:30 in Berlin; 31.12.2025 22:59 UTC is still 2025 there.
    expect(berlinYear(Date.UTC(2025, 11, 31, 23, 30))).toBe(2026);
    expect(berlinYear(Date.UTC(2025, 11, 31, 22, 59))).toBe(2025);
    expect(berlinYear(Date.UTC(2025, 11, 31, 23, 0))).toBe(2026);
    expect(berlinDay(Date.UTC(2025, 11, 31, 23, 0))).toEqual([2026, 1, 1]);
  });

  it('counts days on dates: the same day is 0, a night across midnight is 1', () => {
    expect(berlinDaysBetween(at('2025-06-20T15:00+02:00'), at('2025-06-20T21:00+02:00'))).toBe(0);
    expect(berlinDaysBetween(at('2025-06-20T23:50+02:00'), at('2025-06-21T00:10+02:00'))).toBe(1);
    expect(berlinDaysBetween(at('2024-12-30T21:00+01:00'), at('2025-01-01T00:20+01:00'))).toBe(2);
    expect(berlinDaysBetween(at('2025-02-14T01:00+01:00'), at('2025-03-14T12:00+01:00'))).toBe(28);
  });

  it('counts the 23-hour day of the spring clock change as one day', () => {
    // 22 h 40 min elapsed; hours / 24 would say 0.
    expect(berlinDaysBetween(at('2025-03-29T23:30+01:00'), at('2025-03-30T23:10+02:00'))).toBe(1);
    // 30.03. 00:30 to 31.03. 00:10: 22 h 40 min, one day.
    expect(berlinDaysBetween(at('2025-03-30T00:30+01:00'), at('2025-03-31T00:10+02:00'))).toBe(1);
  });

  it('counts the 25-hour day of the autumn clock change as one day, and within it as none', () => {
    // 24 h 40 min elapsed within one calendar day; hours / 24 would say 1.
    expect(berlinDaysBetween(at('2025-10-26T00:10+02:00'), at('2025-10-26T23:50+01:00'))).toBe(0);
    // 25.10. 23:30 to 26.10. 23:00: 24 h 30 min, one day.
    expect(berlinDaysBetween(at('2025-10-25T23:30+02:00'), at('2025-10-26T23:00+01:00'))).toBe(1);
    // A week over the change is seven days.
    expect(berlinDaysBetween(at('2025-10-20T12:00+02:00'), at('2025-10-27T12:00+01:00'))).toBe(7);
  });

  it('is negative when the end lies before the start', () => {
    expect(berlinDaysBetween(at('2025-08-20T10:00+02:00'), at('2025-08-19T22:00+02:00'))).toBe(-1);
  });
});
