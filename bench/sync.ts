import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { filter, firstValueFrom, type Observable } from 'rxjs';

import { type ObhutClient, openClient } from '../renderer/src/data/client';
import { memoryStore } from '../renderer/src/data/vault';
import type { Intake } from '../shared/schema/intake';
import { FaultyNetwork } from '../test/fuzz/network';
import { login, pullAll, push } from '../test/support/api';
import { createTestDatabase } from '../test/support/pg';
import { startServer } from '../test/support/server';
import { benchIntake } from './fixtures';
import { openPeerClient, type PeerClient, seedCouch, startCouch } from './peer';
import { round, summarize, type Summary, time, until } from './stats';

/**
 * (c) initial sync of N intakes to a fresh client, (d) catch-up after M changes made offline, (e) live propagation
 * A -> B. Obhut: the app's openClient against server/main.ts on PostgreSQL. Peer: RxDB's CouchDB replication
 * against express-pouchdb (memory). Same documents, same client storage, same machine, one after the other.
 */
export type SyncFigures = {
  initialSync: { docs: number; ms: number; docsPerSecond: number };
  /** ms: from going online until every change is on the server; offlineWritesMs: making them, offline. */
  catchUp: { changes: number; ms: number; changesPerSecond: number; offlineWritesMs: number };
  propagation: Summary;
};

export type SyncResult = {
  docs: number;
  changes: number;
  obhut: SyncFigures;
  /** The CouchDB peer with the app's storage, encrypted as Obhut's. */
  peer: SyncFigures | { error: string };
  /** The same peer without encryption. */
  peerPlain: SyncFigures | { error: string };
};

type Side = {
  /** Opens a fresh client and resolves once it is running. */
  open: (tag: string) => Promise<{
    count: () => Promise<number>;
    update: (id: string, situation: string) => Promise<void>;
    changes$: Observable<{ documentId: string; documentData: { situation?: string } }>;
    offline: (on: boolean) => void;
    awaitPushed: () => Promise<void>;
    close: () => Promise<void>;
  }>;
};

