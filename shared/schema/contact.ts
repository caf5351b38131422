import type { FromSchema } from 'json-schema-to-ts';

import { OFFICE_IDS } from '../offices';
import { conflictEntry, docId, timestampMs, userRef, wireSchemaOf } from './common';

/**
 * One entry of the Verbund's night directory (collection `contacts`, docs/api.md): a duty number, the
 * Hintergrunddienst of a night, a police station, the family court's emergency service, a clinic, an interpreter
 * service, transport. Every Verbund user reads every entry (shared/rules/contacts.ts says who writes), so the entry
 * holds service data only: names of services or of the staff on a roster, their numbers and hours - never a child.
 */
export const CONTACT_CATEGORIES = [
  'office_duty',
  'background_duty',
  'police',
  'family_court',
  'clinic',
  'child_protection_clinic',
  'interpreter',
  'transport',
  'facility',
  'other',
] as const;
export type ContactCategory = (typeof CONTACT_CATEGORIES)[number];

/** Who keeps an entry: one office, or the Verbund coordination for entries that serve all five. */
export const VERBUND_OWNER = 'verbund';
export const CONTACT_OWNERS = [...OFFICE_IDS, VERBUND_OWNER] as const;
export type ContactOwner = (typeof CONTACT_OWNERS)[number];

/** Areas an entry serves (none listed: the whole Verbund); 'outside' for a service beyond the five areas. */
export const CONTACT_AREAS = [...OFFICE_IDS, 'outside'] as const;

/**
 * When the service answers: around the clock, outside office hours (nights, weekends, holidays), or on working
 * days between two times (Europe/Berlin).
 */
export const AVAILABILITY_KINDS = ['always', 'nights', 'weekdays'] as const;
export type AvailabilityKind = (typeof AVAILABILITY_KINDS)[number];

/** One line, trimmed, no "@" (no e-mail addresses of people). */
const SHORT_TEXT_PATTERN = '^[^\\s@]([^@\\r\\n\\t]*[^\\s@])?$';
function shortText<N extends number>(maxLength: N) {
  return { type: 'string', minLength: 1, maxLength, pattern: SHORT_TEXT_PATTERN } as const;
}
const clockTime = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', maxLength: 5 } as const;

export const CONTACT_CONTENT_FIELDS = [
  'officeId',
  'name',
  'category',
  'languages',
  'phones',
  'availability',
  'areas',
  'areaNote',
  'notes',
  'validFrom',
  'validTo',
] as const;

/**
 * Where the merge (shared/sync/merge.ts) may record a lost edit: a content field, a field of the availability, or
 * a field of one phone number (`phones[<id>].number`: numbers merge item by item).
 */
const CONFLICT_FIELD_PATTERN = `^(${CONTACT_CONTENT_FIELDS.join('|')}|availability\\.(kind|from|to)|phones\\[[A-Za-z0-9_-]{1,64}\\](\\.(label|number))?)$`;

const contactConflictEntry = {
  ...conflictEntry,
  properties: {
    ...conflictEntry.properties,
    field: { type: 'string', minLength: 1, maxLength: 120, pattern: CONFLICT_FIELD_PATTERN },
    value: { type: 'string', maxLength: 4000 },
  },
} as const;

export const CONTACT_NOTES_MAX = 2000;

const contactFields = {
  type: 'object',
  properties: {
    id: docId,
    officeId: { type: 'string', enum: CONTACT_OWNERS, maxLength: 32 },
    updatedAt: timestampMs,
    updatedBy: userRef,
    name: shortText(120),
    category: { type: 'string', enum: CONTACT_CATEGORIES, maxLength: 32 },
    /** Languages an interpreter service covers, in German ("Arabisch"), so that "dolm arab" finds it. */
    languages: { type: 'array', items: shortText(40), maxItems: 40, uniqueItems: true },
    phones: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: docId,
          /** "Zentrale", "mobil", "Fax" */
          label: shortText(40),
          number: { type: 'string', minLength: 3, maxLength: 30, pattern: '^\\+?[0-9][0-9 ()/-]*[0-9]$' },
        },
        required: ['id', 'number'],
        additionalProperties: false,
      },
      minItems: 1,
      maxItems: 8,
    },
    availability: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: AVAILABILITY_KINDS, maxLength: 16 },
        from: clockTime,
        to: clockTime,
      },
      required: ['kind'],
      additionalProperties: false,
    },
    areas: { type: 'array', items: { type: 'string', enum: CONTACT_AREAS }, maxItems: 6, uniqueItems: true },
    /** Towns or districts within the areas ("Bad Segeberg, Wahlstedt"). */
    areaNote: shortText(160),
    notes: { type: 'string', maxLength: CONTACT_NOTES_MAX },
    /** A roster entry (who is on call this week) counts from validFrom until before validTo. */
    validFrom: timestampMs,
    validTo: timestampMs,
    conflicts: { type: 'array', items: contactConflictEntry, maxItems: 200 },
  },
  required: [
    'id',
    'officeId',
    'updatedAt',
    'updatedBy',
    'name',
    'category',
    'languages',
    'phones',
    'availability',
    'areas',
    'notes',
    'conflicts',
  ],
  additionalProperties: false,
} as const;

export type Contact = FromSchema<typeof contactFields>;
export type ContactPhone = Contact['phones'][number];
export type ContactAvailability = Contact['availability'];

/**
 * 1: a conflict's device and who wrote the value that stayed (shared/schema/common.ts), optional
 * (renderer/src/data/migrations/contact.ts keeps the older documents as they are).
 */
export const CONTACT_SCHEMA_VERSION = 1;

/**
 * RxDB schema. Every Verbund user reads the entries, but a lost laptop must not hand out the rosters' staff names
 * and mobile numbers: the local store seals every field no index needs (renderer/src/data/sealed-storage.ts).
 */
export const contactRxSchema = {
  ...contactFields,
  title: 'contacts',
  version: CONTACT_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: ['updatedAt'],
} as const;

export const contactWireSchema = wireSchemaOf(contactFields);
export type ContactWire = Contact & { _deleted: boolean };

export const CONTACT_PROBLEMS = [
  'validity_inverted',
  'validity_half_open',
  'hours_missing',
  'hours_unexpected',
] as const;
export type ContactProblem = (typeof CONTACT_PROBLEMS)[number];

/** Rules across fields that JSON schema cannot state; the server refuses an entry with any of them. */
export function contactProblems(contact: Pick<Contact, 'availability' | 'validFrom' | 'validTo'>): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const { validFrom, validTo, availability } = contact;
  if ((validFrom === undefined) !== (validTo === undefined)) problems.push('validity_half_open');
  if (validFrom !== undefined && validTo !== undefined && validFrom >= validTo) problems.push('validity_inverted');
  const hasHours = availability.from !== undefined || availability.to !== undefined;
  const bothHours = availability.from !== undefined && availability.to !== undefined;
  if (availability.kind === 'weekdays' && !bothHours) problems.push('hours_missing');
  if (availability.kind !== 'weekdays' && hasHours) problems.push('hours_unexpected');
  return problems;
}
