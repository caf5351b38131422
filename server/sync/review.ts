import { createHash } from 'node:crypto';

import { jsonEqual } from '../../shared/equal';
import type { ErrorCode } from '../../shared/i18n/de/errors';
import { review as reviewText } from '../../shared/i18n/de/review';
import { fieldLabel } from '../../shared/nightRecord/fieldLabel';
import { lateFactChange } from '../../shared/nightRecord/lateFacts';
import type { EntryWire } from '../../shared/schema/entry';
import { type IntakeWire, isAllowedReviewStep, isLocked, reviewStateOf } from '../../shared/schema/intake';
import type { SessionUser, WireDocument } from '../../shared/sync/protocol';
import { denial } from '../authz/enforce';
import type { Queryable } from '../db/db';

/**
 * The morning review of a night record (Vier-Augen-Prinzip, issue 7): who may move it, which steps exist, the lock
 * after countersigning, and the log lines the server writes for every step.
 */

/** A record without a review is a new one. */
const NEW = { state: 'new' };

/** The worker's only review step: a returned record, corrected, goes back to "neu" with nothing else changed. */
function isResubmission(next: IntakeWire, stored: IntakeWire | undefined): boolean {
  if (!stored?.review || stored.review.state !== 'returned' || next.review?.state !== 'new') return false;
  return jsonEqual({ ...stored.review, state: 'new' }, next.review);
}

/** Who may change the review part: the office's supervisor (authz table), and signing only in one's own name. */
export function reviewDenial(
  user: SessionUser,
  nextDoc: WireDocument,
  storedDoc: WireDocument | undefined,
): ErrorCode | null {
  const next = nextDoc as IntakeWire;
  const stored = storedDoc as IntakeWire | undefined;
  if (jsonEqual(stored?.review, next.review) || isResubmission(next, stored)) return null;
  const to = reviewStateOf(next);
  const operation = to === 'handed_over' ? 'handover' : 'countersign';
  if (denial(user, 'intakes', operation, next.officeId)) return 'review_not_allowed';
  const r = next.review;
  const from = stored ? reviewStateOf(stored) : 'new';
  // Vier-Augen-Prinzip: a supervisor who wrote the record (on call themselves) does not countersign it.
  // The author as stored: a push cannot name someone else as the author to sign its own record.
  if (to === 'countersigned' && from !== to && (stored ?? next).createdBy === user.id) return 'four_eyes';
  if (from !== to) {
    if (to === 'returned' && r?.returnedBy !== user.id) return 'author_mismatch';
    if (to === 'countersigned' && r?.countersignedBy !== user.id) return 'author_mismatch';
    if (to === 'handed_over' && r?.handedOverBy !== user.id) return 'author_mismatch';
  }
  return null;
}

/** Domain rules: the lock after countersigning and the allowed steps. null when the change may be stored. */
export function reviewChangeError(nextDoc: WireDocument, storedDoc: WireDocument | undefined): ErrorCode | null {
  const next = nextDoc as IntakeWire;
  const stored = storedDoc as IntakeWire | undefined;
  if (isLocked(stored) && 'violation' in lateFactChange(stored!, next)) return 'intake_locked';
  if (jsonEqual(stored?.review ?? NEW, next.review ?? NEW)) return null;
  const from = stored ? reviewStateOf(stored) : 'new';
  const to = reviewStateOf(next);
  // Who signed, returned or handed over, and the comment, change only with a step (and its log line).
  if (from === to) return 'invalid_review_step';
  if (to !== 'new' && next.status !== 'submitted') return 'invalid_review_step';
  if (!isAllowedReviewStep(from, to)) return 'invalid_review_step';
  if (to === 'returned' && !next.review?.returnComment?.trim()) return 'return_comment_missing';
  if (to === 'countersigned' && !next.review?.countersignedAt) return 'invalid_review_step';
  // Conflicts can no longer be resolved in a locked record: they are settled before the signature.
  if (to === 'countersigned' && next.conflicts.length > 0) return 'conflicts_open';
  if (to === 'closed' && from !== 'closed' && next.end?.endedAt === undefined) return 'measure_not_ended';
  if (to === 'handed_over') {
    const target = next.review?.handedOverTo;
    if (!target || target === next.officeId || !next.review?.handedOverAt) return 'handover_target_invalid';
  }
  // What was signed, and to whom it went, stays as it was.
  if (stored?.review?.countersignedAt !== undefined && stored.review.countersignedAt !== next.review?.countersignedAt) {
    return 'invalid_review_step';
  }
  if (stored?.review?.handedOverTo !== undefined && stored.review.handedOverTo !== next.review?.handedOverTo) {
    return 'invalid_review_step';
  }
  return null;
}

