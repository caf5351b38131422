import { isEmptyFact, isLateFactPath } from '../../../../shared/nightRecord/lateFacts';
import { type Intake, isLocked } from '../../../../shared/schema/intake';
import { getAtPath } from '../../../../shared/sync/paths';

/**
 * What the user may do with a night record, as the server decides it (server/sync/intakes.ts, review.ts):
 * - `edit`: the own office's record before countersigning (a draft, submitted, in review or returned),
 * - `locked`: countersigned, handed over or closed: only empty late-fact fields may be filled, once
 *   (shared/nightRecord/lateFacts.ts); everything else goes into the log as an addendum,
 * - `received`: handed over to this office by another one: read only (the log takes this office's own lines).
 */
export type RecordAccess = 'edit' | 'locked' | 'received';

export function recordAccess(intake: Intake | null, userOfficeId: string): RecordAccess {
  if (!intake) return 'edit';
  if (intake.officeId !== userOfficeId) return 'received';
  return isLocked(intake) ? 'locked' : 'edit';
}

/** Whether the field at `path` takes input: in a locked record only a late fact that is still empty. */
export function isFieldEditable(access: RecordAccess, stored: Intake | null, path: string): boolean {
  if (access === 'edit') return true;
  if (access === 'received') return false;
  return isLateFactPath(path) && isEmptyFact(getAtPath(stored, path));
}