/** `docs` seeded intakes (ids benchIntake(0..docs-1)); `expected`: what a fresh client must hold (docs + demo data). */
async function measure(
  side: Side,
  docs: number,
  expected: number,
  changes: number,
  samples: number,
  log: (s: string) => void,
): Promise<SyncFigures> {
  log('  (c) initial sync');
  const t0 = performance.now();
  const a = await side.open('a');
  await until(async () => (await a.count()) >= expected, 'initial sync', 600_000, 50);
  const initialMs = performance.now() - t0;

  log(`  (d) ${changes} changes offline, then catch-up`);
  a.offline(true);
  const tw = performance.now();
  for (let i = 0; i < changes; i++) await a.update(benchIntake(i % docs).id, `Offline geändert ${i}`);
  const writeMs = performance.now() - tw;
  const t1 = performance.now();
  a.offline(false);
  await a.awaitPushed();
  const catchUpMs = performance.now() - t1;

  log('  (e) live propagation A -> B');
  const b = await side.open('b');
  await until(async () => (await b.count()) >= expected, 'initial sync of B', 600_000, 50);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const id = benchIntake((i * 7919) % docs).id;
    const text = `Live ${i} ${Date.now()}`;
    const seen = firstValueFrom(
      b.changes$.pipe(filter((e) => e.documentId === id && e.documentData.situation === text)),
    );
    const { ms } = await time(async () => {
      await a.update(id, text);
      await seen;
    });
    latencies.push(ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.all([a.close(), b.close()]);
  return {
    initialSync: {
      docs: expected,
      ms: Math.round(initialMs),
      docsPerSecond: Math.round(expected / (initialMs / 1000)),
    },
    catchUp: {
      changes,
      ms: Math.round(catchUpMs),
      changesPerSecond: Math.round(changes / (catchUpMs / 1000)),
      offlineWritesMs: Math.round(writeMs),
    },
    propagation: summarize(latencies),
  };
}

function obhutSide(serverUrl: string): Side {
  return {
    async open(tag) {
      const logical = 'http://obhut.bench.invalid';
      const network = new FaultyNetwork(logical, [serverUrl], 0, () => {});
      const client: ObhutClient = await openClient({
        serverUrl: logical,
        username: tag === 'a' ? 'bereitschaft.segeberg' : 'leitung.segeberg',
        password: 'obhut-demo',
        device: { id: `bench-${tag}-${Date.now()}`, name: `Bench ${tag}` },
        indexedDB: new IDBFactory(),
        IDBKeyRange,
        fetch: network.fetch,
        vault: memoryStore(),
        retryTime: 300,
        pbkdf2Iterations: 1000,
      });
      return {
        count: () => client.db.intakes.count().exec(),
        update: async (id, situation) => {
          await client.intakes.update(id, { situation });
        },
        changes$: client.db.intakes.$ as unknown as Observable<{
          documentId: string;
          documentData: { situation?: string };
        }>,
        offline: (on) => network.apply({ offline: on }),
        awaitPushed: () => until(() => client.status.pendingCount === 0, 'pushed', 600_000, 20),
        close: () => client.close(),
      };
    },
  };
}

function peerSide(couchDbUrl: string, batchSize: number, encrypted: boolean): Side {
  return {
    async open(tag) {
      const peer: PeerClient = await openPeerClient(couchDbUrl, `peer_${tag}_${Date.now()}`, batchSize, encrypted);
      return {
        count: () => peer.db.intakes.count().exec(),
        update: async (id, situation) => {
          const doc = await peer.db.intakes.findOne(id).exec();
          await doc!.incrementalPatch({ situation, updatedAt: Date.now(), updatedBy: `peer-${tag}` });
        },
        changes$: peer.db.intakes.$ as unknown as Observable<{
          documentId: string;
          documentData: { situation?: string };
        }>,
        offline: (on) => (on ? peer.network.goOffline() : peer.network.goOnline()),
        awaitPushed: () => peer.replication.awaitInSync().then(() => undefined),
        close: () => peer.close(),
      };
    },
  };
}

export async function benchSync(opts: {
  docs: number;
  changes: number;
  samples: number;
  log: (s: string) => void;
}): Promise<SyncResult> {
  const seed: Intake[] = Array.from({ length: opts.docs }, (_, i) => benchIntake(i));

  opts.log('Obhut: seeding the server');
  const pgdb = await createTestDatabase('obhut_bench');
  const server = await startServer({ databaseUrl: pgdb.url });
  let obhut: SyncFigures;
  try {
    const { token } = await login(server.url, 'bereitschaft.segeberg');
    for (let i = 0; i < seed.length; i += 500) {
      const res = await push(
        server.url,
        token,
        'intakes',
        seed.slice(i, i + 500).map((d) => ({ newDocumentState: { ...d, _deleted: false } })),
      );
      if (res.rejected.length || res.conflicts.length)
        throw new Error(`seeding refused: ${JSON.stringify(res).slice(0, 300)}`);
    }
    // The demo data adds a few intakes of the office: a fresh client must hold what the server gives the office.
    const expected = (await pullAll(server.url, token, 'intakes')).documents.length;
    obhut = await measure(obhutSide(server.url), opts.docs, expected, opts.changes, opts.samples, opts.log);
  } finally {
    await server.stop();
    await pgdb.drop();
  }

  const peerRun = async (encrypted: boolean): Promise<SyncFigures | { error: string }> => {
    opts.log(`Peer (CouchDB protocol, ${encrypted ? 'encrypted' : 'unencrypted'}): seeding express-pouchdb`);
    try {
      const couch = await startCouch();
      try {
        // A database of its own per run: the in-memory PouchDB is one per process.
        const dbUrl = `${couch.url}/intakes_${encrypted ? 'encrypted' : 'plain'}`;
        await seedCouch(dbUrl, seed);
        return await measure(
          peerSide(dbUrl, 200, encrypted),
          opts.docs,
          opts.docs,
          opts.changes,
          opts.samples,
          opts.log,
        );
      } finally {
        await couch.stop();
      }
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  };
  const peer = await peerRun(true);
  const peerPlain = await peerRun(false);
  return { docs: opts.docs, changes: opts.changes, obhut, peer, peerPlain };
}

export function ratio(a: number, b: number): number {
  return round(a / b, 2);
}
