import type { RxConflictHandler } from 'rxdb';

import { jsonEqual } from '../../../shared/equal';
import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Facility } from '../../../shared/schema/facility';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import { type MergeableDocument, mergeDocuments } from '../../../shared/sync/merge';

/**
 * Replaces RxDB's default handler, which would keep the server state and drop the local edit. The three-way
 * merge of shared/sync/merge.ts keeps every edit: a field both sides changed keeps the server value and the
 * local one is recorded in `conflicts` (docs/architecture.md, sync rules).
 */
function mergingConflictHandler<D extends Omit<MergeableDocument, '_deleted'>>(): RxConflictHandler<D> {
  return {
    isEqual: (a, b) => jsonEqual(a, b),
    resolve: async ({ assumedMasterState, newDocumentState, realMasterState }) =>
      mergeDocuments(assumedMasterState, newDocumentState, realMasterState),
  };
}

export const intakeConflictHandler: RxConflictHandler<Intake> = mergingConflictHandler<Intake>();
export const facilityConflictHandler: RxConflictHandler<Facility> = mergingConflictHandler<Facility>();
export const contactConflictHandler: RxConflictHandler<Contact> = mergingConflictHandler<Contact>();

/**
 * Like the others, except that `overbooked` is the server's alone: its value is taken, never recorded as a lost
 * edit (a client never changes it; a new hold the server flagged on arrival would otherwise conflict with itself).
 */
export const holdConflictHandler: RxConflictHandler<Hold> = {
  isEqual: (a, b) => jsonEqual(a, b),
  resolve: async ({ assumedMasterState, newDocumentState, realMasterState }) =>
    mergeDocuments(
      assumedMasterState && { ...assumedMasterState, overbooked: realMasterState.overbooked },
      { ...newDocumentState, overbooked: realMasterState.overbooked },
      realMasterState,
    ),
};

/**
 * Log entries are immutable (docs/architecture.md), so there is nothing to merge: a stored entry is what the server has.
 * A local edit of a stored entry never reaches this handler as a conflict: the server refuses it (`entry_immutable`),
 * the refusal is recorded with the edited state, and the user can put the server's line back (EntryRepository).
 */
export const entryConflictHandler: RxConflictHandler<Entry> = {
  isEqual: (a, b) => jsonEqual(a, b),
  resolve: async ({ realMasterState }) => realMasterState,
};
