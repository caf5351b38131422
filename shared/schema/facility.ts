import type { FromSchema } from 'json-schema-to-ts';

import type { SEXES } from '../catalogues/nightRecord';
import { OFFICE_IDS } from '../offices';
import { latestFreeReport } from '../placement/reports';
import { conflictEntry, docId, timestampMs, userRef, wireSchemaOf } from './common';

/**
 * A place of the Verbund that takes children in care (collection `facilities`). Every Verbund user reads every
 * facility, across office lines, so the document must never hold personal data. The schema makes that hard:
 * - No remarks field at all: that is where "zurzeit bei uns: Lisa M., 15" would end up. What a worker needs to
 *   know is a code (type, area, sexes, specialisations, exclusions) or a number.
 * - The few texts (name, provider, street, town) are one short line each (no line breaks, no "@", tight
 *   maxLength): enough to name a house, too little for a case note. They are edited only by coordinators.
 * - The phone number admits digits and separators only, so no name can ride along with it.
 * - An emergency foster family (Bereitschaftspflegefamilie) is private people: its document carries no street
 *   (enforced below) and its name must be generic ("Bereitschaftspflege Segeberg 1"), never the family's name.
 * - Occupancy is a number reported by a coordinator plus holds (their own documents), never a list of children.
 * - `conflicts` may only name a field of this document and hold a short value (the merge's losing value).
 */
export const FACILITY_TYPES = [
  'inobhutnahme',
  'kinderschutzhaus',
  'bereitschaftspflege',
  'klinik',
  'sonstige',
] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Where a facility lies: the area of one of the five offices, or outside the Verbund. */
export const FACILITY_AREAS = [...OFFICE_IDS, 'outside'] as const;
export type FacilityArea = (typeof FACILITY_AREAS)[number];

/** Sexes a facility can accept. "ohne Angabe" is a statistics answer about a child, not something to accept. */
export const FACILITY_SEXES = ['male', 'female', 'diverse'] as const satisfies readonly (typeof SEXES)[number][];

/** What a facility is especially prepared for (Schwerpunkte). */
export const SPECIALISATIONS = [
  'infants',
  'unaccompanied_minors',
  'trauma',
  'disability',
  'psychiatric_care',
  'addiction',
  'pregnant_young_mothers',
] as const;
export type Specialisation = (typeof SPECIALISATIONS)[number];

/** Circumstances a facility cannot take (Ausschlüsse). */
export const EXCLUSIONS = ['acute_suicidality', 'acute_intoxication', 'danger_to_others', 'intensive_care'] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export const DEFAULT_HOLD_EXPIRY_HOURS = 4;
/** Inobhutnahme is for minors: the oldest age a facility can state is 17. */
export const MAX_AGE_YEARS = 17;
const MAX_PLACES = 500;
/** A house has one mother-and-child room, or a few: more would be a facility of its own. */
export const MAX_MOTHER_CHILD_PLACES = 10;

/** One line, trimmed, no "@" (no e-mail addresses of people). */
const SHORT_TEXT_PATTERN = '^[^\\s@]([^@\\r\\n\\t]*[^\\s@])?$';
function shortText<N extends number>(maxLength: N) {
  return { type: 'string', minLength: 1, maxLength, pattern: SHORT_TEXT_PATTERN } as const;
}

const places = { type: 'integer', minimum: 0, maximum: MAX_PLACES } as const;
const age = { type: 'integer', minimum: 0, maximum: MAX_AGE_YEARS } as const;

/** The content of a facility: every field but the id and the bookkeeping. */
export const FACILITY_CONTENT_FIELDS = [
  'officeId',
  'name',
  'provider',
  'type',
  'area',
  'address',
  'dutyPhone',
  'ageMin',
  'ageMax',
  'sexes',
  'motherChildPlaces',
  'siblingGroupMax',
  'specialisations',
  'exclusions',
  'totalPlaces',
  'freeReports',
  'motherChildFreeReports',
  'holdExpiryHours',
] as const;

