import { createHash } from 'node:crypto';

import { review as reviewText } from '../../shared/i18n/de/review';
import { fieldLabel } from '../../shared/nightRecord/fieldLabel';
import { lateFactChange } from '../../shared/nightRecord/lateFacts';
import type { EntryWire } from '../../shared/schema/entry';
import type { HoldWire } from '../../shared/schema/hold';
import { type IntakeWire, isLocked, reviewStateOf } from '../../shared/schema/intake';
import type { SessionUser, WireDocument } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';

/**
 * The log lines the server writes for every step of the morning review (Vier-Augen-Prinzip, issue 7). Who may take
 * which step, and the lock, are the rule book's (shared/rules/intake.ts).
 */

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
 * The stored log lines of intakes just handed over (those of the record's own office), stored again unchanged: each gets a new feed position, so
 * the receiving office's next pull (from whatever checkpoint) brings the whole log, not only what follows.
 */
export async function logOfIntakes(tx: Queryable, intakeIds: string[]): Promise<EntryWire[]> {
  if (intakeIds.length === 0) return [];
  const { rows } = await tx.query<{ data: EntryWire }>(
    `SELECT e.data FROM documents e JOIN documents i ON i.collection = 'intakes' AND i.id = e.data->>'intakeId'
      WHERE e.collection = 'entries' AND e.data->>'intakeId' = ANY($1::text[]) AND e.office_id = i.office_id
      ORDER BY e.seq`,
    [intakeIds],
  );
  return rows.map((r) => r.data);
}

/** The stored placements of intakes just handed over, stored again unchanged (a new feed position, as the log). */
export async function holdsOfIntakes(tx: Queryable, intakeIds: string[]): Promise<HoldWire[]> {
  if (intakeIds.length === 0) return [];
  const { rows } = await tx.query<{ data: HoldWire }>(
    `SELECT data FROM documents WHERE collection = 'holds' AND data->>'intakeRef' = ANY($1::text[]) ORDER BY seq`,
    [intakeIds],
  );
  return rows.map((r) => r.data);
}
