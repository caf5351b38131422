import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { DEMO_PASSWORD, login, makeIntakeBy, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 8, point 4: the server's backup and restore run exactly as docs/admin.md says - the shell commands are
 * taken from its section "Sicherung und Wiederherstellung" and executed - against the real PostgreSQL. Records
 * written before the backup all come back; a laptop that lived through the outage (a real RxDB client) and an
 * HTTP reader that had already seen newer positions both resume without duplicates and without skipping.
 */
const run = promisify(execFile);
/** What this test compares: ids and, for the restored records, the whole document as the server sends it. */
type Doc = { id: string } & Record<string, unknown>;

let db: TestDatabase;
let server: RunningServer | undefined;
let port: number;
let dir: string;
let laptop: ObhutClient | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as { port: number };
      probe.close(() => resolve(p));
    });
  });
}

/** The shell commands of the backup section of docs/admin.md, keyed by what they start with. */
async function documentedCommands(): Promise<{ backup: string; check: string; restore: string; raiseFeed: string }> {
  const doc = await readFile(new URL('../../docs/admin.md', import.meta.url), 'utf8');
  const start = doc.indexOf('### Sicherung und Wiederherstellung');
  const section = doc.slice(start, doc.indexOf('\n## ', start));
  const lines = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  const pick = (prefix: string) => {
    const found = lines.filter((l) => l.startsWith(prefix));
    if (found.length !== 1)
      throw new Error(`docs/admin.md: expected one command starting with "${prefix}", got ${found.length}`);
    return found[0];
  };
  return {
    backup: pick('pg_dump '),
    check: pick('pg_restore --list'),
    restore: pick('pg_restore --clean'),
    raiseFeed: pick('psql '),
  };
}

async function shell(command: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', command], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return stdout;
}

async function waitFor<T>(probe: () => Promise<T> | T, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ids = (docs: { id: string }[]) => docs.map((d) => d.id);
const localIds = async (client: ObhutClient) => (await client.db.intakes.find().exec()).map((d) => d.primary).sort();

beforeAll(async () => {
  db = await createTestDatabase('obhut_backup');
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-backup-'));
  port = await freePort();
  server = await startServer({ databaseUrl: db.url, port });
});

afterAll(async () => {
  await laptop?.close();
  await server?.stop();
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

it('restores every record as documented; clients resume without duplicates or gaps', async () => {
  const commands = await documentedCommands();
  const env = { DATABASE_URL: db.url, SICHERUNG: path.join(dir, 'obhut.dump') };
  const url = `http://127.0.0.1:${port}`;

  // Before the backup: a laptop writes through its own replication, a colleague pushes over HTTP.
  laptop = await openClient({
    serverUrl: url,
    username: 'bereitschaft.segeberg',
    password: DEMO_PASSWORD,
    device: { id: 'laptop-backup', name: 'Laptop' },
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    retryTime: 200,
    streamBackoff: { baseMs: 50, capMs: 400 },
    pbkdf2Iterations: 1000,
  });
  for (let i = 0; i < 12; i++) {
    await laptop.intakes.create({
      receivedAt: Date.UTC(2025, 10, 24, 22, i),
      child: { firstName: `Vor${i}`, lastName: 'Sicherung', estimatedAge: 8 },
      initiatedBy: 'police',
      situation: 'Fiktiver Fall vor der Sicherung.',
      status: 'draft',
    });
  }
  await laptop.awaitInSync();
  const colleague = await login(url, 'leitung.segeberg', { deviceId: 'colleague' });
  const pushedBefore = Array.from({ length: 20 }, () => makeIntakeBy(colleague.user));
  expect(
    await push(
      url,
      colleague.token,
      'intakes',
      pushedBefore.map((d) => ({ newDocumentState: d })),
    ),
  ).toEqual({
    conflicts: [],
    rejected: [],
  });
  const reader = await login(url, 'leitung.segeberg', { deviceId: 'reader' });
  const beforeBackup = await pullAll<Doc>(url, reader.token, 'intakes');
  expect(beforeBackup.documents.length).toBeGreaterThanOrEqual(32);

  // The backup, while the server runs.
  await shell(commands.backup, env);
  expect(await shell(commands.check, env)).toContain('Sicherung lesbar');

  // After the backup, before the failure: writes the backup does not hold. The reader and the laptop see them.
  const afterBackup = Array.from({ length: 5 }, () => makeIntakeBy(colleague.user));
  await push(
    url,
    colleague.token,
    'intakes',
    afterBackup.map((d) => ({ newDocumentState: d })),
  );
  const readerSeen = await pullAll<Doc>(url, reader.token, 'intakes', { checkpoint: beforeBackup.checkpoint });
  expect(ids(readerSeen.documents).sort()).toEqual(ids(afterBackup).sort());
  await waitFor(async () => (await localIds(laptop!)).includes(afterBackup[4].id), 'laptop got the late writes');

  // The failure: the server stops, the database is wiped; the laptop keeps working offline.
  await server!.stop();
  server = undefined;
  await db.query('DROP SCHEMA public CASCADE');
  await db.query('CREATE SCHEMA public');
  const offline: { id: string } = await laptop.intakes.create({
    receivedAt: Date.UTC(2025, 10, 25, 3, 0),
    child: { firstName: 'Offline', lastName: 'Erfasst', estimatedAge: 6 },
    initiatedBy: 'police',
    situation: 'Fiktiver Fall während des Ausfalls.',
    status: 'draft',
  });

  // Restore exactly as documented, then start the server again.
  await shell(commands.restore, env);
  await shell(commands.raiseFeed, env);
  server = await startServer({ databaseUrl: db.url, port, demo: false });

  // Every record written before the backup is back, once, unchanged.
  const fresh = await login(url, 'leitung.segeberg', { deviceId: 'after-restore' });
  const restored = await pullAll<Doc>(url, fresh.token, 'intakes');
  const restoredBefore = restored.documents.filter((d) => ids(beforeBackup.documents).includes(d.id));
  expect(restoredBefore).toEqual(beforeBackup.documents);
  expect(new Set(ids(restored.documents)).size).toBe(restored.documents.length);

  // The laptop sends what it wrote offline and stays in sync.
  await waitFor(
    () => laptop!.status.pendingCount === 0 && laptop!.status.connection === 'online',
    'laptop resynced',
    30_000,
  );
  const newAfterRestore = Array.from({ length: 3 }, () => makeIntakeBy(fresh.user));
  await push(
    url,
    fresh.token,
    'intakes',
    newAfterRestore.map((d) => ({ newDocumentState: d })),
  );

  // The reader goes on from the position it had before the failure - beyond what the backup held - and gets
  // exactly what is new: the laptop's offline record and the three new ones, none twice, none skipped.
  const resumed = await pullAll<Doc>(url, reader.token, 'intakes', { checkpoint: readerSeen.checkpoint });
  expect(ids(resumed.documents).sort()).toEqual([offline.id, ...ids(newAfterRestore)].sort());

  // The laptop ends with everything it had plus the new records, each once.
  const expected = [...ids(beforeBackup.documents), ...ids(afterBackup), offline.id, ...ids(newAfterRestore)].sort();
  await waitFor(async () => (await localIds(laptop!)).length === expected.length, 'laptop has the new records');
  expect(await localIds(laptop)).toEqual(expected);
}, 180_000);
