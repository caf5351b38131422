import { randomBytes } from 'node:crypto';

import pg from 'pg';

/** The admin connection of the PostgreSQL the integration tests run against (CI sets DATABASE_URL). */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDatabase = {
  /** Connection URL of the fresh database. */
  url: string;
  name: string;
  /** Runs one statement on the fresh database (its own short-lived connection). */
  query: <R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;
  /** Drops the database, ending any connection still open on it. */
  drop: () => Promise<void>;
};

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named empty database on the test server. Call `drop()` in afterAll. */
export async function createTestDatabase(prefix = 'obhut_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await admin((c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // A connection still closing after pool.end() can receive the server's FATAL from DROP DATABASE ... FORCE (or a test
  // that terminates backends); with no listener left on it, that would be an uncaught error in the test process.
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    url: url.toString(),
    name,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    drop: async () => {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}
