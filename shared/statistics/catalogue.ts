import { AGE_GROUPS } from '../catalogues/ageGroup';
import { INITIATED_BY, type InitiatedBy } from '../catalogues/initiatedBy';
import {
  ACCOMMODATION,
  END_REASONS,
  INTAKE_REASONS,
  type LegalGround,
  RESIDENCE_BEFORE,
  SEXES,
  type YES_NO_UNKNOWN,
} from '../catalogues/nightRecord';

/**
 * Categories of the federal statistics "vorläufige Schutzmaßnahmen" (§§ 98, 99 Abs. 2, 102 SGB VIII), one
 * catalogue per report year. Records keep raw facts (codes of the night record); the export maps them to the
 * categories of the year it reports, so a changed form needs a new catalogue here, never a change of stored data.
 * A raw code mapped to `null` cannot be reported that year: the record is listed as incomplete.
 * Labels of the categories: i18n/de/statistics.ts.
 */

type Codes<T extends readonly string[]> = T[number];

/** The category codes of the form; each year's catalogue uses a subset. */
export const CARRIERS = ['public', 'free'] as const;
export const MEASURE_KINDS = ['42', '42a'] as const;
export const STAT_SEXES = SEXES;
export const STAT_AGE_GROUPS = AGE_GROUPS;
export const YES_NO = ['yes', 'no'] as const;
export const STAT_RESIDENCES = RESIDENCE_BEFORE;
export const STAT_ACCOMMODATIONS = ACCOMMODATION;
export const STAT_INITIATORS = INITIATED_BY;
export const OCCASIONS = ['self_referral', 'urgent_danger', 'unaccompanied_entry'] as const;
export const STAT_REASONS = INTAKE_REASONS;
export const STAT_END_REASONS = END_REASONS;

export type Carrier = Codes<typeof CARRIERS>;
export type MeasureKind = Codes<typeof MEASURE_KINDS>;
export type StatSex = Codes<typeof STAT_SEXES>;
export type YesNo = Codes<typeof YES_NO>;
export type StatResidence = Codes<typeof STAT_RESIDENCES>;
export type StatAccommodation = Codes<typeof STAT_ACCOMMODATIONS>;
export type StatInitiator = Codes<typeof STAT_INITIATORS>;
export type Occasion = Codes<typeof OCCASIONS>;
export type StatReason = Codes<typeof STAT_REASONS>;
export type StatEndReason = Codes<typeof STAT_END_REASONS>;

/** Where domain.md says "verify": shown with the year so that the supervisor checks before reporting. */
export const VERIFY_NOTES = [
  'sex',
  'foreign_origin_unknown',
  'end_reasons',
  'duration',
  'unpublished',
  'new_categories',
] as const;
export type VerifyNote = Codes<typeof VERIFY_NOTES>;

export type StatisticsCatalogue = {
  year: number;
  measureKind: Record<LegalGround, MeasureKind>;
  /** "Anlass" follows from the legal ground of the decision. */
  occasion: Record<LegalGround, Occasion>;
  sex: Record<Codes<typeof SEXES>, StatSex | null>;
  foreignOrigin: Record<Codes<typeof YES_NO_UNKNOWN>, YesNo | null>;
  residenceBefore: Record<Codes<typeof RESIDENCE_BEFORE>, StatResidence | null>;
  accommodation: Record<Codes<typeof ACCOMMODATION>, StatAccommodation | null>;
  initiatedBy: Record<InitiatedBy, StatInitiator | null>;
  reasons: Record<Codes<typeof INTAKE_REASONS>, StatReason | null>;
  endReason: Record<Codes<typeof END_REASONS>, StatEndReason | null>;
  /** The "Gründe" of the form, in its order: one column each. */
  reasonColumns: readonly StatReason[];
  verify: readonly VerifyNote[];
};

const same = <T extends string>(codes: readonly T[]) => Object.fromEntries(codes.map((c) => [c, c])) as Record<T, T>;
const nulls = <T extends string>(codes: readonly T[]) =>
  Object.fromEntries(codes.map((c) => [c, null])) as Record<T, null>;

/**
 * Codes the form gained with report year 2025 (issue 13: the current night-record form names them); the 2024
 * catalogue cannot report them, so a 2024 record using one is listed for clarification rather than guessed.
 */
const ADDED_2025 = {
  residenceBefore: ['reception_centre'],
  endReason: ['return_previous_placement', 'followed_by_42'],
} as const;

/** The lists of domain.md (form as of the 2021 reform; not checked against the primary text). */
const CATALOGUE_2024: StatisticsCatalogue = {
  year: 2024,
  measureKind: { '42_1_1': '42', '42_1_2a': '42', '42_1_2b': '42', '42_1_3': '42', '42a': '42a' },
  occasion: {
    '42_1_1': 'self_referral',
    '42_1_2a': 'urgent_danger',
    '42_1_2b': 'urgent_danger',
    '42_1_3': 'unaccompanied_entry',
    '42a': 'unaccompanied_entry',
  },
  sex: same(SEXES),
  // domain.md names only ja/nein: a record that says "unbekannt" is listed for clarification, not guessed.
  foreignOrigin: { yes: 'yes', no: 'no', unknown: null },
  residenceBefore: { ...same(RESIDENCE_BEFORE), ...nulls(ADDED_2025.residenceBefore) },
  accommodation: same(ACCOMMODATION),
  initiatedBy: same(INITIATED_BY),
  reasons: same(INTAKE_REASONS),
  endReason: { ...same(END_REASONS), ...nulls(ADDED_2025.endReason) },
  reasonColumns: INTAKE_REASONS,
  verify: ['sex', 'foreign_origin_unknown', 'end_reasons', 'duration'],
};

/** From report year 2025: the categories of {@link ADDED_2025} are reportable. */
const CATALOGUE_2025: StatisticsCatalogue = {
  ...CATALOGUE_2024,
  year: 2025,
  residenceBefore: same(RESIDENCE_BEFORE),
  endReason: same(END_REASONS),
  verify: [...CATALOGUE_2024.verify, 'new_categories'],
};

const CATALOGUES: Record<number, StatisticsCatalogue> = {
  2024: CATALOGUE_2024,
  2025: CATALOGUE_2025,
  // Not yet published when this was written: the 2025 lists, to be checked once the form is out.
  2026: { ...CATALOGUE_2025, year: 2026, verify: [...CATALOGUE_2025.verify, 'unpublished'] },
};

/** The report years with a catalogue, oldest first. */
export const REPORT_YEARS: readonly number[] = Object.keys(CATALOGUES)
  .map(Number)
  .sort((a, b) => a - b);

export function catalogueFor(year: number): StatisticsCatalogue {
  const catalogue = CATALOGUES[year];
  if (!catalogue) throw new RangeError(`no statistics catalogue for ${year}`);
  return catalogue;
}
