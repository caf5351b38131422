import { TZDate } from '@date-fns/tz';

/**
 * Dates and times as a German night worker types them, whatever the operating system's language: the text is
 * dd.MM.yyyy HH:mm in Europe/Berlin (the native date inputs followed the OS locale and cost seven Tab stops). Digits
 * alone, short forms and a few relative entries are read too, and shown in the full form once the field is left.
 */
const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function formatDateTimeText(ms: number): string {
  const d = new TZDate(ms, ZONE);
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A stored ISO date (yyyy-mm-dd) as dd.MM.yyyy. */
export function formatDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

type Day = { y: number; mo: number; d: number };

function berlinDay(ms: number): Day {
  const d = new TZDate(ms, ZONE);
  return { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate() };
}

/** ms of a Berlin wall-clock time, or null when no such day or time exists. */
function berlinMs({ y, mo, d }: Day, h: number, mi: number): number | null {
  if (h > 23 || mi > 59) return null;
  const date = new TZDate(y, mo - 1, d, h, mi, ZONE);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** A two-digit year: the latest such year not after `reference` (2099 is not a birth year in 2026). */
function fullYear(text: string, reference: number): number {
  if (text.length === 4) return Number(text);
  const y = 2000 + Number(text);
  return y > reference ? y - 100 : y;
}

/**
 * A date typed as dd.MM.yyyy, d.M.yy, ddMMyyyy, ddMMyy or (from older data and tests) yyyy-MM-dd; the year may be
 * left out ("24.12."). Returns the day, or null.
 */
function parseDay(text: string, now: number): Day | null {
  const today = berlinDay(now);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { y: Number(iso[1]), mo: Number(iso[2]), d: Number(iso[3]) };
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/.exec(text);
  if (dotted) {
    const y = dotted[3] ? fullYear(dotted[3], today.y) : today.y;
    return { y, mo: Number(dotted[2]), d: Number(dotted[1]) };
  }
  const digits = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(text);
  if (digits) return { y: fullYear(digits[3], today.y), mo: Number(digits[2]), d: Number(digits[1]) };
  return null;
}

function validDay(day: Day): boolean {
  const date = new Date(Date.UTC(day.y, day.mo - 1, day.d));
  return (
    day.y >= 1900 && date.getUTCFullYear() === day.y && date.getUTCMonth() === day.mo - 1 && date.getUTCDate() === day.d
  );
}

/** A date as stored (yyyy-mm-dd), or null when the text is no date. */
export function parseDateText(text: string, now: number): string | null {
  const day = parseDay(text.trim(), now);
  if (!day || !validDay(day)) return null;
  return `${day.y}-${pad(day.mo)}-${pad(day.d)}`;
}

function parseTime(text: string): { h: number; mi: number } | null {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  return { h: Number(m[1]), mi: Number(m[2] ?? 0) };
}

/**
 * ms since epoch of a date and time as typed, or null. Besides the full form:
 * - "j" or "jetzt": now;
 * - "-15", "-15m", "-2h": that many minutes (hours) ago;
 * - a time alone ("23:40", "2340"): its latest occurrence up to now, so after midnight "23:40" is last evening;
 * - digits alone: ddMMyyyyHHmm or ddMMyyHHmm;
 * - yyyy-MM-ddTHH:mm (older drafts and tests).
 */
export function parseDateTimeText(input: string, now: number): number | null {
  const text = input.trim().toLowerCase();
  if (text === 'j' || text === 'jetzt') return Math.floor(now / MINUTE) * MINUTE;
  const relative = /^-\s*(\d{1,4})\s*(m|min|h|std)?$/.exec(text);
  if (relative) {
    const minutes = Number(relative[1]) * (relative[2] === 'h' || relative[2] === 'std' ? 60 : 1);
    return Math.floor(now / MINUTE) * MINUTE - minutes * MINUTE;
  }
  const compact = /^(\d{2})(\d{2})(\d{2}|\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) {
    const day = { y: fullYear(compact[3], berlinDay(now).y), mo: Number(compact[2]), d: Number(compact[1]) };
    return validDay(day) ? berlinMs(day, Number(compact[4]), Number(compact[5])) : null;
  }
  const [datePart, timePart, ...rest] = text.replace('t', ' ').split(/\s+/);
  if (rest.length > 0) return null;
  if (timePart === undefined) {
    const time = /:|^\d{3,4}$/.test(datePart) ? parseTime(datePart) : null;
    if (!time) return null;
    const today = berlinMs(berlinDay(now), time.h, time.mi);
    if (today === null) return null;
    // Not later than now (with the slack of two clocks): a time alone means the last time it was that late.
    return today > now + 5 * MINUTE ? berlinMs(berlinDay(now - 24 * 60 * MINUTE), time.h, time.mi) : today;
  }
  const day = parseDay(datePart, now);
  const time = parseTime(timePart);
  if (!day || !time || !validDay(day)) return null;
  return berlinMs(day, time.h, time.mi);
}

const DATE_TIME_MASK = 'dd.dd.dddd dd:dd';
const DATE_MASK = 'dd.dd.dddd';

/**
 * Typing digits at the end of the field fills in the separators ("0712" becomes "07.12."); a separator typed where
 * one was just filled in is not doubled, and one of another kind replaces it ("23." then ":" becomes "23:", a
 * time alone). Anything else (editing in the middle, pasting, relative entries) is left as typed.
 */
export function maskTyping(previous: string, next: string, kind: 'date' | 'datetime'): string {
  const mask = kind === 'date' ? DATE_MASK : DATE_TIME_MASK;
  if (next.length !== previous.length + 1 || !next.startsWith(previous)) return next;
  const typed = next[next.length - 1];
  const last = previous[previous.length - 1];
  const filled = previous.length > 0 && mask[previous.length - 1] !== 'd' && fitsMask(previous, mask);
  if (filled && /[.: ]/.test(typed)) {
    return typed === last ? previous : previous.slice(0, -1) + typed;
  }
  if (!/\d/.test(typed) || !fitsMask(next, mask)) return next;
  const following = mask[next.length];
  return following !== undefined && following !== 'd' ? next + following : next;
}

function fitsMask(text: string, mask: string): boolean {
  if (text.length > mask.length) return false;
  for (let i = 0; i < text.length; i++) {
    if (mask[i] === 'd' ? !/\d/.test(text[i]) : text[i] !== mask[i]) return false;
  }
  return true;
}
