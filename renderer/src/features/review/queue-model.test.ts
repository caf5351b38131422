import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { formatDateTime } from '../../../../shared/format';
import type { Intake, IntakeReview } from '../../../../shared/schema/intake';
import { conflictRecord } from '../../../../shared/sync/merge';
import { DEFAULT_QUEUE_FILTER, filterRows, lastWorkingDayStart, type QueueContext, scopedRows } from './queue-model';

const at = (s: string) => Date.parse(s);

/** A submitted record of Pinneberg called in at `receivedAt`; `full` gives it the demo night (with deadlines). */
function record(id: string, firstName: string, receivedAt: number, extra: Partial<Intake> = {}, full = false): Intake {
  return {
    ...(full ? demoNightRecord(receivedAt) : { receivedAt, situation: '' }),
    id,
    officeId: 'pinneberg',
    createdBy: 'bereitschaft.pinneberg',
    createdAt: receivedAt,
    updatedAt: receivedAt,
    updatedBy: 'bereitschaft.pinneberg',
    child: { firstName, lastName: 'Testkind' },
    status: 'submitted',
    conflicts: [],
    ...extra,
  };
}
const review = (review: IntakeReview) => ({ review });

const context = (now: number, extra: Partial<QueueContext> = {}): QueueContext => ({
  officeId: 'pinneberg',
  now,
  pendingIds: new Set(),
  rejectedIds: new Set(),
  ...extra,
});

describe('last working day (Schleswig-Holstein)', () => {
  it('is yesterday on a Wednesday, Friday on a Monday, and skips Good Friday and Easter Monday', () => {
    expect(formatDateTime(lastWorkingDayStart(at('2026-11-25T08:00+01:00')))).toBe('24.11.2026 00:00');
    expect(formatDateTime(lastWorkingDayStart(at('2026-11-23T07:30+01:00')))).toBe('20.11.2026 00:00');
    // Easter 2026: Good Friday 3 April, Easter Monday 6 April; on Tuesday the last working day is Maundy Thursday.
    expect(formatDateTime(lastWorkingDayStart(at('2026-04-07T08:00+02:00')))).toBe('02.04.2026 00:00');
    // Reformation Day (31 October) is a holiday in Schleswig-Holstein; 2 November 2026 is a Monday.
    expect(formatDateTime(lastWorkingDayStart(at('2026-11-02T08:00+01:00')))).toBe('30.10.2026 00:00');
  });

  it('counts Berlin days, not UTC days: 00:30 on Tuesday is already Tuesday', () => {
    // 23:30 UTC on Monday is 00:30 on Tuesday in Berlin: the last working day is Monday, not Friday.
    expect(formatDateTime(lastWorkingDayStart(at('2026-11-23T23:30Z')))).toBe('23.11.2026 00:00');
  });
});

