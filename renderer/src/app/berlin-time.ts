import { TZDate } from '@date-fns/tz';

/**
 * The form's date-time fields show Berlin wall-clock time whatever the machine's zone (the laptop may be set to
 * UTC), so the value of an <input type="datetime-local"> is read and written in Europe/Berlin.
 */
const ZONE = 'Europe/Berlin';

export function toBerlinInput(ms: number): string {
  const d = new TZDate(ms, ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** ms since epoch, or null when the text is not a complete date and time. */
export function fromBerlinInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new TZDate(y, mo - 1, d, h, mi, ZONE);
  const ms = date.getTime();
  if (Number.isNaN(ms) || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return ms;
}

/** Today's date in Berlin as yyyy-mm-dd (upper bound of a birth date). */
export function berlinToday(now: number): string {
  return toBerlinInput(now).slice(0, 10);
}
