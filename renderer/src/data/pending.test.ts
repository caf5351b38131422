import { openTestDatabase } from '../test-fixtures/database';
import type { ObhutDatabase } from './database';
import { PendingWrites } from './pending';

let db: ObhutDatabase;
beforeEach(async () => {
  db = await openTestDatabase('obhut_pending');
});
afterEach(async () => {
  await db.close();
});

/** The ids as the next session reads them from disk. */
const storedIds = async () => {
  const doc = await db.getLocal<{ marks: Record<string, string> }>('pending-intakes');
  return Object.keys((doc?.get('marks') as Record<string, string> | undefined) ?? {}).sort();
};

describe('PendingWrites', () => {
  it('writes the marks to disk only when an id comes or goes, not for a new mark of a pending id', async () => {
    const pending = await PendingWrites.open(db);
    const stored = vi.spyOn(db, 'upsertLocal');
    await pending.mark('mia');
    await pending.mark('mia');
    await pending.mark('mia');
    expect(stored).toHaveBeenCalledTimes(1);
    await pending.mark('ben');
    expect(stored).toHaveBeenCalledTimes(2);
    expect(await storedIds()).toEqual(['ben', 'mia']);
    await pending.settleSnapshot(pending.snapshot(), ['mia']);
    expect(stored).toHaveBeenCalledTimes(3);
    expect(await storedIds()).toEqual(['ben']);
  });

  it('keeps a mark renewed while a settle was taken (the settle does not drop it, on disk neither)', async () => {
    const pending = await PendingWrites.open(db);
    await pending.mark('mia');
    const before = pending.snapshot();
    await pending.mark('mia');
    await pending.settleSnapshot(before);
    expect(pending.ids).toEqual(['mia']);
    expect(await storedIds()).toEqual(['mia']);
  });

  it('a later session loads every unconfirmed id and settles it with its own snapshot', async () => {
    const first = await PendingWrites.open(db);
    await first.mark('mia');
    await first.mark('mia');
    await first.mark('ben');
    const next = await PendingWrites.open(db);
    expect(next.ids.sort()).toEqual(['ben', 'mia']);
    await next.settleSnapshot(next.snapshot());
    expect(next.ids).toEqual([]);
    expect(await storedIds()).toEqual([]);
  });
});
