/**
 * Codes of the log of a night (collection `entries`): what kind of line it is, and for the placement search the
 * answer of each place asked and why it refused. German labels in i18n/de/nightRecord.ts.
 */
export const ENTRY_KINDS = [
  'call',
  'note',
  'risk',
  'decision',
  'placement',
  'notification',
  'transport',
  'court',
  'handover',
  'end',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** One action each in the placement search: "angefragt", "abgelehnt", "zugesagt". */
export const PLACEMENT_ANSWERS = ['requested', 'refused', 'accepted'] as const;
export type PlacementAnswer = (typeof PLACEMENT_ANSWERS)[number];

/** Why a place said no (free text beside it). */
export const REFUSAL_REASONS = ['no_place', 'age', 'sex', 'needs_not_met', 'no_answer', 'exclusion', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
