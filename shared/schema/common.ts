import type { JSONSchema } from 'json-schema-to-ts';

/**
 * Building blocks for document schemas. RxDB needs min/max/multipleOf on indexed numbers and maxLength on
 * indexed strings, so the common fields carry them.
 */
export const timestampMs = { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 } as const;
export const docId = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' } as const;
export const userRef = { type: 'string', minLength: 1, maxLength: 64 } as const;

/** A device as the server knows it (table `devices`, the login's limits): its id and the name it registered with. */
const deviceId = { type: 'string', minLength: 1, maxLength: 128 } as const;
const deviceName = { type: 'string', minLength: 1, maxLength: 200 } as const;

/**
 * Who wrote the value that stayed in a conflict: the server's state the merge met, as last written (person, the
 * writer's clock, and the device the server received it from). Stamped by the server (shared/rules/conflicts.ts).
 */
const conflictWinner = {
  type: 'object',
  properties: { by: userRef, at: timestampMs, deviceId, deviceName },
  required: ['by', 'at'],
  additionalProperties: false,
} as const;

/**
 * A value that lost a concurrent edit: the server value stayed, this one is kept on the record until someone
 * resolves it (docs/architecture.md, sync rules). `value` is JSON text so that any field's type fits. `by`, the
 * device and `winner` are the server's to say (shared/rules/conflicts.ts): a push cannot name another author; all
 * three are optional because records written before they existed lack the device and the winner.
 */
export const conflictEntry = {
  type: 'object',
  properties: {
    id: docId,
    field: { type: 'string', minLength: 1, maxLength: 200 },
    value: { type: 'string', maxLength: 200_000 },
    by: userRef,
    at: timestampMs,
    /** The device the lost value came from (the pushing session's or the outbox credential's device). */
    deviceId,
    deviceName,
    winner: conflictWinner,
  },
  required: ['id', 'field', 'value', 'by', 'at'],
  additionalProperties: false,
} as const;

/** Keys RxDB adds to the JSON schema; ajv on the server must not see them as unknown keywords. */
export const RXDB_SCHEMA_KEYWORDS = [
  'primaryKey',
  'version',
  'indexes',
  'encrypted',
  'keyCompression',
  'final',
] as const;

export type DocumentJsonSchema = JSONSchema & { type: 'object'; properties: Record<string, JSONSchema> };

/**
 * What travels on the wire (docs/api.md): the document's fields plus `_deleted`. RxDB keeps `_deleted`
 * itself, so it is not in the stored schema but is in the server's.
 */
export function wireSchemaOf<S extends { properties: object; required: readonly string[] }>(schema: S) {
  return {
    type: 'object',
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
    required: [...schema.required, '_deleted'],
    additionalProperties: false,
  } as const;
}
