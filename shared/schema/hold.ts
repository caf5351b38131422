import type { FromSchema } from 'json-schema-to-ts';

import { AGE_GROUPS } from '../catalogues/ageGroup';
import { SEXES } from '../catalogues/nightRecord';
import { OFFICE_IDS } from '../offices';
import { conflictEntry, docId, timestampMs, userRef, wireSchemaOf } from './common';

/**
 * A place held at a facility for one intake (collection `holds`). Every Verbund user reads every hold, so a hold
 * says nothing about the child beyond the two statistics codes a facility needs to prepare a bed: age group and
 * sex. There is no text field at all. The intake is referenced by its id, which must be a UUID: a pattern of hex
 * digits cannot carry a name, and the id alone opens nothing in another office (intakes never cross office lines).
 * The hold's own id is a UUID for the same reason. `facilityId` is an ordinary document id; the server checks
 * that such a facility exists.
 */
export const HOLD_STATUS = ['held', 'occupied', 'released', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUS)[number];

/** A lower-case UUID as crypto.randomUUID() makes it. */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const uuid = { type: 'string', minLength: 36, maxLength: 36, pattern: UUID_PATTERN } as const;

/** Fields that may change after creation. The rest is fixed: a different place or intake is a new hold. */
export const HOLD_MUTABLE_FIELDS = ['status', 'overbooked', 'ageGroup', 'sex'] as const;
export type HoldMutableField = (typeof HOLD_MUTABLE_FIELDS)[number];

/**
 * A lost edit of a hold can only be one of its mutable values, so the recorded JSON text is pinned down
 * exactly: a code, a boolean, or null (a field missing on one side). Nothing else fits, in particular no name.
 */
const HOLD_CONFLICT_VALUE_PATTERN = `^(?:true|false|null|"(?:${[...HOLD_STATUS, ...AGE_GROUPS, ...SEXES].join('|')})")$`;
const holdConflictEntry = {
  ...conflictEntry,
  properties: {
    ...conflictEntry.properties,
    field: { type: 'string', enum: HOLD_MUTABLE_FIELDS, maxLength: 16 },
    value: { type: 'string', maxLength: 32, pattern: HOLD_CONFLICT_VALUE_PATTERN },
  },
} as const;

const holdFields = {
  type: 'object',
  properties: {
    id: uuid,
    facilityId: docId,
    officeId: { type: 'string', enum: OFFICE_IDS, maxLength: 32 },
    updatedAt: timestampMs,
    updatedBy: userRef,
    /** Client clock at creation; decides whether the hold came after the facility's last report. */
    createdAt: timestampMs,
    intakeRef: uuid,
    ageGroup: { type: 'string', enum: AGE_GROUPS, maxLength: 16 },
    sex: { type: 'string', enum: SEXES, maxLength: 16 },
    /** When the place was promised (may be before createdAt when agreed by phone and typed in later). */
    from: timestampMs,
    /** from + the facility's holdExpiryHours; past it, a hold not yet confirmed counts as expired. */
    expiresAt: timestampMs,
    status: { type: 'string', enum: HOLD_STATUS, maxLength: 16 },
    /** Computed by the server from all holds of the facility (placement/overbooking.ts); never by a client. */
    overbooked: { type: 'boolean' },
    conflicts: { type: 'array', items: holdConflictEntry, maxItems: 100 },
  },
  required: [
    'id',
    'facilityId',
    'officeId',
    'updatedAt',
    'updatedBy',
    'createdAt',
    'intakeRef',
    'ageGroup',
    'sex',
    'from',
    'expiresAt',
    'status',
    'overbooked',
    'conflicts',
  ],
  additionalProperties: false,
} as const;

export type Hold = FromSchema<typeof holdFields>;
export type HoldConflict = Hold['conflicts'][number];

export const HOLD_SCHEMA_VERSION = 0;

/** RxDB schema. Nothing is encrypted: the document holds no personal data (see above). */
export const holdRxSchema = {
  ...holdFields,
  title: 'holds',
  version: HOLD_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: ['updatedAt', ['facilityId', 'createdAt'], ['officeId', 'createdAt'], ['status', 'expiresAt']],
} as const;

/** Schema of a hold as pushed and pulled (sync-api.md): the fields plus `_deleted`. */
export const holdWireSchema = wireSchemaOf(holdFields);
export type HoldWire = Hold & { _deleted: boolean };

/**
 * Allowed status changes; the server enforces them for every push. A held place is confirmed (occupied),
 * given back (released) or lapses (expired); an occupied place is given back when the child leaves. Released
 * and expired are final: holding again is a new hold, because the place may have gone to someone else.
 */
export function isAllowedHoldTransition(from: HoldStatus | undefined, to: HoldStatus): boolean {
  if (from === undefined) return to === 'held' || to === 'occupied';
  if (from === to) return true;
  if (from === 'held') return true;
  return from === 'occupied' && to === 'released';
}

/** What a client may change on an existing hold besides bookkeeping; `overbooked` is the server's. */
const CLIENT_MUTABLE_FIELDS: readonly string[] = HOLD_MUTABLE_FIELDS.filter((f) => f !== 'overbooked');
const BOOKKEEPING: readonly string[] = ['updatedAt', 'updatedBy', 'conflicts'];
const CLIENT_FIXED_FIELDS = (Object.keys(holdFields.properties) as (keyof Hold)[]).filter(
  (k) => !CLIENT_MUTABLE_FIELDS.includes(k) && !BOOKKEEPING.includes(k),
);

/**
 * Fields a client changed that it may not change: the fixed fields of an existing hold and the server's
 * `overbooked` (which a new hold must start as false). Empty means the write is acceptable on this count.
 */
export function forbiddenHoldChanges(before: Hold | undefined, after: Hold): (keyof Hold)[] {
  if (!before) return after.overbooked ? ['overbooked'] : [];
  return CLIENT_FIXED_FIELDS.filter((k) => before[k] !== after[k]);
}
