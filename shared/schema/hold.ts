import type { FromSchema } from 'json-schema-to-ts';

import { AGE_GROUPS } from '../catalogues/ageGroup';
import { REFUSAL_REASONS } from '../catalogues/entry';
import { SEXES } from '../catalogues/nightRecord';
import { OFFICE_IDS } from '../offices';
import { conflictEntry, docId, timestampMs, userRef, wireSchemaOf } from './common';

/**
 * One placement of one child at one facility of the Verbund (collection `holds`, named for its first use): the
 * single source of the record's placement search (section 4), its log and the board (docs/placement.md).
 * Every Verbund user reads every placement, so it says nothing about the child beyond the two statistics codes a
 * facility needs to prepare a bed: age group and sex; reasons are codes. There is no text field at all. The record
 * is referenced by `intakeRef`, the record's id: the server accepts it only for a stored record of the writer's
 * office (or one handed over to it), and shows it as the record's id only to those who may read the record; others
 * see a stand-in (shared/rules/holds.ts, server/sync/holds.ts). The placement's own id is a UUID. `facilityId` is an ordinary document id; the
 * server checks that such a facility exists.
 *
 * States: requested (angefragt), held (gehalten, until expiresAt), confirmed (zugesagt by the facility), occupied
 * (aufgenommen), refused (abgelehnt, with a reason), released (freigegeben), expired (verfallen).
 */
export const HOLD_STATUS = ['requested', 'held', 'confirmed', 'occupied', 'refused', 'released', 'expired'] as const;
export type HoldStatus = (typeof HOLD_STATUS)[number];

/**
 * The age group a placement tells the facility: a statistics group, or `unknown` when the record holds neither a
 * birth date nor an estimated or stated age (placementAgeGroup in shared/placement/newHold.ts, docs/placement.md).
 * Never a guessed group: the facility prepares a bed by it.
 */
export const HOLD_AGE_GROUPS = [...AGE_GROUPS, 'unknown'] as const;
export type HoldAgeGroup = (typeof HOLD_AGE_GROUPS)[number];

/**
 * Which places of the facility a placement takes: its ordinary places (`totalPlaces`), or its mother-and-child room
 * (`motherChildPlaces`), which is counted on its own (shared/placement/rooms.ts). A hold without `room` (every hold
 * before schema version 3) takes an ordinary place.
 */
export const HOLD_ROOMS = ['ordinary', 'mother_child'] as const;
export type HoldRoom = (typeof HOLD_ROOMS)[number];

/** A lower-case UUID as crypto.randomUUID() makes it. */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const uuid = { type: 'string', minLength: 36, maxLength: 36, pattern: UUID_PATTERN } as const;

/**
 * Why a place the board shows as full is held anyway: asked before such a hold is made, a code like everything
 * else in a placement.
 */
export const OVERBOOK_REASONS = [
  'emergency_no_alternative',
  'facility_agreed',
  'keep_siblings_together',
  'other',
] as const;
export type OverbookReason = (typeof OVERBOOK_REASONS)[number];

/** Fields that may change after creation. The rest is fixed: a different place or intake is a new hold. */
export const HOLD_MUTABLE_FIELDS = ['status', 'overbooked', 'ageGroup', 'sex', 'refusalReason', 'admittedAt'] as const;
export type HoldMutableField = (typeof HOLD_MUTABLE_FIELDS)[number];

/**
 * A lost edit of a hold can only be one of its mutable values, so the recorded JSON text is pinned down
 * exactly: a code, a boolean, or null (a field missing on one side). Nothing else fits, in particular no name.
 */
const HOLD_CONFLICT_VALUE_PATTERN = `^(?:true|false|null|[0-9]{1,16}|"(?:${[...HOLD_STATUS, ...HOLD_AGE_GROUPS, ...SEXES, ...REFUSAL_REASONS].join('|')})")$`;
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
    ageGroup: { type: 'string', enum: HOLD_AGE_GROUPS, maxLength: 16 },
    sex: { type: 'string', enum: SEXES, maxLength: 16 },
    /** Fixed at creation: a placement in the other room is a new placement. */
    room: { type: 'string', enum: HOLD_ROOMS, maxLength: 16 },
    /** When the place was promised (may be before createdAt when agreed by phone and typed in later). */
    from: timestampMs,
    /** from + the facility's holdExpiryHours; past it, a hold not yet confirmed counts as expired. */
    expiresAt: timestampMs,
    status: { type: 'string', enum: HOLD_STATUS, maxLength: 16 },
    /** Why the facility said no (status refused). */
    refusalReason: { type: 'string', enum: REFUSAL_REASONS, maxLength: 16 },
    /** Given when the place was held although the board showed it full. */
    overbookReason: { type: 'string', enum: OVERBOOK_REASONS, maxLength: 32 },
    /** When the child arrived (status occupied): a free-places report made before it did not count this bed. */
    admittedAt: timestampMs,
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

/**
 * 1: the placement states, reasons and admittedAt; 2: the age group `unknown`; 3: the optional `room`;
 * 4: a conflict's device and who wrote the value that stayed (shared/schema/common.ts), optional
 * (renderer/src/data/migrations/hold.ts keeps the older documents as they are).
 */
export const HOLD_SCHEMA_VERSION = 4;

/** RxDB schema. Nothing is encrypted: the document holds no personal data (see above). */
export const holdRxSchema = {
  ...holdFields,
  title: 'holds',
  version: HOLD_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: ['updatedAt', ['facilityId', 'createdAt'], ['officeId', 'createdAt'], ['status', 'expiresAt']],
} as const;

/** Schema of a hold as pushed and pulled (docs/api.md): the fields plus `_deleted`. */
export const holdWireSchema = wireSchemaOf(holdFields);
export type HoldWire = Hold & { _deleted: boolean };

/**
 * Allowed steps of a placement; the server enforces them for every push, the app offers only these. A placement
 * starts as an enquiry, a hold, a confirmation, an admission or a refusal (a phone call may settle it at once).
 * An enquiry is answered (held, confirmed, refused, admitted) or dropped (released); a hold is confirmed, admitted,
 * refused, given back or lapses; a confirmation ends in the admission, or is given back or withdrawn (refused);
 * a child admitted is given back when the child leaves. Refused, released and expired are final: asking again is
 * a new placement, because the place may have gone to someone else.
 */
const HOLD_STEPS: Record<HoldStatus, readonly HoldStatus[]> = {
  requested: ['held', 'confirmed', 'occupied', 'refused', 'released'],
  held: ['confirmed', 'occupied', 'refused', 'released', 'expired'],
  confirmed: ['occupied', 'refused', 'released'],
  occupied: ['released'],
  refused: [],
  released: [],
  expired: [],
};
const FIRST_STEPS: readonly HoldStatus[] = ['requested', 'held', 'confirmed', 'occupied', 'refused'];

export function isAllowedHoldTransition(from: HoldStatus | undefined, to: HoldStatus): boolean {
  if (from === undefined) return FIRST_STEPS.includes(to);
  return from === to || HOLD_STEPS[from].includes(to);
}

/** The steps a placement in this state can take next (what the record and the board offer). */
export function nextHoldSteps(from: HoldStatus): readonly HoldStatus[] {
  return HOLD_STEPS[from];
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
