import { readFileSync } from 'node:fs';
import { type ClientRequest, request as httpRequest } from 'node:http';

import { login, push } from '../test/support/api';
import { createTestDatabase } from '../test/support/pg';
import { type RunningServer, startServer } from '../test/support/server';
import { benchIntake } from './fixtures';
import { summarize, type Summary, until } from './stats';

/**
 * (f) The server alone (server/main.ts as a child process on PostgreSQL): push throughput, and how many concurrent
 * stream clients one instance holds, with its memory and the time a change takes to reach all of them.
 */
export type ServerResult = {
  pushBatched: { writers: number; batch: number; docs: number; ms: number; docsPerSecond: number };
  pushSingle: { writers: number; pushes: number; ms: number; pushesPerSecond: number; latency: Summary };
  streams: {
    clients: number;
    connectMs: number;
    rssBeforeMb: number;
    rssAfterMb: number;
    kbPerStream: number;
    delivered: number;
    delivery: Summary;
  }[];
};

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function pushAll(
  url: string,
  token: string,
  writers: number,
  batch: number,
  total: number,
  prefix: string,
): Promise<number[]> {
  let next = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (;;) {
        const from = next;
        if (from >= total) return;
        next += batch;
        const rows = Array.from({ length: Math.min(batch, total - from) }, (_, k) => ({
          newDocumentState: { ...benchIntake(from + k, 'segeberg', 'bereitschaft.segeberg', prefix), _deleted: false },
        }));
        const t0 = performance.now();
        const res = await push(url, token, 'intakes', rows);
        latencies.push(performance.now() - t0);
        if (res.rejected.length || res.conflicts.length)
          throw new Error(`push refused: ${JSON.stringify(res).slice(0, 300)}`);
      }
    }),
  );
  return latencies;
}

/** Opens `n` SSE streams with plain http (light on the benchmark's side) and records when each sees a marker. */
async function openStreams(server: RunningServer, token: string, n: number) {
  const url = new URL(`${server.url}/api/v1/sync/intakes/stream`);
  const reqs: ClientRequest[] = [];
  const seenAt: (number | null)[] = new Array(n).fill(null);
  let ready = 0;
  let marker = '';
  await Promise.all(
    Array.from(
      { length: n },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const req = httpRequest(
            {
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
              agent: false,
            },
            (res) => {
              if (res.statusCode !== 200) return reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
              let first = true;
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                if (first && chunk.includes('RESYNC')) {
                  first = false;
                  ready++;
                  resolve();
                }
                if (marker && seenAt[i] === null && chunk.includes(marker)) seenAt[i] = performance.now();
              });
              res.on('error', () => {});
            },
          );
          req.on('error', reject);
          req.end();
          reqs.push(req);
        }),
    ),
  );
  return {
    ready: () => ready,
    setMarker: (m: string) => (marker = m),
    seenAt,
    close: () => reqs.forEach((r) => r.destroy()),
  };
}

export async function benchServer(opts: {
  batchedDocs: number;
  singlePushes: number;
  streamCounts: number[];
  log: (s: string) => void;
}): Promise<ServerResult> {
  const pgdb = await createTestDatabase('obhut_bench_server');
  const server = await startServer({ databaseUrl: pgdb.url });
  try {
    const { token } = await login(server.url, 'bereitschaft.segeberg');

    opts.log(`(f) push of ${opts.batchedDocs} intakes in batches of 100, 4 writers`);
    const t0 = performance.now();
    await pushAll(server.url, token, 4, 100, opts.batchedDocs, 'batch');
    const batchedMs = performance.now() - t0;

    opts.log(`(f) ${opts.singlePushes} single-document pushes, 8 writers`);
    const t1 = performance.now();
    const single = await pushAll(server.url, token, 8, 1, opts.singlePushes, 'single');
    const singleMs = performance.now() - t1;

    const streams: ServerResult['streams'] = [];
    for (const n of opts.streamCounts) {
      opts.log(`(f) ${n} concurrent streams`);
      const before = rssMb(server.pid);
      const tc = performance.now();
      let open: Awaited<ReturnType<typeof openStreams>>;
      try {
        open = await openStreams(server, token, n);
      } catch (err) {
        opts.log(`    could not open ${n} streams: ${String(err)}`);
        break;
      }
      const connectMs = performance.now() - tc;
      await new Promise((r) => setTimeout(r, 1000));
      const after = rssMb(server.pid);
      const markerDoc = benchIntake(9_000_000 + n, 'segeberg', 'bereitschaft.segeberg', 'marker');
      open.setMarker(markerDoc.id);
      const tp = performance.now();
      await push(server.url, token, 'intakes', [{ newDocumentState: { ...markerDoc, _deleted: false } }]);
      await until(() => open.seenAt.every((s) => s !== null), `all ${n} streams got the change`, 60_000, 10).catch(
        () => {},
      );
      const delays = open.seenAt.filter((s): s is number => s !== null).map((s) => s - tp);
      streams.push({
        clients: n,
        connectMs: Math.round(connectMs),
        rssBeforeMb: before,
        rssAfterMb: after,
        kbPerStream: Math.round(((after - before) * 1024) / n),
        delivered: delays.length,
        delivery: summarize(delays),
      });
      open.close();
      await new Promise((r) => setTimeout(r, 1500));
    }
    return {
      pushBatched: {
        writers: 4,
        batch: 100,
        docs: opts.batchedDocs,
        ms: Math.round(batchedMs),
        docsPerSecond: Math.round(opts.batchedDocs / (batchedMs / 1000)),
      },
      pushSingle: {
        writers: 8,
        pushes: opts.singlePushes,
        ms: Math.round(singleMs),
        pushesPerSecond: Math.round(opts.singlePushes / (singleMs / 1000)),
        latency: summarize(single),
      },
      streams,
    };
  } finally {
    await server.stop();
    await pgdb.drop();
  }
}
