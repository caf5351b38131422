import { readdir, readFile } from 'node:fs/promises';

import type { Db } from './db';

const MIGRATIONS_DIR = new URL('../migrations/', import.meta.url);
/** Arbitrary but fixed: all instances of Obhut on one database take the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_146_832_001;

/**
 * Applies server/migrations/*.sql in name order, each once (tracked in schema_migrations). Everything runs in one
 * transaction under an advisory lock, so two instances starting together neither collide nor see half a schema.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // Only when missing: the application's role may not create tables (docs/admin.md, owner and app role), and
    // with an up-to-date schema it then starts without any DDL.
    const { rows: found } = await tx.query<{ exists: boolean }>(
      "SELECT to_regclass('schema_migrations') IS NOT NULL AS exists",
    );
    if (!found[0].exists) {
      await tx.exec(
        'CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
    }
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM schema_migrations');
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(new URL(file, MIGRATIONS_DIR), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}
