import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import type { SessionUser } from '../../../shared/sync/protocol';
import type { ObhutClient } from '../data/client';
import { type ObhutDatabase, openDatabase } from '../data/database';
import { EntryRepository } from '../data/entries';
import { IntakeRepository } from '../data/intakes';
import { PendingWrites } from '../data/pending';

let opened = 0;

/** A fresh local database as the app opens it (encrypted, RxDB on Dexie), in its own fake IndexedDB. */
export function openTestDatabase(prefix: string): Promise<ObhutDatabase> {
  return openDatabase({
    name: `${prefix}_${opened++}`,
    key: 'k'.repeat(64),
    env: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
}

/**
 * A fresh database with the intake and log repositories of one user, as a session has them, and a client offering
 * just these to the hooks (renderer/src/data/hooks.ts) through the session's context.
 */
export async function openTestRepositories(prefix: string, user: SessionUser, now: () => number) {
  const db = await openTestDatabase(prefix);
  const pending = await PendingWrites.open(db);
  const repositories = {
    intakes: new IntakeRepository(db.intakes, pending, user, now),
    entries: new EntryRepository(db.entries, db.rejections, pending, user, now),
  };
  return { db, pending, ...repositories, client: { user, ...repositories } as unknown as ObhutClient };
}
