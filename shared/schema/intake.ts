import type { FromSchema } from 'json-schema-to-ts';

import { INITIATED_BY } from '../catalogues/initiatedBy';
import { OFFICE_IDS } from '../offices';
import { conflictEntry, docId, timestampMs, userRef, wireSchemaOf } from './common';
import { entrustedMark } from './entrusted';
import { NIGHT_RECORD_SECTIONS, nightRecordProperties } from './nightRecord';

/**
 * The night record of one child (collection `intakes`). This JSON schema is the single source: the TS type
 * below, the RxDB schema (renderer) and the server's validator are derived from it.
 */
export const INTAKE_STATUS = ['draft', 'submitted'] as const;
export type IntakeStatus = (typeof INTAKE_STATUS)[number];

/**
 * The morning review of a submitted record (Vier-Augen-Prinzip). No `review` means "neu". Who takes which step
 * from which state: shared/rules/intake.ts. From `countersigned` on the record is locked: later facts go in as log
 * entries (addenda).
 */
export const REVIEW_STATES = ['new', 'in_review', 'returned', 'countersigned', 'handed_over', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const LOCKED_REVIEW_STATES: readonly ReviewState[] = ['countersigned', 'handed_over', 'closed'];

const reviewField = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: REVIEW_STATES, maxLength: 16 },
    returnComment: { type: 'string', maxLength: 5000 },
    returnedBy: userRef,
    returnedAt: timestampMs,
    countersignedBy: userRef,
    countersignedAt: timestampMs,
    /** The responsible office (örtliche Zuständigkeit) the record was handed to; it may then read this record. */
    handedOverTo: { type: 'string', enum: OFFICE_IDS, maxLength: 32 },
    handedOverBy: userRef,
    handedOverAt: timestampMs,
  },
  required: ['state'],
  additionalProperties: false,
} as const;

const intakeFields = {
  type: 'object',
  properties: {
    id: docId,
    officeId: { type: 'string', enum: OFFICE_IDS, maxLength: 32 },
    createdBy: userRef,
    createdAt: timestampMs,
    updatedAt: timestampMs,
    updatedBy: userRef,
    receivedAt: timestampMs,
    child: {
      type: 'object',
      properties: {
        firstName: { type: 'string', maxLength: 200 },
        lastName: { type: 'string', maxLength: 200 },
        birthDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 },
        estimatedAge: { type: 'integer', minimum: 0, maximum: 21 },
        /** The age the young person states (Selbstauskunft); the statistics' age group rests on it (§ 42f cases). */
        claimedAge: { type: 'integer', minimum: 0, maximum: 30 },
      },
      required: ['firstName', 'lastName'],
      additionalProperties: false,
    },
    initiatedBy: { type: 'string', enum: INITIATED_BY },
    situation: { type: 'string', maxLength: 20_000 },
    status: { type: 'string', enum: INTAKE_STATUS, maxLength: 16 },
    conflicts: { type: 'array', items: conflictEntry, maxItems: 500 },
    review: reviewField,
    /** Fields and log lines marked "anvertraut" (§ 65 SGB VIII): shared/privacy/entrusted.ts decides who reads them. */
    entrusted: { type: 'array', items: entrustedMark, maxItems: 500 },
    ...nightRecordProperties,
  },
  required: [
    'id',
    'officeId',
    'createdBy',
    'createdAt',
    'updatedAt',
    'updatedBy',
    'receivedAt',
    'child',
    'situation',
    'status',
    'conflicts',
  ],
  additionalProperties: false,
} as const;

export type Intake = FromSchema<typeof intakeFields>;
export type IntakeConflict = Intake['conflicts'][number];
export type IntakeReview = NonNullable<Intake['review']>;

export function reviewStateOf(intake: Pick<Intake, 'review'>): ReviewState {
  return intake.review?.state ?? 'new';
}

export function isLocked(intake: Pick<Intake, 'review'> | undefined): boolean {
  return intake !== undefined && LOCKED_REVIEW_STATES.includes(reviewStateOf(intake));
}

/**
 * 0: the walking skeleton; 1: the night record's sections (steps 1-13 and the statistics facts); 2: review;
 * 3: the legal duties' facts (custody, health sheet, § 42a-f fields, linked § 42a -> § 42 Nr. 3), all optional;
 * 4: the optional markings of entrusted data (§ 65 SGB VIII);
 * 5: earlier intakes ruled out or counted, and the group of children taken into care together, both optional;
 * 6: a conflict's device and who wrote the value that stayed (shared/schema/common.ts), optional.
 */
export const INTAKE_SCHEMA_VERSION = 6;

/** RxDB schema. Personal data is encrypted at rest; only ids, office, status and times stay clear for indexes. */
export const intakeRxSchema = {
  ...intakeFields,
  title: 'intakes',
  version: INTAKE_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: ['updatedAt', ['officeId', 'receivedAt'], ['status', 'updatedAt']],
  encrypted: ['child', 'situation', 'conflicts', 'review', 'entrusted', ...NIGHT_RECORD_SECTIONS],
} as const;

/** Schema of an intake as pushed and pulled (docs/api.md): the fields plus `_deleted`. */
export const intakeWireSchema = wireSchemaOf(intakeFields);
export type IntakeWire = Intake & { _deleted: boolean };

/** Allowed status changes. The server enforces them for every push. */
export function isAllowedIntakeTransition(from: IntakeStatus | undefined, to: IntakeStatus): boolean {
  if (from === undefined || from === 'draft') return true;
  return to === 'submitted';
}
