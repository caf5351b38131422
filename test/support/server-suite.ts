import { randomUUID } from 'node:crypto';

import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { push } from './api';
import { createTestDatabase, type TestDatabase } from './pg';
import { type RunningServer, startServer } from './server';

/**
 * The real server on a PostgreSQL database of its own for one test file: started before its tests, stopped and
 * dropped after them. Besides the two, what the server-side review and privacy tests do again and again: read a
 * record as stored, and push a change over it as an app in sync would.
 */
export function serverOnPostgres(prefix: string) {
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
    server = await startServer({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  const started = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the server suite is used before its beforeAll ran');
    return part;
  };
  const suite = {
    get db(): TestDatabase {
      return started(db);
    },
    get url(): string {
      return started(server).url;
    },
    /** Kills the server as a crash would (SIGKILL). */
    crash: () => started(server).kill(),
    /** Starts the server again on the same port and database, as after a crash. */
    restart: async () => {
      server = await startServer({ databaseUrl: suite.db.url, port: Number(new URL(suite.url).port) });
    },
    /** The record as the server stores it. */
    stored: async (id: string): Promise<IntakeWire> =>
      (
        await suite.db.query<{ data: IntakeWire }>(
          `SELECT data FROM documents WHERE collection = 'intakes' AND id = $1`,
          [id],
        )
      )[0].data,
    /** Pushes `next` over what the server has, stamped with the writer, as the app does. */
    change: async (who: LoginResponse, next: IntakeWire) =>
      push(suite.url, who.token, 'intakes', [
        { assumedMasterState: await suite.stored(next.id), newDocumentState: { ...next, updatedBy: who.user.id } },
      ]),
  };
  return suite;
}

/** A note on a record's log, written now by `author`. */
export function noteEntry(officeId: EntryWire['officeId'], intakeId: string, author: string, text: string): EntryWire {
  const now = Date.now();
  return {
    id: `e-${randomUUID()}`,
    officeId,
    intakeId,
    kind: 'note',
    at: now,
    createdBy: author,
    createdAt: now,
    updatedAt: now,
    text,
    _deleted: false,
  };
}
