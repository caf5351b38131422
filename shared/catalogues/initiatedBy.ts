/**
 * "Angeregt durch" of the federal statistics (domain.md). Codes are stored; labels live in the catalogue
 * (i18n/de/domain.ts) so that a report year can map them without touching stored records.
 */
export const INITIATED_BY = [
  'child',
  'parents',
  'social_services',
  'police',
  'school_daycare',
  'physician',
  'neighbours_relatives',
  'other',
] as const;
export type InitiatedBy = (typeof INITIATED_BY)[number];
