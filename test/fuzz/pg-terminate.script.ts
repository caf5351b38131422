/**
 * Run by pg-terminate.test.ts in a process of its own (the failure it looks for is the process dying): a
 * transaction of server/db/postgres.ts whose connection PostgreSQL terminates while the transaction holds it.
 */
import pg from 'pg';

import { openPostgres } from '../../server/db/postgres';

async function main() {
  const url = process.env.OBHUT_PGTERM_URL!;
  const db = openPostgres(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let outcome = 'committed';
  try {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await new Promise((r) => setTimeout(r, 300)); // idle between two statements
      await tx.query('SELECT 1');
    });
  } catch (err) {
    outcome = `failed: ${(err as Error).message}`;
  }
  await new Promise((r) => setTimeout(r, 300));
  console.log(`alive after transaction ${outcome}`);
  await admin.end();
  await db.close().catch(() => {});
}

void main();
