/** Dates as users read them: dd.MM.yyyy HH:mm, Europe/Berlin, whatever the machine's zone. */
const dateTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateOnly = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

export function formatDateTime(ms: number): string {
  return dateTime.format(ms).replace(',', '');
}

export function formatDate(ms: number): string {
  return dateOnly.format(ms);
}

/** An ISO date (yyyy-mm-dd, as stored for birth dates) as dd.MM.yyyy. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** A stored value as text: strings, numbers and booleans as they are, anything else as JSON (never "[object Object]"). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}
