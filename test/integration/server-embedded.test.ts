import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntake, pullAll, push, request } from '../support/api';
import { startServer } from '../support/server';

/** `npm run server` without DATABASE_URL: PGlite in a data folder, demo data, and it survives a restart. */
it('runs on the embedded store with demo data, keeps writes across a restart and seeds only once', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'obhut-embedded-'));
  try {
    const first = await startServer({ dataDir }); // OBHUT_DEMO=1, as `npm start` sets it
    expect(first.output()).toContain('obhut-demo');
    expect((await request(first.url, 'GET', '/health')).body).toMatchObject({ status: 'ok', storage: 'pglite' });
    const session = await login(first.url, 'bereitschaft.stormarn');
    const demo = await pullAll<IntakeWire>(first.url, session.token, 'intakes');
    expect(demo.documents.length).toBeGreaterThanOrEqual(2);
    expect(demo.documents.every((d) => d.officeId === 'stormarn')).toBe(true);
    const doc = makeIntake('stormarn');
    await push(first.url, session.token, 'intakes', [{ newDocumentState: doc }]);
    expect(await first.stop()).toBe(0);

    const second = await startServer({ dataDir, demo: false }); // the demo data stays, nothing is seeded again
    const again = await login(second.url, 'bereitschaft.stormarn');
    const after = await pullAll<IntakeWire>(second.url, again.token, 'intakes');
    expect(after.documents.map((d) => d.id).sort()).toEqual([...demo.documents.map((d) => d.id), doc.id].sort());
    expect(await second.stop()).toBe(0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Issue 11, finding 7: the embedded store comes up without any account unless OBHUT_DEMO=1 is given. */
it('has no demo account on the embedded store without OBHUT_DEMO=1', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'obhut-embedded-'));
  try {
    const server = await startServer({ dataDir, demo: false });
    expect(server.output()).not.toContain('obhut-demo');
    for (const username of ['admin', 'bereitschaft.segeberg']) {
      const res = await request(server.url, 'POST', '/auth/login', {
        body: { username, password: 'obhut-demo', device: { id: 'geraet-ohne-demo', name: 'Test' } },
      });
      expect(res.status).toBe(401);
    }
    expect(await server.stop()).toBe(0);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
