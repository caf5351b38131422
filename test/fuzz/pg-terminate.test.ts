import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { createTestDatabase, type TestDatabase } from '../support/pg';

/**
 * Found by the sync fuzzer (seed 5, fault "end every PostgreSQL connection of the database"): a server instance
 * died with an unhandled 'error' event of a pg Client (FATAL 57P01, terminating connection due to administrator
 * command). server/db/postgres.ts `transaction` checks a client out of the pool (pool.connect) and attaches no
 * 'error' listener while it holds it; node-postgres emits a connection loss that arrives between two statements
 * of the transaction as 'error' on that client, and with no listener Node ends the process. A PostgreSQL restart
 * or fail-over thus crashes every instance that has a transaction open at that moment.
 * Fixed in dac345a (the transaction listens for its client's error and drops the client from the pool); this keeps
 * it fixed.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
let pgdb: TestDatabase;

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_pgterm');
});
afterAll(async () => {
  await pgdb?.drop();
});

describe('server database access when PostgreSQL ends the connections', () => {
  it('a transaction whose connection is terminated fails, and the process lives on', async () => {
    // In a process of its own: the failure is the process dying.
    const result = await run(process.execPath, ['--import', 'tsx', 'test/fuzz/pg-terminate.script.ts'], {
      cwd: REPO_ROOT,
      timeout: 30_000,
      env: { ...process.env, OBHUT_PGTERM_URL: pgdb.url },
    }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (err: { code?: number; stdout?: string; stderr?: string }) => ({
        code: err.code ?? -1,
        out: `${err.stdout}${err.stderr}`,
      }),
    );
    expect(result.out).toMatch(/alive after transaction failed/);
    expect(result.code).toBe(0);
  });
});
