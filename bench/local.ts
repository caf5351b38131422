import { firstValueFrom } from 'rxjs';

import { type IndexedDbEnvironment, openDatabase } from '../renderer/src/data/database';
import { IntakeRepository } from '../renderer/src/data/intakes';
import { PendingWrites } from '../renderer/src/data/pending';
import { benchIntake } from './fixtures';
import { summarize, type Summary, time } from './stats';

/**
 * (a) local save of one intake with encryption, (b) list, query and search: the app's own database (Dexie with
 * strict durability, validation, crypto-js field encryption) and IntakeRepository. Runs wherever there is an
 * IndexedDB: in Chromium (browser-local.ts, the app's real environment) or under Node on fake-indexeddb.
 */
const USER = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const KEY = 'b'.repeat(64);

export type LocalResult = {
  prefill: { docs: number; ms: number; docsPerSecond: number };
  saveCreate: Summary;
  saveUpdate: Summary;
  reads: {
    docs: number;
    listCold: number;
    list: Summary;
    queryIndexed: Summary;
    queryRange: Summary;
    search: Summary;
    searchHits: number;
  }[];
};

async function fill(repoDb: Db, from: number, to: number): Promise<number> {
  const t0 = performance.now();
  for (let i = from; i < to; i += 1000) {
    await repoDb.intakes.bulkInsert(Array.from({ length: Math.min(1000, to - i) }, (_, k) => benchIntake(i + k)));
  }
  return performance.now() - t0;
}

type Db = Awaited<ReturnType<typeof openDatabase>>;

/**
 * Reads as the app does them. `listCold`: the first list after opening the database (no document in memory yet:
 * every record is read from IndexedDB and decrypted). The rest are warm, as when the user works in the open app.
 * Each warm read is a new query object with a different selector, so RxDB's query cache does not answer it.
 */
async function reads(db: Db, repo: IntakeRepository, docs: number, runs: number) {
  const listCold = (await time(() => firstValueFrom(repo.list$()))).ms;
  const list: number[] = [];
  const queryIndexed: number[] = [];
  const queryRange: number[] = [];
  const search: number[] = [];
  let searchHits = 0;
  for (let r = 0; r < runs; r++) {
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
    // Names are encrypted at rest, so no index can hold them: the search filters the decrypted records in memory.
    const needle = benchIntake(Math.floor(docs / 2) + r).child.lastName.toLowerCase();
    search.push(
      (
        await time(async () => {
          const all = await db.intakes.find({ selector: { updatedAt: { $gt: r } } }).exec();
          searchHits = all.filter((d) =>
            `${d.child.firstName} ${d.child.lastName}`.toLowerCase().includes(needle),
          ).length;
        })
      ).ms,
    );
  }
  return {
    docs,
    listCold: Math.round(listCold),
    list: summarize(list),
    queryIndexed: summarize(queryIndexed),
    queryRange: summarize(queryRange),
    search: summarize(search),
    searchHits,
  };
}

export type LocalOptions = {
  base: number;
  sizes: number[];
  saves: number;
  readRuns: number;
  env?: IndexedDbEnvironment;
  log: (s: string) => void;
};

export async function benchLocal(opts: LocalOptions): Promise<LocalResult> {
  const name = `bench_local_${Date.now()}`;
  const env = opts.env ?? {};
  let db = await openDatabase({ name, key: KEY, env });
  try {
    let pending = await PendingWrites.open(db);
    let repo = new IntakeRepository(db.intakes, pending, USER);
    opts.log(`(a) filling ${opts.base} intakes`);
    const fillMs = await fill(db, 0, opts.base);

    const creates: number[] = [];
    const updates: number[] = [];
    const made: string[] = [];
    for (let i = 0; i < opts.saves; i++) {
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
    for (let i = 0; i < opts.saves; i++) {
      const id = i % 2 === 0 ? made[i] : benchIntake((i * 37) % opts.base).id;
      updates.push(
        (
          await time(() =>
            repo.update(id, { situation: `Ergänzt ${i}: Kind wurde in die Bereitschaftspflege gebracht.` }),
          )
        ).ms,
      );
    }

    const readResults = [];
    let have = opts.base;
    for (const size of opts.sizes) {
      if (size > have) {
        opts.log(`(b) filling up to ${size} intakes`);
        await fill(db, have, size);
        have = size;
      }
      opts.log(`(b) reads over ${size}: reopening the database, then list, query, search`);
      await db.close();
      db = await openDatabase({ name, key: KEY, env });
      pending = await PendingWrites.open(db);
      repo = new IntakeRepository(db.intakes, pending, USER);
      // Full scans of the larger store take minutes on fake-indexeddb: one warm run there.
      readResults.push(await reads(db, repo, size + opts.saves, size > opts.base ? 1 : opts.readRuns));
    }
    return {
      prefill: { docs: opts.base, ms: Math.round(fillMs), docsPerSecond: Math.round(opts.base / (fillMs / 1000)) },
      saveCreate: summarize(creates),
      saveUpdate: summarize(updates),
      reads: readResults,
    };
  } finally {
    await db.close();
  }
}
