import { demoRecords } from '../../server/seed/records';
import { OFFICE_IDS } from '../../shared/offices';
import type { IntakeWire } from '../../shared/schema/intake';
import { documentsOf, login, makeIntakeBy, openStream, pull, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * The change feed under concurrent writers on two server instances sharing one PostgreSQL database
 * (docs/architecture.md, sync rules): a reader pulling from the start while the writes happen must end with every
 * document exactly once - none skipped because a transaction with a smaller position committed late.
 */
const TOTAL = 2_000;
const WRITERS = 4;
const BATCH = 20;
const READER_LIMIT = 37;

let db: TestDatabase;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  // Started together on purpose: migrations and the demo seed must not collide.
  [a, b] = await Promise.all([startServer({ databaseUrl: db.url }), startServer({ databaseUrl: db.url })]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

it('both instances share one schema and seeded the demo data once', async () => {
  const [{ n }] = await db.query<{ n: string }>("SELECT count(*) AS n FROM users WHERE username LIKE 'bereitschaft.%'");
  expect(Number(n)).toBe(5);
  const demo = OFFICE_IDS.flatMap((office) => demoRecords(office, `bereitschaft.${office}`, Date.now()));
  const expected = demo.reduce((n, r) => n + r.intakes.length + r.entries.length, 0);
  const [{ docs }] = await db.query<{ docs: string }>(
    "SELECT count(*) AS docs FROM documents WHERE collection IN ('intakes', 'entries')",
  );
  expect(expected).toBeGreaterThan(0);
  expect(Number(docs)).toBe(expected);
});

it(`${WRITERS} writers push ${TOTAL} intakes through two instances while a reader pulls: each arrives exactly once`, async () => {
  const servers = [a, b];
  const writers = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      login(servers[i % 2].url, i < 2 ? 'bereitschaft.segeberg' : 'leitung.segeberg', { deviceId: `writer-${i}` }),
    ),
  );
  const reader = await login(a.url, 'leitung.segeberg', { deviceId: 'reader' });
  const listener = await login(b.url, 'bereitschaft.segeberg', { deviceId: 'listener' });
  const stream = await openStream<IntakeWire>(b.url, listener.token, 'intakes');
  expect(await stream.next()).toBe('RESYNC');

  const perWriter = TOTAL / WRITERS;
  // Each writer's share written in its own name, as its app would.
  const docs = Array.from({ length: TOTAL }, (_, k) => makeIntakeBy(writers[Math.floor(k / perWriter)].user));
  let writing = true;
  const started = performance.now();

  const write = async (i: number) => {
    const mine = docs.slice(i * perWriter, (i + 1) * perWriter);
    for (let off = 0; off < mine.length; off += BATCH) {
      const rows = mine.slice(off, off + BATCH).map((d) => ({ newDocumentState: d }));
      expect(await push(servers[i % 2].url, writers[i].token, 'intakes', rows)).toEqual({
        conflicts: [],
        rejected: [],
      });
    }
  };

  const seen: string[] = [];
  let pulls = 0;
  const read = async () => {
    let checkpoint = null as Parameters<typeof pull>[3] extends infer O
      ? O extends { checkpoint?: infer C }
        ? C
        : never
      : never;
    for (;;) {
      const done = !writing; // read before the pull: only a pull started after the writers finished may end the loop
      const page = await pull<IntakeWire>(servers[pulls % 2].url, reader.token, 'intakes', {
        checkpoint,
        limit: READER_LIMIT,
      });
      pulls += 1;
      seen.push(...page.documents.map((d) => d.id));
      checkpoint = page.checkpoint;
      if (done && page.documents.length < READER_LIMIT) return;
    }
  };

  const reading = read();
  await Promise.all(Array.from({ length: WRITERS }, (_, i) => write(i)));
  const writeMs = performance.now() - started;
  writing = false;
  await reading;
  const totalMs = performance.now() - started;

  const ids = new Set(seen);
  expect(seen.length - ids.size).toBe(0); // no duplicates
  const missing = docs.filter((d) => !ids.has(d.id));
  expect(missing).toEqual([]);
  const stored = await db.query<{ id: string }>(
    "SELECT id FROM documents WHERE office_id = 'segeberg' AND collection = 'intakes'",
  );
  expect(ids).toEqual(new Set(stored.map((r) => r.id)));

  // The listener on instance B got every document, half of them written through instance A.
  const streamed = new Set<string>();
  await vi.waitFor(
    () => {
      for (const e of stream.events) for (const d of documentsOf(e)) streamed.add(d.id);
      expect(docs.filter((d) => !streamed.has(d.id))).toEqual([]);
    },
    { timeout: 15_000, interval: 100 },
  );
  stream.close();

  console.log(
    `Nebenläufigkeit: ${TOTAL} Intakes von ${WRITERS} Schreibern über 2 Instanzen in ${Math.round(writeMs)} ms ` +
      `geschrieben, Leser (${pulls} Pulls à ${READER_LIMIT}) nach ${Math.round(totalMs)} ms vollständig.`,
  );
});

it('a write through instance A reaches a stream listener on instance B within a second', async () => {
  const onB = await login(b.url, 'leitung.stormarn');
  const onA = await login(a.url, 'bereitschaft.stormarn');
  const stream = await openStream<IntakeWire>(b.url, onB.token, 'intakes');
  expect(await stream.next()).toBe('RESYNC');
  const doc = makeIntakeBy(onA.user);
  const sent = performance.now();
  await push(a.url, onA.token, 'intakes', [{ newDocumentState: doc }]);
  const event = await stream.next(5_000);
  const ms = performance.now() - sent;
  expect(documentsOf(event)).toEqual([doc]);
  expect(ms).toBeLessThan(1_000);
  stream.close();
});

it('after its LISTEN connection dropped, an instance tells its streams to RESYNC and delivers later writes again', async () => {
  const onB = await login(b.url, 'leitung.pinneberg');
  const onA = await login(a.url, 'bereitschaft.pinneberg');
  const stream = await openStream<IntakeWire>(b.url, onB.token, 'intakes');
  expect(await stream.next()).toBe('RESYNC');
  // Both instances listen; cut all LISTEN connections (as a database failover or network blip would).
  const cut = await db.query<{ ok: boolean }>(
    "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'",
  );
  expect(cut.length).toBe(2);
  expect(await stream.next(10_000)).toBe('RESYNC');
  const doc = makeIntakeBy(onA.user);
  await push(a.url, onA.token, 'intakes', [{ newDocumentState: doc }]);
  expect(documentsOf(await stream.next(5_000))).toEqual([doc]);
  stream.close();
});

it('stops cleanly on SIGTERM while a stream is open', async () => {
  const session = await login(b.url, 'bereitschaft.segeberg');
  const stream = await openStream(b.url, session.token, 'intakes');
  expect(await stream.next()).toBe('RESYNC');
  const started = performance.now();
  expect(await b.stop()).toBe(0);
  expect(performance.now() - started).toBeLessThan(5_000);
  await vi.waitFor(() => expect(stream.ended).toBe(true));
});
