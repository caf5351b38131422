import type { MangoQuery } from 'rxdb';

import { OFFICE_IDS } from '../../../shared/offices';
import type { Intake } from '../../../shared/schema/intake';
import { openTestDatabase } from '../test-fixtures/database';
import { submittedRecord } from '../test-fixtures/intake';
import type { ObhutDatabase } from './database';
import { backwardPlan } from './newest-first';

let db: ObhutDatabase;
const CALL = Date.parse('2025-05-20T00:00+02:00');

beforeAll(async () => {
  db = await openTestDatabase('obhut_newest_first');
  // 200 records over the five offices; every receivedAt twice (ties across and within offices), both statuses.
  const records: Intake[] = Array.from({ length: 200 }, (_, i) => {
    const at = new Date(CALL + Math.floor(i / 2) * 60_000).toISOString();
    const record = submittedRecord(`r${String((i * 7919) % 1000).padStart(4, '0')}`, `Kind ${i}`, at, {
      officeId: OFFICE_IDS[(i * 3) % OFFICE_IDS.length],
    });
    return { ...record, updatedAt: CALL + ((i * 37) % 50) * 1000, status: i % 3 === 0 ? 'draft' : 'submitted' };
  });
  await db.intakes.bulkInsert(records);
  // Deleted records must stay out.
  for (const id of records.slice(150, 160).map((r) => r.id)) await (await db.intakes.findOne(id).exec())!.remove();
});
afterAll(async () => {
  await db.close();
});

const ids = async (query: MangoQuery<Intake>) => (await db.intakes.find(query).exec()).map((d) => d.id);
/** The same query without its limit (and skip): RxDB's own read of every row in the range, sorted in memory. */
const unlimited = async (query: MangoQuery<Intake>) => {
  const { limit, skip, ...rest } = query;
  const all = await ids(rest);
  return all.slice(skip ?? 0, (skip ?? 0) + (limit ?? all.length));
};
const planned = (query: MangoQuery<Intake>) =>
  backwardPlan(
    db.intakes.storageInstance.schema as never,
    {
      skip: 0,
      ...query,
      selector: { ...query.selector, _deleted: { $eq: false } },
    } as never,
  );

describe('newest-first queries walk an index backwards', () => {
  const cases: [string, MangoQuery<Intake>][] = [
    ['the newest 50 of every office (ties broken by id)', { sort: [{ receivedAt: 'desc' }, { id: 'asc' }], limit: 50 }],
    [
      'the newest 20 after a time, skipping 7',
      {
        selector: { receivedAt: { $gt: CALL + 5 * 60_000 } },
        sort: [{ receivedAt: 'desc' }, { id: 'desc' }],
        skip: 7,
        limit: 20,
      },
    ],
    ['the newest of one office', { selector: { officeId: 'pinneberg' }, sort: [{ receivedAt: 'desc' }], limit: 5 }],
    ['drafts by last change', { selector: { status: 'draft' }, sort: [{ updatedAt: 'desc' }], limit: 30 }],
    ['last changed, every record', { sort: [{ updatedAt: 'desc' }, { id: 'asc' }], limit: 33 }],
    ['more than there are', { sort: [{ receivedAt: 'desc' }], limit: 500 }],
  ];
  it.each(cases)('%s: as RxDB answers it reading every row', async (_, query) => {
    expect(planned(query)).not.toBeNull();
    const expected = await unlimited(query);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(query)).toEqual(expected);
  });

  it('leaves ascending and unlimited queries to the storage', () => {
    expect(planned({ sort: [{ receivedAt: 'asc' }], limit: 5 })).toBeNull();
    expect(planned({ sort: [{ receivedAt: 'desc' }] })).toBeNull();
  });

  it('keeps a live newest-first list current when a record is written', async () => {
    const query = db.intakes.find({ sort: [{ receivedAt: 'desc' }, { id: 'asc' }], limit: 3 });
    const before = (await query.exec()).map((d) => d.id);
    const newest = submittedRecord('neu', 'Neu', new Date(CALL + 999 * 60_000).toISOString());
    await db.intakes.insert(newest);
    expect(
      (await db.intakes.find({ sort: [{ receivedAt: 'desc' }, { id: 'asc' }], limit: 3 }).exec()).map((d) => d.id),
    ).toEqual(['neu', ...before.slice(0, 2)]);
    await (await db.intakes.findOne('neu').exec())!.remove();
  });
});
