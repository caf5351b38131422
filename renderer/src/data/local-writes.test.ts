import type { Intake } from '../../../shared/schema/intake';
import { openTestDatabase } from '../test-fixtures/database';
import { submittedRecord } from '../test-fixtures/intake';
import type { ObhutDatabase } from './database';
import { LocalWrites } from './local-writes';
import { PendingWrites } from './pending';

const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'Ben Bereitschaft',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const CALL = '2025-05-20T00:00+02:00';

let db: ObhutDatabase;
let pending: PendingWrites;
let clock: number;
let writes: LocalWrites<Intake>;

beforeEach(async () => {
  db = await openTestDatabase('obhut_local_writes');
  pending = await PendingWrites.open(db);
  clock = Date.parse(CALL) + 60_000;
  writes = new LocalWrites(db.intakes, pending, user, () => clock);
});
afterEach(async () => {
  await db.close();
});

/** The marks as the next session reads them from disk. */
const storedMarks = async () => {
  const doc = await db.getLocal<{ marks: Record<string, string> }>('pending-intakes');
  return Object.keys((doc?.get('marks') as Record<string, string> | undefined) ?? {});
};

describe('LocalWrites', () => {
  it('has the mark on disk before a new record reaches the store (a crash in between hides nothing)', async () => {
    const seen: string[][] = [];
    db.intakes.preInsert(async () => {
      seen.push(await storedMarks());
    }, false);
    await writes.insert(submittedRecord('mia', 'Mia', CALL));
    expect(seen).toEqual([['mia']]);
    expect(await storedMarks()).toEqual(['mia']);
  });

  it('has the mark on disk before an edit reaches the store', async () => {
    await db.intakes.insert(submittedRecord('mia', 'Mia', CALL));
    const seen: string[][] = [];
    db.intakes.preSave(async () => {
      seen.push(await storedMarks());
    }, false);
    const doc = await writes.find('mia', 'intake');
    await writes.modify(doc, (current) => ({ ...current, situation: 'Nachtrag' }));
    expect(seen).toEqual([['mia']]);
    expect(pending.ids).toEqual(['mia']);
  });

  it('keeps the write marked when a settle ran while it was under way', async () => {
    await db.intakes.insert(submittedRecord('mia', 'Mia', CALL));
    const doc = await writes.find('mia', 'intake');
    // The client's reconcile: idle and in sync, it drops the marks of its snapshot, which does not know this write.
    db.intakes.preSave(async () => {
      await pending.settleSnapshot(pending.snapshot());
    }, false);
    await writes.modify(doc, (current) => ({ ...current, situation: 'Nachtrag' }));
    expect(pending.ids).toEqual(['mia']);
    expect(await storedMarks()).toEqual(['mia']);
  });

  it("stamps the writer and a time after the record's last write, even when this laptop's clock is behind", async () => {
    await db.intakes.insert(submittedRecord('mia', 'Mia', CALL, { updatedAt: clock + 5_000, updatedBy: 'kollegin' }));
    const behind = await writes.modify(await writes.find('mia', 'intake'), (current) => current);
    expect(behind.toJSON()).toMatchObject({ updatedAt: clock + 5_001, updatedBy: user.id });
    clock += 60_000;
    const ahead = await writes.modify(await writes.find('mia', 'intake'), (current) => current);
    expect(ahead.toJSON()).toMatchObject({ updatedAt: clock, updatedBy: user.id });
  });

  it('writes nothing and takes its mark back when another write landed first', async () => {
    await db.intakes.insert(submittedRecord('mia', 'Mia', CALL));
    const stale = await writes.find('mia', 'intake');
    await (await db.intakes.findOne('mia').exec())!.incrementalPatch({ situation: 'vom Server' });
    expect(await writes.attempt(stale, (current) => ({ ...current, situation: 'alt' }))).toBeNull();
    expect((await writes.find('mia', 'intake')).situation).toBe('vom Server');
    expect(pending.ids).toEqual([]);
  });

  it('refuses a record that does not exist', async () => {
    await expect(writes.find('nobody', 'intake')).rejects.toThrow('intake nobody not found');
  });
});
