/**
 * Codes of the night record (domain.md, steps 1-13). Stored as codes; German labels in i18n/de/nightRecord.ts.
 * Statistics categories are derived from these raw facts at export, per report year.
 */

/** Step 3: legal basis of the decision. */
export const LEGAL_GROUNDS = ['42_1_1', '42_1_2a', '42_1_2b', '42_1_3', '42a'] as const;
export type LegalGround = (typeof LEGAL_GROUNDS)[number];

/** Step 2: indicators of the risk assessment (§8a). Free text always allowed beside them. */
export const RISK_INDICATORS = [
  'neglect',
  'physical_abuse',
  'psychological_abuse',
  'sexual_violence',
  'domestic_violence',
  'parents_overwhelmed',
  'parent_addiction',
  'parent_mental_illness',
  'child_alone',
  'child_runaway',
  'child_self_harm',
  'unaccompanied',
  'other',
] as const;

/** Step 7: how custodians were informed. */
export const CONTACT_CHANNELS = ['phone', 'in_person', 'letter', 'police', 'other'] as const;
/**
 * Step 7: who is informed. Vormund, Pfleger and Ergänzungspfleger hold (part of) the Personensorge instead of the
 * parents (§§ 1773, 1809 BGB); Erziehungsberechtigte (§ 7 Abs. 1 Nr. 6 SGB VIII) are named beside them in § 42 Abs. 3.
 */
export const CUSTODIAN_ROLES = [
  'mother',
  'father',
  'guardian',
  'other',
  'pfleger',
  'ergaenzungspfleger',
  'erziehungsberechtigt',
] as const;
/** The roles that hold parental custody themselves: with joint custody both must be informed. */
export const PARENT_ROLES: readonly string[] = ['mother', 'father'];

/** Step 7: the state of the Personensorge (§§ 1626, 1626a, 1671, 1666 BGB). */
export const CUSTODY_STATUS = ['joint', 'sole', 'withdrawn', 'unknown'] as const;

/** Step 9a: result of the age assessment (§ 42f). */
export const AGE_ASSESSMENT_RESULTS = ['minor', 'adult', 'doubtful'] as const;

/** Step 9: outcome of the distribution procedure (§ 42b): allocated to an office, or excluded (§ 42b Abs. 4). */
export const DISTRIBUTION_OUTCOMES = ['allocated', 'excluded'] as const;

/** Step 9a: how the age was assessed (§42f). */
export const AGE_ASSESSMENT_METHODS = ['documents', 'qualified_visual', 'medical'] as const;

/** Statistics: Aufenthalt vor der Maßnahme. */
export const RESIDENCE_BEFORE = [
  'parents',
  'parent_with_partner',
  'single_parent',
  'grandparents_relatives',
  'foster_family',
  'other_person',
  'residential_care',
  'shared_flat',
  'own_flat',
  'no_fixed_abode',
  'unknown',
  'hospital_after_birth',
  'reception_centre',
] as const;

/** Statistics: Unterbringung während der Maßnahme. */
export const ACCOMMODATION = ['suitable_person', 'facility', 'other_supervised'] as const;

/** Statistics: Gründe (several). */
export const INTAKE_REASONS = [
  'parents_overwhelmed',
  'neglect',
  'physical_abuse',
  'psychological_abuse',
  'sexual_violence',
  'relationship_problems',
  'integration_problems_care',
  'delinquency',
  'addiction',
  'school_problems',
  'housing_problems',
  'separation_divorce',
  'unaccompanied_entry',
  'other',
] as const;

/** Step 13 / statistics: how the measure ended. */
export const END_REASONS = [
  'return_to_custodians',
  'foster_family',
  'residential_care',
  'supervised_living',
  'other_inpatient',
  'no_follow_up',
  'other_office',
  'absconded',
  'adult',
  'return_previous_placement',
  'followed_by_42',
] as const;

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export const SEXES = ['male', 'female', 'diverse', 'unspecified'] as const;

/** Children taken into care together: siblings, or a mother (herself a minor) with her child. */
export const CHILD_GROUP_KINDS = ['siblings', 'mother_child'] as const;
export type ChildGroupKind = (typeof CHILD_GROUP_KINDS)[number];
/** In a mother-and-child group: who is the mother; every other member is a child. */
export const CHILD_GROUP_ROLES = ['mother', 'child'] as const;
export type ChildGroupRole = (typeof CHILD_GROUP_ROLES)[number];
