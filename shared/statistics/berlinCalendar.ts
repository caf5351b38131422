import { formatDate } from '../format';

const DAY_MS = 86_400_000;

/** The calendar day of an instant in Europe/Berlin as [year, month, day], whatever the machine's zone. */
export function berlinDay(ms: number): [year: number, month: number, day: number] {
  const [d, m, y] = formatDate(ms).split('.').map(Number);
  return [y, m, d];
}

export function berlinYear(ms: number): number {
  return berlinDay(ms)[0];
}

/**
 * Calendar days from the Berlin date of `from` to the Berlin date of `to` (same day: 0). Counted on dates, not
 * elapsed hours, so the 23- and 25-hour days of the clock changes count as one day like any other.
 */
export function berlinDaysBetween(from: number, to: number): number {
  const [fy, fm, fd] = berlinDay(from);
  const [ty, tm, td] = berlinDay(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}