/**
 * Where the merge (shared/sync/merge.ts) may record a lost edit: a content field, or a field of the address,
 * which merges field by field. Code lists merge as sets and reports (immutable, by id) as a list: neither conflicts.
 */
export const FACILITY_CONFLICT_FIELDS = [
  ...FACILITY_CONTENT_FIELDS,
  'address.street',
  'address.postalCode',
  'address.town',
] as const;

const facilityConflictEntry = {
  ...conflictEntry,
  properties: {
    ...conflictEntry.properties,
    field: { type: 'string', enum: FACILITY_CONFLICT_FIELDS, maxLength: 32 },
    // The JSON text of one field value: the longest (address, code lists) stays well below this.
    value: { type: 'string', maxLength: 1000, pattern: '^[^\\r\\n]*$' },
  },
} as const;

const freeReport = {
  type: 'object',
  properties: { id: docId, free: places, reportedAt: timestampMs, reportedBy: userRef },
  required: ['id', 'free', 'reportedAt', 'reportedBy'],
  additionalProperties: false,
} as const;

const facilityFields = {
  type: 'object',
  properties: {
    id: docId,
    officeId: { type: 'string', enum: OFFICE_IDS, maxLength: 32 },
    updatedAt: timestampMs,
    updatedBy: userRef,
    name: shortText(80),
    provider: shortText(80),
    type: { type: 'string', enum: FACILITY_TYPES, maxLength: 32 },
    area: { type: 'string', enum: FACILITY_AREAS, maxLength: 32 },
    address: {
      type: 'object',
      properties: {
        street: shortText(80),
        postalCode: { type: 'string', pattern: '^[0-9]{5}$', maxLength: 5 },
        town: shortText(60),
      },
      required: ['postalCode', 'town'],
      additionalProperties: false,
    },
    /** Reachable 24/7; shown to other offices when holds collide. */
    dutyPhone: { type: 'string', minLength: 6, maxLength: 30, pattern: '^\\+?[0-9][0-9 ()/-]*[0-9]$' },
    ageMin: age,
    ageMax: age,
    sexes: {
      type: 'array',
      items: { type: 'string', enum: FACILITY_SEXES },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    },
    /**
     * Places of the mother-and-child room (a young mother with her baby takes one), 0 = none. The room is counted
     * on its own, with its own reports: a mother-and-child placement takes it (hold `room`), never one of the
     * `totalPlaces`, and an ordinary placement never takes the room (shared/placement/rooms.ts).
     */
    motherChildPlaces: { type: 'integer', minimum: 0, maximum: MAX_MOTHER_CHILD_PLACES },
    /** Most children of one sibling group taken together; 1 = no sibling groups. */
    siblingGroupMax: { type: 'integer', minimum: 1, maximum: 12 },
    specialisations: {
      type: 'array',
      items: { type: 'string', enum: SPECIALISATIONS },
      maxItems: SPECIALISATIONS.length,
      uniqueItems: true,
    },
    exclusions: {
      type: 'array',
      items: { type: 'string', enum: EXCLUSIONS },
      maxItems: EXCLUSIONS.length,
      uniqueItems: true,
    },
    totalPlaces: places,
    /**
     * Free places as reported, newest kept (placement/reports.ts). A list of immutable reports rather than one
     * value: two coordinators reporting while offline both keep their report after the merge, the later one by
     * reportedAt counts, and number, time and reporter can never be mixed from two reports.
     */
    freeReports: { type: 'array', items: freeReport, minItems: 1, maxItems: 50 },
    /**
     * Free places of the mother-and-child room as reported, like `freeReports`. Empty until the first report: the
     * room's free places are then its places less the placements taking it.
     */
    motherChildFreeReports: { type: 'array', items: freeReport, maxItems: 50 },
    holdExpiryHours: { type: 'integer', minimum: 1, maximum: 72 },
    conflicts: { type: 'array', items: facilityConflictEntry, maxItems: 500 },
  },
  required: [
    'id',
    'officeId',
    'updatedAt',
    'updatedBy',
    'name',
    'provider',
    'type',
    'area',
    'address',
    'dutyPhone',
    'ageMin',
    'ageMax',
    'sexes',
    'motherChildPlaces',
    'siblingGroupMax',
    'specialisations',
    'exclusions',
    'totalPlaces',
    'freeReports',
    'motherChildFreeReports',
    'holdExpiryHours',
    'conflicts',
  ],
  additionalProperties: false,
} as const;