/** The intakes of a push that were handed to another office by it: [intake, receiving office]. */
export function newHandovers(
  writes: WireDocument[],
  before: ReadonlyMap<string, WireDocument>,
): [IntakeWire, string][] {
  return writes.flatMap((doc) => {
    const next = doc as IntakeWire;
    const target = next.review?.handedOverTo;
    const previous = (before.get(doc.id) as IntakeWire | undefined)?.review?.handedOverTo;
    return target && target !== previous ? [[next, target] as [IntakeWire, string]] : [];
  });
}

/**
 * The log lines of the review steps of a push, written by the server in the supervisor's name, so that no step
 * goes without its line (who, when). A handover gets one line in each office's log.
 */
export function reviewEntries(
  writes: WireDocument[],
  before: ReadonlyMap<string, WireDocument>,
  user: SessionUser,
  now: number,
): EntryWire[] {
  const who = `${user.displayName} (${user.username})`;
  return writes.flatMap((doc) => {
    const next = doc as IntakeWire;
    const stored = before.get(doc.id) as IntakeWire | undefined;
    const from = stored ? reviewStateOf(stored) : 'new';
    const to = reviewStateOf(next);
    const line = (officeId: EntryWire['officeId'], text: string, suffix = ''): EntryWire => ({
      id: reviewEntryId(next.id, to, now, suffix),
      officeId,
      intakeId: next.id,
      kind: to === 'handed_over' ? 'handover' : 'note',
      at: now,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
      text,
      _deleted: false,
    });
    // What was added to a countersigned record after the signature is on its log too.
    const late = isLocked(stored) ? lateFactChange(stored!, next) : { added: [] };
    const lateLines =
      'added' in late && late.added.length > 0
        ? [
            line(
              next.officeId,
              reviewText.log.lateFacts(
                who,
                late.added.map((path) => fieldLabel(path, next)),
              ),
              '-late',
            ),
          ]
        : [];
    if (from === to) return lateLines;
    switch (to) {
      case 'returned':
        return [line(next.officeId, reviewText.log.returned(who, next.review?.returnComment ?? ''))];
      case 'new':
        return [line(next.officeId, reviewText.log.resubmitted(who))];
      case 'countersigned':
        return [line(next.officeId, reviewText.log.countersigned(who))];
      case 'handed_over': {
        const target = next.review?.handedOverTo;
        if (!target) return lateLines;
        return [
          ...lateLines,
          line(next.officeId, reviewText.log.handedOver(who, target)),
          line(target, reviewText.log.received(who, next.officeId), '-in'),
        ];
      }
      default:
        return [...lateLines, line(next.officeId, reviewText.log.step(who, to))];
    }
  });
}

/**
 * Ids of documents are at most 64 characters (shared/schema/common.ts), and clients validate every document they
 * store: a record id is already up to 64, so the line's id is a digest of what makes it unique.
 */
function reviewEntryId(intakeId: string, to: string, at: number, suffix: string): string {
  return `review-${createHash('sha256').update(`${intakeId}\u0000${to}\u0000${at}${suffix}`).digest('base64url').slice(0, 43)}`;
}

/**
 * The stored log lines of intakes just handed over, stored again unchanged: each gets a new feed position, so
 * the receiving office's next pull (from whatever checkpoint) brings the whole log, not only what follows.
 */
export async function logOfIntakes(tx: Queryable, intakeIds: string[]): Promise<EntryWire[]> {
  if (intakeIds.length === 0) return [];
  const { rows } = await tx.query<{ data: EntryWire }>(
    `SELECT data FROM documents WHERE collection = 'entries' AND data->>'intakeId' = ANY($1::text[]) ORDER BY seq`,
    [intakeIds],
  );
  return rows.map((r) => r.data);
}
