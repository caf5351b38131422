import { randomUUID } from 'node:crypto';

import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { OfficeId } from '../../shared/offices';
import { defaultPeriod, periodProblem, weeksOf } from '../../shared/overview';
import type { IntakeWire } from '../../shared/schema/intake';
import type { SessionUser } from '../../shared/sync/protocol';
import { openMigratedPglite } from '../../test/support/pglite';
import type { Db } from '../db/db';
import { collectionByName } from '../sync/collections';
import { push } from '../sync/push';
import { verbundOverview } from './query';
import { parsePeriod } from './routes';

/** The overview's SQL on the embedded store (PGlite), which a server without DATABASE_URL uses. */
let db: Db;
beforeAll(async () => {
  db = await openMigratedPglite();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

function intake(officeId: OfficeId, receivedAt: number, admittedAfterMin?: number): IntakeWire {
  const author = `bereitschaft.${officeId}`;
  return {
    ...demoNightRecord(receivedAt),
    id: `t-${randomUUID()}`,
    officeId,
    createdBy: author,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    updatedBy: author,
    receivedAt,
    child: { firstName: 'Fiktiv', lastName: 'Kind', estimatedAge: 12 },
    initiatedBy: 'police',
    situation: 'Fiktiv.',
    status: 'draft',
    conflicts: [],
    placement:
      admittedAfterMin === undefined
        ? undefined
        : { facilityName: 'Fiktive Stelle', admittedAt: receivedAt + admittedAfterMin * 60_000 },
    _deleted: false,
  };
}

async function store(officeId: OfficeId, docs: IntakeWire[]) {
  const user: SessionUser = {
    id: `bereitschaft.${officeId}`,
    username: 'x',
    displayName: 'x',
    officeId,
    roles: ['oncall'],
  };
  const res = await push(
    db,
    collectionByName('intakes')!,
    user,
    docs.map((d) => ({ newDocumentState: d })),
    { userId: user.id, deviceId: null },
  );
  expect(res.rejected).toEqual([]);
}

describe('verbundOverview on PGlite', () => {
  it('puts intakes into Berlin weeks across the change to summer time and takes the median', async () => {
    await store('norderstedt', [
      intake('norderstedt', Date.parse('2025-03-30T23:30+02:00'), 10), // Sunday night, summer time: week of 24 March
      intake('norderstedt', Date.parse('2025-03-31T00:30+02:00'), 20), // UTC still Sunday: week of 31 March
      intake('norderstedt', Date.parse('2025-04-06T23:59+02:00'), 60),
      intake('norderstedt', Date.parse('2025-04-07T00:00+02:00'), 5), // after the period
    ]);
    const o = await verbundOverview(db, '2025-03-24', '2025-04-06');
    expect(o.weeks).toEqual(['2025-03-24', '2025-03-31']);
    expect(o.intakes.byWeek.map((w) => [w.week, w.norderstedt, w.segeberg])).toEqual([
      ['2025-03-24', 1, 0],
      ['2025-03-31', 2, 0],
    ]);
    expect(o.callToPlacement.byOffice.norderstedt).toMatchObject({ measured: 3, medianMinutes: 20, implausible: 0 });
    expect(o.callToPlacement.verbund.buckets).toEqual({
      under_1h: 2,
      '1h_to_2h': 1,
      '2h_to_4h': 0,
      '4h_to_8h': 0,
      '8h_or_more': 0,
    });
    // Named only by text: the place is known, its area is not.
    expect(o.placementAreas.norderstedt).toEqual({ own: 0, other_office: 0, outside_verbund: 0, unknown: 3 });
    // Only the offices of the caller's scope are counted.
    const own = await verbundOverview(db, '2025-03-24', '2025-04-06', ['segeberg']);
    expect(own.intakes.total.norderstedt).toBe(0);
    expect(own.callToPlacement.verbund).toMatchObject({ measured: 0, medianMinutes: null });
  }, 60_000);
});

describe('the period', () => {
  it('accepts real dates up to 53 weeks and names what is wrong otherwise', () => {
    expect(periodProblem('2025-01-01', '2025-01-01')).toBeNull();
    expect(periodProblem('2024-02-29', '2024-03-01')).toBeNull();
    expect(periodProblem('2025-02-29', '2025-03-01')).toBe('invalid_date');
    expect(periodProblem('2025-1-01', '2025-03-01')).toBe('invalid_date');
    expect(periodProblem('2025-03-02', '2025-03-01')).toBe('from_after_to');
    expect(periodProblem('2024-03-11', '2025-03-16')).toBeNull();
    expect(periodProblem('2024-03-10', '2025-03-16')).toBe('too_long');
    expect(() => parsePeriod({ from: ['2025-01-01', '2025-01-02'], to: '2025-01-03' })).toThrow();
    expect(parsePeriod({ from: '2025-01-01', to: '2025-01-03', extra: 'x' })).toEqual({
      from: '2025-01-01',
      to: '2025-01-03',
    });
  });

  it('lists the Mondays of the weeks a period touches and defaults to twelve weeks', () => {
    expect(weeksOf('2025-03-05', '2025-03-17')).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(weeksOf('2024-12-30', '2025-01-05')).toEqual(['2024-12-30']);
    expect(defaultPeriod('2025-03-16')).toEqual({ from: '2024-12-23', to: '2025-03-16' });
    expect(weeksOf('2024-12-23', '2025-03-16')).toHaveLength(12);
  });
});
