import type { FromSchema } from 'json-schema-to-ts';

import { ENTRY_KINDS, PLACEMENT_ANSWERS, REFUSAL_REASONS } from '../catalogues/entry';
import { OFFICE_IDS } from '../offices';
import { docId, timestampMs, userRef, wireSchemaOf } from './common';

/**
 * One line of the log of an intake (collection `entries`): append-only and immutable once on the server
 * (docs/architecture.md: log entries do not conflict). A mistake is corrected by a new line that names the one it
 * corrects. This JSON schema is the single source of the TS type, the RxDB schema and the server's validator.
 */
const entryFields = {
  type: 'object',
  properties: {
    id: docId,
    officeId: { type: 'string', enum: OFFICE_IDS, maxLength: 32 },
    intakeId: docId,
    kind: { type: 'string', enum: ENTRY_KINDS, maxLength: 32 },
    /** When it happened (the worker may log a call made ten minutes ago). */
    at: timestampMs,
    createdBy: userRef,
    createdAt: timestampMs,
    updatedAt: timestampMs,
    text: { type: 'string', maxLength: 20_000 },
    /** A placement attempt: the place asked and its answer. */
    placement: {
      type: 'object',
      properties: {
        facilityId: docId,
        facilityName: { type: 'string', minLength: 1, maxLength: 300 },
        answer: { type: 'string', enum: PLACEMENT_ANSWERS },
        reason: { type: 'string', enum: REFUSAL_REASONS },
      },
      required: ['facilityName', 'answer'],
      additionalProperties: false,
    },
    /** The entry this one corrects. */
    correctsId: docId,
  },
  required: ['id', 'officeId', 'intakeId', 'kind', 'at', 'createdBy', 'createdAt', 'updatedAt', 'text'],
  additionalProperties: false,
} as const;

export type Entry = FromSchema<typeof entryFields>;
export type EntryPlacement = NonNullable<Entry['placement']>;

export const ENTRY_SCHEMA_VERSION = 0;

/** RxDB schema: what was said and to whom is encrypted; the intake it belongs to and the time stay clear for indexes. */
export const entryRxSchema = {
  ...entryFields,
  title: 'entries',
  version: ENTRY_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: [['intakeId', 'at'], 'updatedAt'],
  encrypted: ['text', 'placement'],
} as const;

export const entryWireSchema = wireSchemaOf(entryFields);
export type EntryWire = Entry & { _deleted: boolean };
