import { TZDateMini } from '@date-fns/tz/date/mini';

/**
 * Calendar days and wall-clock times in Europe/Berlin, whatever the machine's zone.
 *
 * Deadlines are stated in local days ("end of the next day", "08:30 the next working morning"), so an instant is
 * first turned into its Berlin calendar day, the arithmetic is done on calendar days (UTC-based, so free of any
 * zone), and the result is turned back into an instant at a Berlin wall-clock time. Adding 24 h to an instant would
 * drift by an hour across the daylight-saving changes in March and October.
 */

/** A calendar day; month 1-12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const ZONE = 'Europe/Berlin';

export function berlinDay(ms: number): CalendarDay {
  const d = new TZDateMini(ms, ZONE);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** The instant at which the clocks in Berlin show this day and time. */
export function berlinTime(day: CalendarDay, hours: number, minutes = 0, seconds = 0, millis = 0): number {
  return new TZDateMini(day.year, day.month - 1, day.day, hours, minutes, seconds, millis, ZONE).getTime();
}

/** The last millisecond of the day in Berlin: "bis zum Ablauf des Tages". */
export function endOfBerlinDay(day: CalendarDay): number {
  return berlinTime(day, 23, 59, 59, 999);
}

function fromUtc(ms: number): CalendarDay {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtc(Date.UTC(day.year, day.month - 1, day.day + days));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
}

/** The same day number some months later; a day the target month lacks becomes its last day (31.01. -> 28./29.02.). */
export function addMonthsClamped(day: CalendarDay, months: number): CalendarDay {
  const target = fromUtc(Date.UTC(day.year, day.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.year, target.month, 0)).getUTCDate();
  return { ...target, day: Math.min(day.day, lastDay) };
}

/** yyyy-mm-dd, used as a set key. */
export function isoDay(day: CalendarDay): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}
