import { jsonEqual } from '../equal';
import type { ErrorCode } from '../i18n/de/errors';
import { lateFactChange } from '../nightRecord/lateFacts';
import { OFFICE_IDS, type OfficeId } from '../offices';
import { type Intake, type IntakeReview, isLocked, type ReviewState, reviewStateOf } from '../schema/intake';
import { type Caller, may, type Operation, writeDenial } from './authz';
import { hasUnsafeCharacters } from './names';

/**
 * The rules of one write of a night record (collection `intakes`): who wrote it, the morning review's steps
 * (Vier-Augen-Prinzip), deleting, and the lock after countersigning. One pure function decides; the server refuses
 * every write it denies (server/sync/intakes.ts), and the app offers a step only where the same function lets it
 * through (offeredSteps), so a step the app offers is a step the server takes.
 */

/** The person writing: the session's user. */
export type Actor = Caller & { id: string };

/** A night record as written: the wire form has `_deleted`, the app's local form does not. */
export type IntakeDoc = Intake & { _deleted?: boolean };

/** Review steps a supervisor may take from each state; `new` from `returned` is the worker's resubmission. */
const REVIEW_STEPS: Record<ReviewState, readonly ReviewState[]> = {
  new: ['in_review', 'returned', 'countersigned'],
  in_review: ['returned', 'countersigned'],
  // A returned record comes back from the worker before anyone signs it: signing it while the worker corrects it
  // would lock the worker's corrections out.
  returned: ['new', 'in_review'],
  countersigned: ['handed_over', 'closed'],
  handed_over: ['closed'],
  closed: [],
};

export function isAllowedReviewStep(from: ReviewState, to: ReviewState): boolean {
  return from === to || REVIEW_STEPS[from].includes(to);
}

/** The steps of a record's life after it was written: the review's and the deletion. */
export const STEPS = ['start_review', 'return', 'resubmit', 'countersign', 'hand_over', 'close', 'delete'] as const;
export type Step = (typeof STEPS)[number];

const STEP_TO: Record<Exclude<Step, 'delete'>, ReviewState> = {
  start_review: 'in_review',
  return: 'returned',
  resubmit: 'new',
  countersign: 'countersigned',
  hand_over: 'handed_over',
  close: 'closed',
};
const STEP_OF_STATE = Object.fromEntries(Object.entries(STEP_TO).map(([step, to]) => [to, step])) as Record<
  ReviewState,
  Exclude<Step, 'delete'>
>;

/** The authorisation table's operation each step needs (shared/rules/authz.ts). */
export const STEP_OPERATION: Record<Step, Operation<'intakes'>> = {
  start_review: 'review',
  return: 'review',
  close: 'review',
  countersign: 'countersign',
  hand_over: 'handover',
  // The worker hands a returned, corrected record back: part of writing the own office's records.
  resubmit: 'write',
  delete: 'delete',
};

/** The review fields a step writes; all others stay as they were. */
const STEP_FIELDS: Record<Exclude<Step, 'delete'>, readonly (keyof IntakeReview)[]> = {
  start_review: [],
  return: ['returnedBy', 'returnedAt', 'returnComment'],
  resubmit: [],
  countersign: ['countersignedBy', 'countersignedAt'],
  hand_over: ['handedOverTo', 'handedOverBy', 'handedOverAt'],
  close: [],
};

const NEW: IntakeReview = { state: 'new' };

/**
 * What the night recorded, as the countersignature covers it: all but the write's bookkeeping, the review and the
 * marks of entrusted data (they may be set at any time, shared/privacy/entrusted.ts).
 */
function contentOf(doc: IntakeDoc): Record<string, unknown> {
  const { review, updatedAt, updatedBy, conflicts, _deleted, entrusted, ...content } = doc;
  void [review, updatedAt, updatedBy, conflicts, _deleted, entrusted];
  return content;
}

/**
 * Why `actor` may not write `next` over `stored` (undefined: the server has no such record), or null when the
 * write may be stored. Stamps, creation, deletion, lock and review step, in this order; the office and role come
 * from the authorisation table. Status changes and completeness are the record's own rules (schema/intake.ts,
 * nightRecord/submit.ts).
 */
export function intakeWriteDenial(actor: Actor, stored: IntakeDoc | undefined, next: IntakeDoc): ErrorCode | null {
  const office = writeDenial(actor, 'intakes', next, stored);
  if (office) return office;
  // Server-stamped facts: the writer is the caller, the author of a new record is the caller, and who opened the
  // record and when stay as written (the four-eyes rule reads the author).
  if (next.updatedBy !== actor.id) return 'author_mismatch';
  if (!stored && next.createdBy !== actor.id) return 'author_mismatch';
  if (stored && (next.createdBy !== stored.createdBy || next.createdAt !== stored.createdAt)) {
    return 'field_not_writable';
  }
  const { firstName, lastName } = next.child;
  if (!jsonEqual(stored?.child, next.child) && (hasUnsafeCharacters(firstName) || hasUnsafeCharacters(lastName))) {
    return 'unsafe_characters';
  }
  // A record starts its life new: arriving signed, returned or handed over would skip the review.
  if (!stored && !jsonEqual(next.review ?? NEW, NEW)) return 'review_at_creation';
  if (Boolean(stored?._deleted) !== Boolean(next._deleted)) {
    const deleting = deletionDenial(actor, stored ?? { ...next, _deleted: false });
    if (deleting) return deleting;
  }
  if (stored && isLocked(stored) && 'violation' in lateFactChange(stored, next)) return 'intake_locked';
  return reviewDenial(actor, stored, next);
}

