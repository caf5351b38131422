import { addDays, berlinDay, berlinTime } from '../../../../shared/deadlines/calendar';
import { isWorkingDay } from '../../../../shared/deadlines/holidays';
import { obligationsOfIntake } from '../../../../shared/nightRecord/deadlineFacts';
import type { OfficeId } from '../../../../shared/offices';
import { type Intake, type ReviewState, reviewStateOf } from '../../../../shared/schema/intake';
import { nameOf } from '../../record/name';
import { EMPTY_SEARCH, matches } from '../../record/search';
import { reviewQueue } from './steps';

/**
 * The supervisor's morning queue as a pure model: which submitted records it shows, with what, in which order.
 * "recent" (the default): records that came in since the start of the last working day before today in
 * Schleswig-Holstein (Monday morning: since Friday; after Easter Monday: since Maundy Thursday), plus every record
 * still open in the review, however old, so that nothing waiting for a signature drops out of sight.
 */
export type QueueScope = 'recent' | 'all';
export type QueueFilter = { scope: QueueScope; state: ReviewState | ''; overdueOnly: boolean; name: string };
export const DEFAULT_QUEUE_FILTER: QueueFilter = { scope: 'recent', state: '', overdueOnly: false, name: '' };

export type SyncMark = 'pending' | 'synced' | 'rejected';

export type QueueRow = {
  intake: Intake;
  name: string;
  state: ReviewState;
  /** When the record came to this office: the call, or the handover for a record received from another office. */
  arrivedAt: number;
  openObligations: number;
  overdueObligations: number;
  conflicts: number;
  sync: SyncMark;
  /** The sending office, for a record another office handed to this one. */
  receivedFrom?: OfficeId;
};

export type QueueContext = {
  officeId: string;
  now: number;
  pendingIds: ReadonlySet<string>;
  rejectedIds: ReadonlySet<string>;
};

/** 00:00 in Berlin of the last working day before the day of `now`. */
export function lastWorkingDayStart(now: number): number {
  let day = addDays(berlinDay(now), -1);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return berlinTime(day, 0);
}

/** Still waiting for the supervisor or for the worker's correction. */
export function openInReview(state: ReviewState): boolean {
  return state === 'new' || state === 'in_review' || state === 'returned';
}

function rowOf(intake: Intake, ctx: QueueContext): QueueRow {
  const obligations = obligationsOfIntake(intake, ctx.now).filter((o) => o.status !== 'done');
  const received = intake.officeId !== ctx.officeId;
  return {
    intake,
    name: nameOf(intake),
    state: reviewStateOf(intake),
    arrivedAt: received ? (intake.review?.handedOverAt ?? intake.receivedAt) : intake.receivedAt,
    openObligations: obligations.length,
    overdueObligations: obligations.filter((o) => o.status === 'overdue').length,
    conflicts: intake.conflicts.length,
    sync: ctx.rejectedIds.has(intake.id) ? 'rejected' : ctx.pendingIds.has(intake.id) ? 'pending' : 'synced',
    ...(received ? { receivedFrom: intake.officeId } : {}),
  };
}

/**
 * The office's submitted records and those handed to it, newest call first, before the user's filters. Each row is
 * inside the scope; `total` of the page counts these.
 */
export function scopedRows(intakes: readonly Intake[], scope: QueueScope, ctx: QueueContext): QueueRow[] {
  const since = lastWorkingDayStart(ctx.now);
  return reviewQueue(intakes.filter((i) => i.officeId === ctx.officeId || i.review?.handedOverTo === ctx.officeId))
    .map((i) => rowOf(i, ctx))
    .filter((row) => scope === 'all' || row.arrivedAt >= since || (openInReview(row.state) && !row.receivedFrom));
}

/** The filters and the name search (every word in the first or last name; umlauts and case do not matter). */
export function filterRows(rows: readonly QueueRow[], filter: QueueFilter): QueueRow[] {
  return rows.filter(
    (row) =>
      (!filter.state || row.state === filter.state) &&
      (!filter.overdueOnly || row.overdueObligations > 0) &&
      matches(row.intake, { ...EMPTY_SEARCH, name: filter.name }),
  );
}
