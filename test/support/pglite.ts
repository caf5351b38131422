import { hashPassword, type KdfParams } from '../../server/auth/password';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { openPglite } from '../../server/db/pglite';
import { allCollections } from '../../server/sync/collections';
import { ensureFeeds } from '../../server/sync/push';

/** An in-memory PGlite with the server's schema: for quick unit tests of server modules. Close it after use. */
export async function openMigratedPglite(): Promise<Db> {
  const db = await openPglite();
  await migrate(db);
  await ensureFeeds(
    db,
    allCollections.map((c) => c.name),
  );
  return db;
}

/** Cheap scrypt parameters for tests that create many users (production uses DEFAULT_KDF). */
export const FAST_KDF: KdfParams = { N: 2 ** 10, r: 8, p: 1, keyLen: 32 };

export async function insertUser(
  db: Db,
  user: { id: string; officeId: string; roles: string[]; password?: string; username?: string },
): Promise<void> {
  await db.query(
    'INSERT INTO users (id, username, display_name, office_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      user.id,
      user.username ?? user.id,
      `Test ${user.id}`,
      user.officeId,
      user.roles,
      await hashPassword(user.password ?? 'geheim', FAST_KDF),
    ],
  );
}
