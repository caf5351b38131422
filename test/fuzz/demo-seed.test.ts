import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Found while building the sync fuzzer: in demo mode a second instance on the same database, or the same instance
 * started again, must come up like the first (docs/api.md: the server is stateless, any number of instances serve
 * one database; demo mode seeds "where missing"). seedDemo (server/seed/demo.ts) used to push the demo log entries
 * again with contents that depend on the start time; the entries collection refuses any change to a stored entry
 * (`entry_immutable`), seedDemo threw "demo entries refused" and the second server did not start. Fixed in 8b156ff
 * (the seed stores only what is missing); this keeps it fixed.
 */
let pgdb: TestDatabase;
const servers: RunningServer[] = [];

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_seed');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await pgdb?.drop();
});

describe('demo mode on one PostgreSQL database', () => {
  it('a second instance with OBHUT_DEMO=1 starts and finds the seeded data', async () => {
    servers.push(await startServer({ databaseUrl: pgdb.url, demo: true }));
    await new Promise((r) => setTimeout(r, 50)); // another start time, as any later start has
    const second = await startServer({ databaseUrl: pgdb.url, demo: true });
    servers.push(second);
    const res = await fetch(`${second.url}/api/v1/health`);
    expect(res.status).toBe(200);
  });
});
