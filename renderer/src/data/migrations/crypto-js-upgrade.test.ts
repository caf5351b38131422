import { readFileSync } from 'node:fs';

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { type IdbSnapshot, restoreIndexedDb, snapshotIndexedDb } from '../../test-fixtures/idb-snapshot';
import { editRows } from '../../test-fixtures/stored-rows';
import { openDatabase } from '../database';
import type { StoreUpgradeProgress } from '../sealed-storage';

/**
 * A store as main wrote it before the sealed format (commit d71f5cd: RxDB's crypto-js plugin, one ciphertext per
 * encrypted field): 24 intakes (one deleted, one draft with a pending mark), 24 log lines, the demo facilities,
 * one hold, one rejection. Made by opening that version's openDatabase on fake-indexeddb and snapshotting it.
 */
const FIXTURE = JSON.parse(
  readFileSync('renderer/src/data/migrations/fixtures/crypto-js-store.json', 'utf8'),
) as IdbSnapshot;
const KEY = 'f'.repeat(64);
/** What crypto-js text starts with ("Salted__" in base64). */
const CRYPTO_JS_PREFIX = 'U2FsdGVkX1';

async function legacyStore(): Promise<IDBFactory> {
  const factory = new IDBFactory();
  await restoreIndexedDb(factory, FIXTURE);
  return factory;
}

function open(factory: IDBFactory, onUpgradeProgress?: (p: StoreUpgradeProgress) => void) {
  return openDatabase({
    name: 'obhut_legacy',
    key: KEY,
    env: { indexedDB: factory, IDBKeyRange },
    sealing: { upgradeBatchSize: 5, onUpgradeProgress },
  });
}

describe('upgrade of a store written with crypto-js', () => {
  it('rewrites every document in batches, with progress, and loses nothing', async () => {
    expect(JSON.stringify(FIXTURE)).toContain(CRYPTO_JS_PREFIX);
    const factory = await legacyStore();
    const progress: StoreUpgradeProgress[] = [];
    const db = await open(factory, (p) => progress.push(p));
    try {
      const intakes = await db.intakes.find({ sort: [{ id: 'asc' }] }).exec();
      expect(intakes.map((d) => d.id)).toHaveLength(23);
      expect(intakes.map((d) => d.id)).not.toContain('legacy-intake-22');
      expect(intakes[0].child.firstName).toBe('Müller');
      expect(intakes[0].child.lastName).toBe('Altbestand0');
      expect(intakes.find((d) => d.id === 'legacy-intake-23')?.status).toBe('draft');
      const entries = await db.entries.find({ selector: { intakeId: 'legacy-intake-07' } }).exec();
      expect(entries.map((e) => e.text)).toEqual(['Vermerk zu Jürgen Altbestand7']);
      expect((await db.entries.count().exec()) + (await db.facilities.count().exec())).toBe(24 + 7);
      const hold = await db.holds.findOne().exec();
      expect(hold?.sex).toBe('female');
      expect((await db.rejections.findOne('legacy-intake-05').exec())?.rejectedState).toContain('abgelehnt');
      expect((await db.getLocal<{ marks: Record<string, string> }>('pending-intakes'))?.get('marks')).toHaveProperty(
        'legacy-intake-23',
      );
    } finally {
      await db.close();
    }

    const intakeSteps = progress.filter((p) => p.collection === 'intakes');
    expect(intakeSteps.map((p) => p.done)).toEqual([5, 10, 15, 20, 24]);
    expect(intakeSteps.every((p) => p.total === 24)).toBe(true);
    const raw = JSON.stringify(await snapshotIndexedDb(factory));
    expect(raw).not.toContain(CRYPTO_JS_PREFIX);
    expect(raw).not.toContain('Altbestand');
    expect(raw).toContain('legacy-intake-07');
  });

  it('goes on where an interrupted upgrade stopped', async () => {
    // The disk as a laptop closed mid-upgrade leaves it: a copy of every store taken right after the second batch
    // of intakes was written (the upgrade waits for the callback), then opened on its own as the next start would.
    const factory = await legacyStore();
    let killPoint: IdbSnapshot | undefined;
    const first: StoreUpgradeProgress[] = [];
    await (
      await open(factory, async (p) => {
        first.push(p);
        if (p.collection === 'intakes' && p.done === 10) killPoint = await snapshotIndexedDb(factory);
      })
    ).close();
    expect(first.filter((p) => p.collection === 'intakes').map((p) => p.done)).toEqual([5, 10, 15, 20, 24]);
    expect(killPoint).toBeDefined();

    const interrupted = new IDBFactory();
    await restoreIndexedDb(interrupted, killPoint!);
    const second: StoreUpgradeProgress[] = [];
    const db = await open(interrupted, (p) => {
      second.push(p);
    });
    try {
      // The 10 rewritten before the interruption are not rewritten again.
      expect(second.filter((p) => p.collection === 'intakes').map((p) => [p.done, p.total])).toEqual([
        [5, 14],
        [10, 14],
        [14, 14],
      ]);
      const intakes = await db.intakes.find().exec();
      expect(intakes).toHaveLength(23);
      expect(intakes.map((d) => d.child.lastName).sort()).toContain('Altbestand9');
    } finally {
      await db.close();
    }
    expect(JSON.stringify(await snapshotIndexedDb(interrupted))).not.toContain(CRYPTO_JS_PREFIX);
  });

  it('an opened store opens again without rewriting anything', async () => {
    const factory = await legacyStore();
    await (await open(factory)).close();
    const progress: StoreUpgradeProgress[] = [];
    const db = await open(factory, (p) => progress.push(p));
    await db.close();
    expect(progress).toEqual([]);
  });

  it('an upgraded store is not read through again at the next unlock', async () => {
    const factory = await legacyStore();
    // The first unlock rewrites, the second finds nothing left and notes it.
    await (await open(factory)).close();
    await (await open(factory)).close();
    // A row in the old format put back afterwards: a store that looked for old rows at every unlock would find it.
    let legacyRow: Record<string, string> | undefined;
    await editRows(await legacyStore(), 'intakes', (rows) => {
      legacyRow = [...rows.values()].find((row) => row._deleted === '0');
    });
    await editRows(factory, 'intakes', (rows) => void rows.set(legacyRow!.id, legacyRow!));
    const progress: StoreUpgradeProgress[] = [];
    const db = await open(factory, (p) => progress.push(p));
    await db.close();
    expect(progress).toEqual([]);
  });
});
