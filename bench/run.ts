/**
 * `npm run bench`: every benchmark, a table and the JSON of all figures. Sizes can be overridden by environment
 * variables (see docs/performance.md); the defaults are the sizes the issue asks for. On the project's two-core
 * machine the 50,000-intake store alone takes several minutes. At the end, the goals of issue 14, each with the
 * figure of this run and its ratio to the goal.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { benchLocalInChromium } from './browser-local';
import { goalRows } from './goals';
import { benchLocal, type LocalResult } from './local';
import { benchRepeatInChromium } from './repeat-intakes';
import { benchServer } from './server';
import { env, type Row, table } from './stats';
import { benchSync, ratio } from './sync';

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
const only = (process.env.BENCH_ONLY ?? 'local,sync,server,repeat').split(',');

async function main() {
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: process.platform,
  };
  const rows: Row[] = [];
  const result: Record<string, unknown> = { machine };

  // (a) and (b) run where the app runs: Chromium's IndexedDB. BENCH_LOCAL_IN=node adds (or, alone, uses) fake-indexeddb.
  const localIn = (process.env.BENCH_LOCAL_IN ?? 'chromium').split(',');
  for (const where of ['chromium', 'node'].filter((w) => only.includes('local') && localIn.includes(w))) {
    const localOpts = {
      sizes: list('BENCH_LOCAL_SIZES', '5000,10000,50000'),
      saveAt: env('BENCH_SAVE_AT', 10_000),
      saves: env('BENCH_SAVES', 200),
      readRuns: env('BENCH_READ_RUNS', 3),
      log,
    };
    const local: LocalResult =
      where === 'chromium'
        ? await benchLocalInChromium(localOpts)
        : await benchLocal({ ...localOpts, env: { indexedDB: new IDBFactory(), IDBKeyRange } });
    result[`local_${where}`] = local;
    log(`local (${where}): ${JSON.stringify(local)}`);
    const at = where === 'chromium' ? 'Chromium' : 'Node, fake-indexeddb';
    rows.push(
      {
        id: 'a',
        what: `local save, new intake (${local.saveCreate.storeDocs} in store, ${at})`,
        value: `p50 ${local.saveCreate.p50} ms, p95 ${local.saveCreate.p95} ms`,
        note: `n=${local.saveCreate.n}`,
      },
      {
        id: 'a',
        what: `local save, edit (${local.saveUpdate.storeDocs} in store, ${at})`,
        value: `p50 ${local.saveUpdate.p50} ms, p95 ${local.saveUpdate.p95} ms`,
        note: `n=${local.saveUpdate.n}`,
      },
      {
        id: 'a',
        what: `bulk insert (fill, ${at})`,
        value: `${local.prefill.docsPerSecond} docs/s`,
        note: `${local.prefill.docs} in ${local.prefill.ms} ms`,
      },
    );
    for (const r of local.reads) {
      rows.push(
        {
          id: 'b',
          what: `unlock to the newest 50 (${r.docs}, ${at})`,
          value: `${r.unlockToNewest} ms`,
          note: 'database opened, key imported, 50 records read and decrypted',
        },
        {
          id: 'b',
          what: `list newest 50, warm (${r.docs}, ${at})`,
          value: `p50 ${r.newest50.p50} ms`,
          note: `p95 ${r.newest50.p95}, n=${r.newest50.n}`,
        },
        {
          id: 'b',
          what: `list all after opening the app, cold (${r.docs}, ${at})`,
          value: `${r.listCold} ms`,
          note: 'every record read and decrypted',
        },
        {
          id: 'b',
          what: `list all, newest first, warm (${r.docs}, ${at})`,
          value: `p50 ${r.list.p50} ms`,
          note: `p95 ${r.list.p95}, n=${r.list.n}`,
        },
        {
          id: 'b',
          what: `query status=draft by updatedAt, 50 (${r.docs}, ${at})`,
          value: `p50 ${r.queryIndexed.p50} ms`,
          note: `p95 ${r.queryIndexed.p95}`,
        },
        {
          id: 'b',
          what: `query office + receivedAt range (${r.docs}, ${at})`,
          value: `p50 ${r.queryRange.p50} ms`,
          note: `p95 ${r.queryRange.p95}`,
        },
        {
          id: 'b',
          what: `search a last name, name index + open the hits (${r.docs}, ${at})`,
          value: `p50 ${r.search.p50} ms`,
          note: `p95 ${r.search.p95}, ${r.searchHits} hit(s); index built in ${r.nameIndexBuild} ms`,
        },
      );
    }
  }

  if (only.includes('sync')) {
    const sync = await benchSync({
      docs: env('BENCH_SYNC_DOCS', 10_000),
      changes: env('BENCH_OFFLINE_CHANGES', 1000),
      samples: env('BENCH_PROPAGATION_SAMPLES', 100),
      log,
    });
    result.sync = sync;
    log(`sync: ${JSON.stringify(sync)}`);
    const o = sync.obhut;
    const p = 'error' in sync.peer ? null : sync.peer;
    const plain = 'error' in sync.peerPlain ? null : sync.peerPlain;
    const vs = (ours: number, theirs: number | undefined, higherIsBetter: boolean) =>
      theirs === undefined
        ? 'peer failed'
        : `Obhut/peer ${ratio(ours, theirs)}x ${higherIsBetter ? '(higher is better)' : '(lower is better)'}`;
    rows.push(
      {
        id: 'c',
        what: `initial sync of ${o.initialSync.docs} (Obhut)`,
        value: `${o.initialSync.docsPerSecond} docs/s`,
        note: `${o.initialSync.ms} ms`,
      },
      {
        id: 'c',
        what: `initial sync of ${sync.docs} (CouchDB peer)`,
        value: p ? `${p.initialSync.docsPerSecond} docs/s` : 'n/a',
        note: vs(o.initialSync.docsPerSecond, p?.initialSync.docsPerSecond, true),
      },
      {
        id: 'c',
        what: `initial sync of ${sync.docs} (CouchDB peer, unencrypted)`,
        value: plain ? `${plain.initialSync.docsPerSecond} docs/s` : 'n/a',
        note: vs(o.initialSync.docsPerSecond, plain?.initialSync.docsPerSecond, true),
      },
      {
        id: 'd',
        what: `catch-up after ${o.catchUp.changes} offline changes (Obhut)`,
        value: `${o.catchUp.ms} ms`,
        note: `${o.catchUp.changesPerSecond} changes/s; making them offline took ${o.catchUp.offlineWritesMs} ms`,
      },
      {
        id: 'd',
        what: `catch-up after ${sync.changes} offline changes (CouchDB peer)`,
        value: p ? `${p.catchUp.ms} ms` : 'n/a',
        note: `${vs(o.catchUp.ms, p?.catchUp.ms, false)}; making them offline took ${p?.catchUp.offlineWritesMs} ms`,
      },
      {
        id: 'd',
        what: `catch-up after ${sync.changes} offline changes (CouchDB peer, unencrypted)`,
        value: plain ? `${plain.catchUp.ms} ms` : 'n/a',
        note: `making them offline took ${plain?.catchUp.offlineWritesMs} ms`,
      },
      {
        id: 'e',
        what: 'live propagation A -> B (Obhut, SSE)',
        value: `p50 ${o.propagation.p50} ms, p95 ${o.propagation.p95} ms`,
        note: `n=${o.propagation.n}`,
      },
      {
        id: 'e',
        what: 'live propagation A -> B (CouchDB peer, long-poll)',
        value: p ? `p50 ${p.propagation.p50} ms, p95 ${p.propagation.p95} ms` : 'n/a',
        note: p ? vs(o.propagation.p50, p.propagation.p50, false) : String((sync.peer as { error: string }).error),
      },
      {
        id: 'e',
        what: 'live propagation A -> B (CouchDB peer, unencrypted)',
        value: plain ? `p50 ${plain.propagation.p50} ms, p95 ${plain.propagation.p95} ms` : 'n/a',
        note: `n=${plain?.propagation.n}`,
      },
    );
  }

  if (only.includes('server')) {
    const server = await benchServer({
      batchedDocs: env('BENCH_PUSH_DOCS', 20_000),
      singlePushes: env('BENCH_SINGLE_PUSHES', 2000),
      streamCounts: list('BENCH_STREAMS', '500,2000,5000'),
      log,
    });
    result.server = server;
    rows.push(
      {
        id: 'f',
        what: `push throughput, batches of ${server.pushBatched.batch}, ${server.pushBatched.writers} writers`,
        value: `${server.pushBatched.docsPerSecond} docs/s`,
        note: `${server.pushBatched.docs} in ${server.pushBatched.ms} ms`,
      },
      {
        id: 'f',
        what: `single-document pushes, ${server.pushSingle.writers} writers`,
        value: `${server.pushSingle.pushesPerSecond} pushes/s`,
        note: `latency p50 ${server.pushSingle.latency.p50} ms, p95 ${server.pushSingle.latency.p95} ms`,
      },
    );
    for (const s of server.streams) {
      rows.push({
        id: 'f',
        what: `${s.clients} concurrent streams on one instance`,
        value: `RSS ${s.rssBeforeMb} -> ${s.rssAfterMb} MB (${s.kbPerStream} KB/stream)`,
        note: `${s.delivered}/${s.clients} got a change, p50 ${s.delivery.p50} ms, p95 ${s.delivery.p95} ms; opened in ${s.connectMs} ms`,
      });
    }
  }

  if (only.includes('repeat')) {
    const repeat = await benchRepeatInChromium(env('BENCH_REPEAT_RECORDS', 10_000), env('BENCH_REPEAT_RUNS', 50));
    result.repeat = repeat;
    rows.push({
      id: 'g',
      what: `repeat-intake match over ${repeat.records} local records (Chromium)`,
      value: `p50 ${repeat.match.p50} ms, p95 ${repeat.match.p95} ms`,
      note: `max ${repeat.match.max} ms, n=${repeat.runs}, ${repeat.matches} match(es); target 50 ms`,
    });
  }

  result.totalSeconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nObhut benchmarks - ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}\n`,
  );
  console.log(table(rows));
  console.log('\nGoals of issue 14 (figure of this run / goal; ratio <= 1 meets a goal):\n');
  console.log(table(goalRows(result)));
  console.log(`\nJSON:\n${JSON.stringify(result)}`);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
