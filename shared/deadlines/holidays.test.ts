import { describe, expect, it } from 'vitest';

import { type CalendarDay, isoDay } from './calendar';
import {
  addWerktage,
  easterSunday,
  isWerktag,
  isWorkingDay,
  nextWorkingDay,
  shHolidayOn,
  shHolidays,
} from './holidays';

const day = (year: number, month: number, d: number): CalendarDay => ({ year, month, day: d });

describe('Easter Sunday (Anonymous Gregorian algorithm)', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('%i: %s', (year, expected) => {
    expect(isoDay(easterSunday(year))).toBe(expected);
  });
});

describe('Schleswig-Holstein public holidays', () => {
  it('lists the ten holidays of 2025 with the movable ones from Easter', () => {
    expect(
      shHolidays(2025)
        .map((h) => `${isoDay(h.day)} ${h.id}`)
        .sort(),
    ).toEqual([
      '2025-01-01 neujahr',
      '2025-04-18 karfreitag',
      '2025-04-21 ostermontag',
      '2025-05-01 tagDerArbeit',
      '2025-05-29 christiHimmelfahrt',
      '2025-06-09 pfingstmontag',
      '2025-10-03 tagDerDeutschenEinheit',
      '2025-10-31 reformationstag',
      '2025-12-25 ersterWeihnachtstag',
      '2025-12-26 zweiterWeihnachtstag',
    ]);
  });

  it.each([
    [day(2026, 4, 3), 'karfreitag'],
    [day(2026, 4, 6), 'ostermontag'],
    [day(2026, 5, 14), 'christiHimmelfahrt'],
    [day(2026, 5, 25), 'pfingstmontag'],
    [day(2024, 4, 1), 'ostermontag'],
    [day(2027, 3, 29), 'ostermontag'],
    [day(2018, 10, 31), 'reformationstag'],
    [day(2017, 10, 31), 'reformationstag'],
    [day(2016, 10, 31), undefined],
    [day(2025, 6, 19), undefined], // Fronleichnam: not in SH
    [day(2024, 11, 1), undefined], // Allerheiligen: not in SH
    [day(2025, 11, 19), undefined], // Buß- und Bettag: not in SH
    [day(2025, 1, 6), undefined], // Heilige Drei Könige: not in SH
    [day(2025, 12, 24), undefined], // Heiligabend: not a public holiday
    [day(2025, 12, 31), undefined], // Silvester: not a public holiday
  ])('%o -> %s', (d, expected) => {
    expect(shHolidayOn(d)).toBe(expected);
  });
});

describe('working days (Monday-Friday except SH holidays)', () => {
  it.each([
    [day(2025, 11, 3), true], // Monday
    [day(2025, 11, 7), true], // Friday
    [day(2025, 11, 8), false], // Saturday
    [day(2025, 11, 9), false], // Sunday
    [day(2025, 10, 31), false], // Reformationstag, a Friday
    [day(2025, 6, 9), false], // Pfingstmontag
    [day(2025, 6, 19), true], // Fronleichnam, a Thursday
    [day(2026, 1, 1), false], // Neujahr, a Thursday
  ])('%o: %s', (d, expected) => {
    expect(isWorkingDay(d)).toBe(expected);
  });

  it.each([
    ['Friday -> Monday', day(2025, 11, 7), '2025-11-10'],
    ['Thursday before Reformationstag -> Monday', day(2025, 10, 30), '2025-11-03'],
    ['Maundy Thursday -> Tuesday after Easter', day(2026, 4, 2), '2026-04-07'],
    ['Christmas Eve -> Monday after Christmas', day(2025, 12, 24), '2025-12-29'],
    ['Silvester -> 2 January', day(2025, 12, 31), '2026-01-02'],
    ['a Saturday -> Monday', day(2025, 11, 8), '2025-11-10'],
  ])('next working day: %s', (_case, d, expected) => {
    expect(isoDay(nextWorkingDay(d))).toBe(expected);
  });

  it.each([
    ['Saturday is a Werktag', day(2025, 11, 8), true],
    ['Sunday is not', day(2025, 11, 9), false],
    ['a holiday on a weekday is not (Reformationstag 2025, Friday)', day(2025, 10, 31), false],
    ['a holiday on a Saturday is not (Tag der Arbeit 2027)', day(2027, 5, 1), false],
  ])('§ 42a Abs. 4 SGB VIII, Werktage: %s', (_case, d, expected) => {
    expect(isWerktag(d)).toBe(expected);
  });

  it.each([
    ['a plain week, the Saturday counts', day(2025, 11, 3), 7, '2025-11-11'],
    ['from a Friday: Saturday is the first', day(2025, 5, 2), 7, '2025-05-10'],
    ['over Reformationstag', day(2025, 10, 30), 7, '2025-11-08'],
    ['over Easter (Karfreitag, Easter Sunday, Ostermontag skipped)', day(2025, 4, 17), 7, '2025-04-28'],
    ['over Christmas and New Year', day(2025, 12, 22), 7, '2026-01-02'],
    ['zero days is the day itself', day(2025, 11, 8), 0, '2025-11-08'],
  ])('§ 42a Abs. 4 SGB VIII with § 26 Abs. 1 SGB X, Werktage added: %s', (_case, d, n, expected) => {
    expect(isoDay(addWerktage(d, n))).toBe(expected);
  });
});
