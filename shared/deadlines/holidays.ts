/**
 * Public holidays of Schleswig-Holstein, the office's working days (Monday-Friday except those holidays) and the
 * law's Werktage (Monday-Saturday except those holidays).
 *
 * Written by hand rather than taken from a library: feiertagejs (the small German one) counts Reformationstag as a
 * Schleswig-Holstein holiday in every year although SH made it one only from 2018, its package.json points `main`
 * at a file the package does not ship, and its API works on Date objects with a global language setting;
 * date-holidays carries the rules of the whole world (with js-yaml and lodash) for ten fixed dates and Easter.
 * The list follows the SH Sonn- und Feiertagsgesetz as summarised in the project brief (the law itself was not read);
 * Easter by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher), checked against known Easter dates in the tests.
 */
import { addDays, type CalendarDay, isoDay, weekday } from './calendar';

export const HOLIDAY_IDS = [
  'neujahr',
  'karfreitag',
  'ostermontag',
  'tagDerArbeit',
  'christiHimmelfahrt',
  'pfingstmontag',
  'tagDerDeutschenEinheit',
  'reformationstag',
  'ersterWeihnachtstag',
  'zweiterWeihnachtstag',
] as const;
export type HolidayId = (typeof HOLIDAY_IDS)[number];

export interface Holiday {
  id: HolidayId;
  day: CalendarDay;
}

/** Easter Sunday of a Gregorian year. */
export function easterSunday(year: number): CalendarDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

/** Reformationstag became a permanent SH holiday in 2018; 2017 (500 years of the Reformation) was a one-off everywhere. */
const REFORMATIONSTAG_FROM = 2018;

export function shHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (id: HolidayId, month: number, day: number): Holiday => ({ id, day: { year, month, day } });
  const fromEaster = (id: HolidayId, offset: number): Holiday => ({ id, day: addDays(easter, offset) });
  const holidays = [
    fixed('neujahr', 1, 1),
    fromEaster('karfreitag', -2),
    fromEaster('ostermontag', 1),
    fixed('tagDerArbeit', 5, 1),
    fromEaster('christiHimmelfahrt', 39),
    fromEaster('pfingstmontag', 50),
    fixed('tagDerDeutschenEinheit', 10, 3),
    fixed('ersterWeihnachtstag', 12, 25),
    fixed('zweiterWeihnachtstag', 12, 26),
  ];
  if (year >= REFORMATIONSTAG_FROM || year === 2017) holidays.push(fixed('reformationstag', 10, 31));
  return holidays;
}

const holidaysByYear = new Map<number, Map<string, HolidayId>>();

/** The SH holiday on this day, if any. */
export function shHolidayOn(day: CalendarDay): HolidayId | undefined {
  let byDay = holidaysByYear.get(day.year);
  if (!byDay) {
    byDay = new Map(shHolidays(day.year).map((h) => [isoDay(h.day), h.id]));
    holidaysByYear.set(day.year, byDay);
  }
  return byDay.get(isoDay(day));
}

export function isWorkingDay(day: CalendarDay): boolean {
  const wd = weekday(day);
  return wd !== 0 && wd !== 6 && shHolidayOn(day) === undefined;
}

/** The first working day strictly after `day`. */
export function nextWorkingDay(day: CalendarDay): CalendarDay {
  let next = addDays(day, 1);
  while (!isWorkingDay(next)) next = addDays(next, 1);
  return next;
}

/**
 * A Werktag in the sense of the law (§ 42a Abs. 4 SGB VIII, like § 193 BGB and the Bundesurlaubsgesetz): every day
 * except Sundays and public holidays, so Saturday counts. "Working day" above is the office's day (Monday-Friday),
 * used only for local reminders.
 */
export function isWerktag(day: CalendarDay): boolean {
  return weekday(day) !== 0 && shHolidayOn(day) === undefined;
}

/** The n-th Werktag after `day`, not counting `day` itself (§ 26 Abs. 1 SGB X with § 187 Abs. 1 BGB). */
export function addWerktage(day: CalendarDay, n: number): CalendarDay {
  let result = day;
  for (let i = 0; i < n; i++) {
    result = addDays(result, 1);
    while (!isWerktag(result)) result = addDays(result, 1);
  }
  return result;
}
