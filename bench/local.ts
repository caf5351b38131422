import { firstValueFrom } from 'rxjs';

import { type IndexedDbEnvironment, openDatabase } from '../renderer/src/data/database';
import { IntakeRepository } from '../renderer/src/data/intakes';
import { NameIndex } from '../renderer/src/data/name-index';
import { PendingWrites } from '../renderer/src/data/pending';
import { benchIntake } from './fixtures';
import { summarize, type Summary, time } from './stats';

/**
 * (a) local save of one intake, (b) unlock, list, query and search: the app's own database (Dexie with strict
 * durability, validation, the sealed storage's AES-GCM) and IntakeRepository, the search through the name index.
 * Runs wherever there is an IndexedDB: in Chromium (browser-local.ts, the app's real environment) or under Node
 * on fake-indexeddb.
 */
const USER = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const KEY = 'b'.repeat(64);

export type LocalReads = {
  docs: number;
  /** Opening the database (key import, collections) until the newest 50 records are there, as after unlock. */
  unlockToNewest: number;
  /** The newest 50 once more, with the records in the session cache. */
  newest50: Summary;
  listCold: number;
  list: Summary;
  queryIndexed: Summary;
  queryRange: Summary;
  nameIndexBuild: number;
  search: Summary;
  searchHits: number;
};

export type LocalResult = {
  prefill: { docs: number; ms: number; docsPerSecond: number };
  saveCreate: Summary & { storeDocs: number };
  saveUpdate: Summary & { storeDocs: number };
  reads: LocalReads[];
};

async function fill(repoDb: Db, from: number, to: number): Promise<number> {
  const t0 = performance.now();
  for (let i = from; i < to; i += 1000) {
    await repoDb.intakes.bulkInsert(Array.from({ length: Math.min(1000, to - i) }, (_, k) => benchIntake(i + k)));
  }
  return performance.now() - t0;
}

type Db = Awaited<ReturnType<typeof openDatabase>>;

const newest = (db: Db, r: number) =>
  db.intakes
    .find({ selector: { receivedAt: { $gt: r } }, sort: [{ receivedAt: 'desc' }, { id: 'asc' }], limit: 50 })
    .exec();

/**
 * Reads as the app does them, right after the database was opened. `listCold`: the first list of all records
 * (each one read from IndexedDB and decrypted). The rest are warm, as when the user works in the open app. Each
 * warm read is a new query object with a different selector, so RxDB's query cache does not answer it.
 */
async function reads(db: Db, repo: IntakeRepository, docs: number, runs: number, unlockToNewest: number) {
  const listCold = (await time(() => firstValueFrom(repo.list$()))).ms;
  const newest50: number[] = [];
  const list: number[] = [];
  const queryIndexed: number[] = [];
  const queryRange: number[] = [];
  const search: number[] = [];
  let searchHits = 0;
  const built = await time(() => NameIndex.open(db.intakes));
  const names = built.value;
  for (let r = 0; r < runs; r++) {
    newest50.push((await time(() => newest(db, r + 1))).ms);
    list.push(
      (
        await time(() =>
          db.intakes
            .find({ selector: { updatedAt: { $gt: r } }, sort: [{ receivedAt: 'desc' }, { id: 'asc' }] })
            .exec(),
        )
      ).ms,
    );
    queryIndexed.push(
      (
        await time(() =>
          db.intakes
            .find({ selector: { status: 'draft', updatedAt: { $gt: r } }, sort: [{ updatedAt: 'desc' }], limit: 50 })
            .exec(),
        )
      ).ms,
    );
    const since = benchIntake(Math.floor(docs * 0.9) + r).receivedAt;
    queryRange.push(
      (
        await time(() =>
          db.intakes
            .find({ selector: { officeId: 'segeberg', receivedAt: { $gte: since } }, sort: [{ receivedAt: 'desc' }] })
            .exec(),
        )
      ).ms,
    );
    // A last name as typed, without its umlaut-free spelling mattering: the index answers, the hits are opened.
    const needle = benchIntake(Math.floor(docs / 2) + r).child.lastName;
    search.push(
      (
        await time(async () => {
          const hits = await db.intakes.findByIds(names.search(needle)).exec();
          searchHits = hits.size;
        })
      ).ms,
    );
  }
  names.close();
  return {
    docs,
    unlockToNewest: Math.round(unlockToNewest),
    newest50: summarize(newest50),
    listCold: Math.round(listCold),
    list: summarize(list),
    queryIndexed: summarize(queryIndexed),
    queryRange: summarize(queryRange),
    nameIndexBuild: Math.round(built.ms),
    search: summarize(search),
    searchHits,
  };
}

