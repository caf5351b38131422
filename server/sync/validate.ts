import { Ajv, type ErrorObject } from 'ajv';

import { type ErrorCode, errors } from '../../shared/i18n/de/errors';
import { RXDB_SCHEMA_KEYWORDS } from '../../shared/schema/common';

export type Invalid = { code: ErrorCode; message: string };
export type Validator = (doc: unknown) => Invalid | null;

const ajv = new Ajv({ allErrors: true, strict: true, keywords: [...RXDB_SCHEMA_KEYWORDS] });

/** `Der Datensatz …: Vorname, Status.` - the catalogue sentence with the affected fields by their German labels. */
export function withFields(code: ErrorCode, fields: string[], labels: Record<string, string>): Invalid {
  const named = [...new Set(fields.map((f) => labels[f] ?? f))];
  const sentence = errors[code];
  return { code, message: named.length ? `${sentence.replace(/\.$/, '')}: ${named.join(', ')}.` : sentence };
}

function fieldOf(err: ErrorObject): string {
  const path = err.instancePath.split('/').slice(1);
  if (err.keyword === 'required') path.push(String(err.params.missingProperty));
  if (err.keyword === 'additionalProperties') path.push(String(err.params.additionalProperty));
  // Array positions are not fields: `conflicts/3/value` is reported as `conflicts`.
  const firstIndex = path.findIndex((p) => /^\d+$/.test(p));
  return (firstIndex < 0 ? path : path.slice(0, firstIndex)).join('.');
}

/**
 * PostgreSQL's jsonb refuses NUL characters and lone surrogates; a document carrying them must be rejected as
 * invalid rather than fail the whole push with a 5xx.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text cannot hold
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storableText(value: unknown): boolean {
  if (typeof value === 'string') return !UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.every(storableText);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([k, v]) => storableText(k) && storableText(v));
  }
  return true;
}

/** Compiles a collection's wire schema into a check that names the bad fields in German. */
export function compileValidator(schema: object, labels: Record<string, string>): Validator {
  const check = ajv.compile(schema);
  return (doc) => {
    if (!check(doc)) {
      const errs = check.errors ?? [];
      const unknown = errs.filter((e) => e.keyword === 'additionalProperties');
      if (unknown.length) return withFields('unknown_field', unknown.map(fieldOf), {});
      return withFields('validation_failed', errs.map(fieldOf), labels);
    }
    if (!storableText(doc)) return { code: 'validation_failed', message: errors.validation_failed };
    return null;
  };
}
