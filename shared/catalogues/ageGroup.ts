/**
 * "Altersgruppe" of the federal statistics at the start of a measure (domain.md), "notfalls geschätzt".
 * Codes are stored; labels live in the catalogue (i18n/de/placement.ts). Each group is [from, below) in years.
 */
export const AGE_GROUPS = ['under_3', '3_to_6', '6_to_9', '9_to_12', '12_to_14', '14_to_16', '16_to_18'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Lower bound (inclusive) and upper bound (exclusive) in whole years. */
export const AGE_GROUP_BOUNDS: Record<AgeGroup, readonly [number, number]> = {
  under_3: [0, 3],
  '3_to_6': [3, 6],
  '6_to_9': [6, 9],
  '9_to_12': [9, 12],
  '12_to_14': [12, 14],
  '14_to_16': [14, 16],
  '16_to_18': [16, 18],
};

/** The group of an age (completed years, a fraction is cut off); undefined for an adult or an impossible age. */
export function ageGroupOf(ageYears: number): AgeGroup | undefined {
  if (!Number.isFinite(ageYears)) return undefined;
  const years = Math.floor(ageYears);
  return AGE_GROUPS.find((g) => years >= AGE_GROUP_BOUNDS[g][0] && years < AGE_GROUP_BOUNDS[g][1]);
}