describe('review queue model', () => {
  const monday = at('2026-11-23T08:00+01:00');

  it('shows what came in since Friday plus older records still open, newest first, without drafts and other offices', () => {
    const rows = scopedRows(
      [
        record('thu-open', 'Ole', at('2026-11-19T22:00+01:00')),
        record(
          'thu-signed',
          'Tim',
          at('2026-11-19T23:00+01:00'),
          review({ state: 'countersigned', countersignedBy: 'l', countersignedAt: 1 }),
        ),
        record(
          'fri',
          'Ida',
          at('2026-11-20T00:10+01:00'),
          review({ state: 'countersigned', countersignedBy: 'l', countersignedAt: 1 }),
        ),
        record('sun', 'Ben', at('2026-11-22T03:00+01:00')),
        record('draft', 'Eva', at('2026-11-22T04:00+01:00'), { status: 'draft' }),
        record('other', 'Kai', at('2026-11-22T05:00+01:00'), { officeId: 'segeberg' }),
        record(
          'old-returned',
          'Lia',
          at('2026-11-02T05:00+01:00'),
          review({ state: 'returned', returnComment: 'x', returnedBy: 'l', returnedAt: 1 }),
        ),
      ],
      'recent',
      context(monday),
    );
    expect(rows.map((r) => r.intake.id)).toEqual(['sun', 'fri', 'thu-open', 'old-returned']);
    expect(rows.map((r) => r.state)).toEqual(['new', 'countersigned', 'new', 'returned']);

    const all = scopedRows(
      [
        record(
          'thu-signed',
          'Tim',
          at('2026-11-19T23:00+01:00'),
          review({ state: 'countersigned', countersignedBy: 'l', countersignedAt: 1 }),
        ),
      ],
      'all',
      context(monday),
    );
    expect(all.map((r) => r.intake.id)).toEqual(['thu-signed']);
  });

  it('includes a record another office handed over, dated by the handover, and names the sender', () => {
    const handed = record('in', 'Noa', at('2026-11-10T22:00+01:00'), {
      officeId: 'segeberg',
      ...review({
        state: 'handed_over',
        countersignedBy: 'l',
        countersignedAt: 1,
        handedOverTo: 'pinneberg',
        handedOverBy: 'l',
        handedOverAt: at('2026-11-20T09:00+01:00'),
      }),
    });
    const [row] = scopedRows([handed], 'recent', context(monday));
    expect(row.receivedFrom).toBe('segeberg');
    expect(row.arrivedAt).toBe(at('2026-11-20T09:00+01:00'));
    expect(scopedRows([handed], 'recent', context(at('2026-11-25T08:00+01:00')))).toEqual([]);
  });

  it('counts open and overdue obligations, conflicts, and marks the sync state', () => {
    const night = record(
      'night',
      'Mia',
      at('2026-11-20T23:40+01:00'),
      { conflicts: [conflictRecord('situation', 'alt', 'x', 1)] },
      true,
    );
    const bare = record('bare', 'Paul', at('2026-11-21T01:00+01:00'));
    const rows = scopedRows(
      [night, bare],
      'all',
      context(monday, { pendingIds: new Set(['bare', 'night']), rejectedIds: new Set(['night']) }),
    );
    const byId = new Map(rows.map((r) => [r.intake.id, r]));
    // Nothing of the demo night is handed over to the ASD yet: by Monday that is overdue.
    expect(byId.get('night')!.overdueObligations).toBeGreaterThanOrEqual(1);
    expect(byId.get('night')!.openObligations).toBeGreaterThanOrEqual(byId.get('night')!.overdueObligations);
    expect(byId.get('night')!.conflicts).toBe(1);
    expect(byId.get('night')!.sync).toBe('rejected');
    expect(byId.get('bare')).toMatchObject({
      openObligations: 0,
      overdueObligations: 0,
      conflicts: 0,
      sync: 'pending',
    });
    // Before the deadlines ran out the same night has open obligations and none overdue.
    const [early] = scopedRows([night], 'all', context(at('2026-11-20T23:50+01:00')));
    expect(early.overdueObligations).toBe(0);
    expect(early.openObligations).toBeGreaterThan(0);
  });

  it('filters by review state, overdue only, and name words regardless of umlauts and case', () => {
    const rows = scopedRows(
      [
        record('a', 'Jürgen', at('2026-11-20T10:00+01:00'), {}, true),
        record(
          'b',
          'Jonas',
          at('2026-11-21T10:00+01:00'),
          review({ state: 'returned', returnComment: 'x', returnedBy: 'l', returnedAt: 1 }),
        ),
        record('c', 'Lara', at('2026-11-22T10:00+01:00'), review({ state: 'in_review' })),
      ],
      'all',
      context(monday),
    );
    const ids = (filter: Partial<typeof DEFAULT_QUEUE_FILTER>) =>
      filterRows(rows, { ...DEFAULT_QUEUE_FILTER, ...filter }).map((r) => r.intake.id);
    expect(ids({})).toEqual(['c', 'b', 'a']);
    expect(ids({ state: 'returned' })).toEqual(['b']);
    expect(ids({ state: 'new' })).toEqual(['a']);
    expect(ids({ overdueOnly: true })).toEqual(['a']);
    expect(ids({ name: 'jurgen' })).toEqual(['a']);
    expect(ids({ name: 'testkind j' })).toEqual(['b', 'a']);
    expect(ids({ name: 'jo', state: 'new' })).toEqual([]);
  });
});