/**
 * Deleting (or restoring) a record is a step of its own: never a countersigned, handed-over or closed record (it is
 * closed or corrected by an addendum instead); on-call staff only their own draft that was never submitted (a draft
 * stays a draft until submitted: schema/intake.ts isAllowedIntakeTransition); supervisors any other record of the
 * office.
 */
function deletionDenial(actor: Actor, record: IntakeDoc): ErrorCode | null {
  if (isLocked(record)) return 'record_not_deletable';
  if (may(actor, 'intakes', 'delete', record.officeId)) return null;
  const ownDraft = record.createdBy === actor.id && record.status === 'draft' && record.review === undefined;
  return ownDraft && may(actor, 'intakes', 'discardDraft', record.officeId) ? null : 'delete_not_allowed';
}

function reviewDenial(actor: Actor, stored: IntakeDoc | undefined, next: IntakeDoc): ErrorCode | null {
  const before = stored?.review ?? NEW;
  const after = next.review ?? NEW;
  if (jsonEqual(before, after)) return null;
  const from = before.state;
  const to = after.state;
  // Who signed, returned or handed over, and the comment, change only with a step (and its log line).
  if (from === to) return 'invalid_review_step';
  const step = from === 'returned' && to === 'new' ? 'resubmit' : STEP_OF_STATE[to];
  if (!may(actor, 'intakes', STEP_OPERATION[step], next.officeId)) return 'review_not_allowed';
  if (!isAllowedReviewStep(from, to) || next.status !== 'submitted') return 'invalid_review_step';
  const kept = (r: IntakeReview) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'state' && !STEP_FIELDS[step].includes(k as never)));
  if (!jsonEqual(kept(before), kept(after))) return 'invalid_review_step';
  switch (step) {
    case 'return':
      if (after.returnedBy !== actor.id || after.returnedAt === undefined) return 'author_mismatch';
      return after.returnComment?.trim() ? null : 'return_comment_missing';
    case 'countersign':
      // Vier-Augen-Prinzip: a supervisor who wrote the record (on call themselves) does not countersign it. The
      // author as stored: a push cannot name someone else as the author to sign its own record.
      if (stored?.createdBy === actor.id) return 'four_eyes';
      if (after.countersignedBy !== actor.id || after.countersignedAt === undefined) return 'author_mismatch';
      // Conflicts can no longer be resolved in a locked record: they are settled before the signature.
      if (next.conflicts.length > 0) return 'conflicts_open';
      // What is signed is what the night recorded: no edit rides along with the signature.
      if (stored && !jsonEqual(contentOf(stored), contentOf(next))) return 'countersign_with_changes';
      return null;
    case 'hand_over':
      if (!after.handedOverTo || after.handedOverTo === next.officeId || after.handedOverAt === undefined) {
        return 'handover_target_invalid';
      }
      return after.handedOverBy === actor.id ? null : 'author_mismatch';
    case 'close':
      return next.end?.endedAt === undefined ? 'measure_not_ended' : null;
    default:
      return null;
  }
}

/** What a step needs besides the record: when, and for a return the comment, for a handover the office. */
export type StepInput = { at: number; comment?: string; to?: OfficeId };

/** The new `review` a step writes (the app writes it with IntakeRepository.modify). */
export function reviewAfter(
  intake: Intake,
  step: Exclude<Step, 'delete'>,
  actor: Actor,
  input: StepInput,
): IntakeReview {
  const review: IntakeReview = { ...intake.review, state: STEP_TO[step] };
  if (step === 'return') {
    return { ...review, returnedBy: actor.id, returnedAt: input.at, returnComment: (input.comment ?? '').trim() };
  }
  if (step === 'countersign') return { ...review, countersignedBy: actor.id, countersignedAt: input.at };
  if (step === 'hand_over' && input.to) {
    return { ...review, handedOverTo: input.to, handedOverBy: actor.id, handedOverAt: input.at };
  }
  return review;
}

/** The worker hands a returned, corrected record back for review: only its state changes (to "neu"). */
export function resubmitted(intake: Intake): IntakeReview {
  return { ...intake.review, state: STEP_TO.resubmit };
}

/** The record as the app writes it after a step: the step, stamped with the writer and a later time. */
export function afterStep(intake: IntakeDoc, step: Step, actor: Actor, input: StepInput): IntakeDoc {
  const stamped = { ...intake, updatedAt: Math.max(input.at, intake.updatedAt + 1), updatedBy: actor.id };
  if (step === 'delete') return { ...stamped, _deleted: true };
  return { ...stamped, review: reviewAfter(intake, step, actor, input) };
}

/**
 * Why the step may not be taken on the record as it is, or null: the server's decision, asked beforehand. A step
 * that would leave the record where it is (resubmitting a new record, deleting a deleted one) is none.
 */
export function stepDenial(actor: Actor, intake: IntakeDoc, step: Step, input: StepInput): ErrorCode | null {
  const moves = step === 'delete' ? !intake._deleted : reviewStateOf(intake) !== STEP_TO[step];
  if (!moves) return 'invalid_review_step';
  return intakeWriteDenial(actor, intake, afterStep(intake, step, actor, input));
}

/** Stand-ins for what the dialog asks only once the step is chosen: any comment, the first other office. */
function sampleInput(intake: Intake, at: number): StepInput {
  return { at, comment: 'x', to: OFFICE_IDS.find((o) => o !== intake.officeId) };
}

/** The steps the app offers on a record: those the server accepts from this actor, on the record as it is. */
export function offeredSteps(actor: Actor, intake: IntakeDoc, at: number): Step[] {
  return STEPS.filter((step) => stepDenial(actor, intake, step, sampleInput(intake, at)) === null);
}
