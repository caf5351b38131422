import type { OfficeId } from '../../../../shared/offices';
import type { Intake, IntakeReview } from '../../../../shared/schema/intake';

/**
 * The supervisor's review steps as the new `review` of a record, for IntakeRepository.modify. The server checks
 * the same rules (server/sync/review.ts): who may, in which state, and that the signer is the one logged in.
 */
type Who = { id: string };

/** Opening a new record marks it as being reviewed, so colleagues see that someone has it in hand. */
export function inReview(intake: Intake): IntakeReview {
  return { ...intake.review, state: 'in_review' };
}

/** The measure has ended and the record needs nothing more; the server's log line says who and when. */
export function closed(intake: Intake): IntakeReview {
  return { ...intake.review, state: 'closed' };
}

export function countersigned(intake: Intake, by: Who, at: number): IntakeReview {
  return { ...intake.review, state: 'countersigned', countersignedBy: by.id, countersignedAt: at };
}

export function returned(intake: Intake, by: Who, at: number, comment: string): IntakeReview {
  return { ...intake.review, state: 'returned', returnedBy: by.id, returnedAt: at, returnComment: comment.trim() };
}

export function handedOver(intake: Intake, by: Who, at: number, to: OfficeId): IntakeReview {
  return { ...intake.review, state: 'handed_over', handedOverTo: to, handedOverBy: by.id, handedOverAt: at };
}

/** The worker hands a returned, corrected record back for review (the caller checks that it is returned). */
export function resubmitted(intake: Intake): IntakeReview {
  return { ...intake.review, state: 'new' };
}

/** The supervisor's queue: submitted records of the own office, newest call first. */
export function reviewQueue(intakes: readonly Intake[]): Intake[] {
  return intakes
    .filter((i) => i.status === 'submitted')
    .sort((a, b) => b.receivedAt - a.receivedAt || a.id.localeCompare(b.id));
}