/** A foster family is private people: no street on its document. (Not in the TS type; ajv enforces it.) */
const fosterFamilyWithoutStreet = {
  if: { type: 'object', properties: { type: { type: 'string', const: 'bereitschaftspflege' } }, required: ['type'] },
  then: { type: 'object', properties: { address: { type: 'object', properties: { street: { not: {} } } } } },
} as const;

export type Facility = FromSchema<typeof facilityFields>;
export type FacilityConflict = Facility['conflicts'][number];
export type FreeReport = Facility['freeReports'][number];

/**
 * 1: the mother-and-child room has its own places and reports (`motherChildPlaces`, `motherChildFreeReports`)
 * instead of the flag `motherAndChild` (renderer/src/data/migrations/facility.ts, on the server
 * server/migrations/005_facility_mother_child_room.sql);
 * 2: a conflict's device and who wrote the value that stayed (shared/schema/common.ts), optional
 * (renderer/src/data/migrations/facility.ts keeps those documents as they are).
 */
export const FACILITY_SCHEMA_VERSION = 2;

/** RxDB schema. Nothing is encrypted: the document holds no personal data (see above). */
export const facilityRxSchema = {
  ...facilityFields,
  ...fosterFamilyWithoutStreet,
  title: 'facilities',
  version: FACILITY_SCHEMA_VERSION,
  primaryKey: 'id',
  indexes: ['updatedAt', ['area', 'type']],
} as const;

/** Schema of a facility as pushed and pulled (docs/api.md): the fields plus `_deleted`. */
export const facilityWireSchema = { ...wireSchemaOf(facilityFields), ...fosterFamilyWithoutStreet } as const;
export type FacilityWire = Facility & { _deleted: boolean };

/** Fields a coordinator edits in the facility form; free places have their own quick form. */
export const FACILITY_EDITABLE_FIELDS = FACILITY_CONTENT_FIELDS.filter(
  (f): f is Exclude<typeof f, 'freeReports' | 'motherChildFreeReports'> =>
    f !== 'freeReports' && f !== 'motherChildFreeReports',
);

export const FACILITY_PROBLEMS = [
  'age_range_inverted',
  'free_exceeds_total',
  'mother_child_free_exceeds_total',
] as const;
export type FacilityProblem = (typeof FACILITY_PROBLEMS)[number];

/**
 * Rules across fields that JSON schema cannot state. The server refuses a facility with any of them. Only the
 * latest report must fit the total: older ones may predate a change of the total.
 */
export function facilityProblems(
  facility: Pick<Facility, 'ageMin' | 'ageMax' | 'totalPlaces' | 'freeReports'> &
    Partial<Pick<Facility, 'motherChildPlaces' | 'motherChildFreeReports'>>,
): FacilityProblem[] {
  const problems: FacilityProblem[] = [];
  if (facility.ageMin > facility.ageMax) problems.push('age_range_inverted');
  if (latestFreeReport(facility).free > facility.totalPlaces) problems.push('free_exceeds_total');
  const room = facility.motherChildFreeReports ?? [];
  if (room.length > 0 && latestFreeReport({ freeReports: room }).free > (facility.motherChildPlaces ?? 0)) {
    problems.push('mother_child_free_exceeds_total');
  }
  return problems;
}