export type LocalOptions = {
  /** Store sizes, ascending: the store is filled up to each, reopened, and read. */
  sizes: number[];
  /** The store size at which the saves are measured (the first size at or above it). */
  saveAt: number;
  saves: number;
  readRuns: number;
  env?: IndexedDbEnvironment;
  log: (s: string) => void;
};

async function saves(repo: IntakeRepository, count: number, storeDocs: number) {
  const creates: number[] = [];
  const updates: number[] = [];
  const made: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = benchIntake(1_000_000 + i);
    const { ms, value } = await time(() =>
      repo.create({
        receivedAt: input.receivedAt,
        child: input.child,
        initiatedBy: input.initiatedBy,
        situation: input.situation,
        status: 'draft',
      }),
    );
    creates.push(ms);
    made.push(value.id);
  }
  for (let i = 0; i < count; i++) {
    const id = i % 2 === 0 ? made[i] : benchIntake((i * 37) % storeDocs).id;
    updates.push(
      (
        await time(() =>
          repo.update(id, { situation: `Ergänzt ${i}: Kind wurde in die Bereitschaftspflege gebracht.` }),
        )
      ).ms,
    );
  }
  return { saveCreate: { ...summarize(creates), storeDocs }, saveUpdate: { ...summarize(updates), storeDocs } };
}

export async function benchLocal(opts: LocalOptions): Promise<LocalResult> {
  const name = `bench_local_${Date.now()}`;
  const env = opts.env ?? {};
  let db = await openDatabase({ name, key: KEY, env });
  try {
    const first = opts.sizes[0];
    opts.log(`(a) filling ${first} intakes`);
    const fillMs = await fill(db, 0, first);
    let have = first;
    let saved: Awaited<ReturnType<typeof saves>> | undefined;
    const readResults: LocalReads[] = [];
    for (const size of opts.sizes) {
      if (size > have) {
        opts.log(`(b) filling up to ${size} intakes`);
        await fill(db, have, size);
        have = size;
      }
      opts.log(`(b) ${have}: reopening the database (as after unlock), then list, query, search`);
      await db.close();
      const unlock = await time(async () => {
        const opened = await openDatabase({ name, key: KEY, env });
        await newest(opened, 0);
        return opened;
      });
      db = unlock.value;
      const repo = new IntakeRepository(db.intakes, await PendingWrites.open(db), USER);
      const docs = have + (saved ? opts.saves : 0);
      // Full scans of the larger stores take minutes on fake-indexeddb: one warm run there.
      readResults.push(await reads(db, repo, docs, size > opts.saveAt ? 1 : opts.readRuns, unlock.ms));
      if (!saved && have >= opts.saveAt) {
        opts.log(`(a) ${opts.saves} saves, new and edit, at ${have}`);
        saved = await saves(repo, opts.saves, have);
      }
    }
    if (!saved) throw new Error(`no store size reaches BENCH_SAVE_AT=${opts.saveAt}`);
    return {
      prefill: { docs: first, ms: Math.round(fillMs), docsPerSecond: Math.round(first / (fillMs / 1000)) },
      ...saved,
      reads: readResults,
    };
  } finally {
    await db.close();
  }
}
