import { asText, formatDateTime, formatIsoDate } from '../../../shared/format';
import { de } from '../../../shared/i18n';
import { berlinToday } from '../app/berlin-time';
import { formatDateText, formatDateTimeText, parseDateText, parseDateTimeText } from '../app/inputs/german-date-text';
import type { FieldSpec } from './fields';

/**
 * Between a field's stored value and what its input holds (text; a list of codes for checkboxes). Parsing says in
 * German what is wrong; a value that does not parse is not saved, it stays in the input with its message.
 */
export type Raw = string | string[];
export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

const v = de.app.nightRecord.validation;
/** A few minutes of slack: the laptop's clock and the caller's are not the same. */
const CLOCK_SLACK_MS = 5 * 60_000;

export function toRaw(spec: FieldSpec, value: unknown): Raw {
  if (spec.kind === 'codes') return Array.isArray(value) ? (value as string[]) : [];
  if (value === undefined || value === null) return '';
  if (spec.kind === 'datetime') return formatDateTimeText(value as number);
  if (spec.kind === 'date') return formatDateText(asText(value));
  if (spec.kind === 'bool') return value ? 'true' : 'false';
  return asText(value);
}

export function parseRaw(spec: FieldSpec, raw: Raw, now: number): Parsed {
  if (spec.kind === 'codes') {
    const chosen = new Set(raw as string[]);
    return { ok: true, value: (spec.options ?? []).map((o) => o.value).filter((code) => chosen.has(code)) };
  }
  const text = raw as string;
  if (text === '') return { ok: true, value: undefined };
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      return spec.maxLength !== undefined && text.length > spec.maxLength
        ? { ok: false, error: v.tooLong(spec.maxLength) }
        : { ok: true, value: text };
    case 'datetime': {
      const ms = parseDateTimeText(text, now);
      if (ms === null) return { ok: false, error: v.invalidDateTime };
      if (ms > now + CLOCK_SLACK_MS) return { ok: false, error: v.futureDateTime };
      return { ok: true, value: ms };
    }
    case 'date': {
      const iso = parseDateText(text, now);
      if (iso === null) return { ok: false, error: v.invalidDate };
      if (iso > berlinToday(now)) return { ok: false, error: v.futureDate };
      return { ok: true, value: iso };
    }
    case 'int': {
      const n = Number(text);
      const inRange = /^\d{1,3}$/.test(text.trim()) && n >= (spec.min ?? 0) && n <= (spec.max ?? 999);
      return inRange ? { ok: true, value: n } : { ok: false, error: v.range(spec.min ?? 0, spec.max ?? 999) };
    }
    case 'bool':
      return { ok: true, value: text === 'true' };
    case 'code':
      return spec.options?.some((o) => o.value === text)
        ? { ok: true, value: text }
        : { ok: false, error: v.unknownOption };
  }
}

/** A stored value as a person reads it (the conflict view). */
export function displayOf(spec: FieldSpec | undefined, value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return de.app.nightRecord.empty;
  }
  if (!spec) return typeof value === 'string' ? value : JSON.stringify(value);
  switch (spec.kind) {
    case 'datetime':
      return typeof value === 'number' ? formatDateTime(value) : asText(value);
    case 'date':
      return formatIsoDate(asText(value));
    case 'bool':
      return value ? de.nightRecord.yesNoUnknown.yes : de.nightRecord.yesNoUnknown.no;
    case 'code':
      return spec.options?.find((o) => o.value === value)?.label ?? asText(value);
    case 'codes':
      return (value as string[]).map((code) => spec.options?.find((o) => o.value === code)?.label ?? code).join(', ');
    default:
      return asText(value);
  }
}
