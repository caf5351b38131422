import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import type { ObhutClient } from '../../renderer/src/data/client';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { HoldWire } from '../../shared/schema/hold';
import { login, pullAll } from '../support/api';
import { type Laptop, openLaptop, waitFor } from '../support/devices';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * The server holds a place only for a record it has (shared/rules/holds.ts), but the app pushes records and
 * placements independently. With the app's own data layer: a place held for a new record whose push is held back
 * is refused for now (`unknown_intake`), not recorded as refused, and arrives once the record did.
 */
let db: TestDatabase;
let server: RunningServer;
const open: ObhutClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase('obhut_placement_order');
  server = await startServer({ databaseUrl: db.url });
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server?.stop();
  await db?.drop();
});

async function laptop(username: string): Promise<Laptop> {
  const l = await openLaptop(server.url, username);
  open.push(l.client);
  return l;
}

it('a placement waits for its record instead of being refused', async () => {
  const { client, network } = await laptop('bereitschaft.segeberg');
  // The record's pushes fail as if offline; everything else goes through.
  network.cut = /^POST .*\/sync\/intakes\/push$/;
  const record = await client.intakes.create({
    ...demoNightRecord(Date.UTC(2025, 4, 17, 22, 40)),
    receivedAt: Date.UTC(2025, 4, 17, 22, 40),
    child: { firstName: 'Ida', lastName: 'Reihenfolge', estimatedAge: 14 },
    initiatedBy: 'police',
    situation: 'Fiktiver Einsatz.',
    status: 'draft',
  });
  const hold = await client.holds.hold({
    facility: { id: 'jugendschutzhaus-norderstedt', holdExpiryHours: 4 },
    intakeRef: record.id,
    ageGroup: '14_to_16',
    sex: 'female',
  });
  // The placement was pushed and refused for now: not stored, not shown as refused, still waiting.
  await waitFor(() => network.count(/^POST .*\/sync\/holds\/push$/) >= 2, 'the placement pushed twice');
  const worker = await login(server.url, 'bereitschaft.segeberg');
  const stored = async () =>
    (await pullAll<HoldWire>(server.url, worker.token, 'holds')).documents.find((h) => h.id === hold.id);
  expect(await stored()).toBeUndefined();
  expect(client.status.rejections).toEqual([]);
  expect(client.status.pendingIds).toEqual(expect.arrayContaining([record.id, hold.id]));

  network.cut = null;
  await waitFor(async () => (await stored())?.intakeRef === record.id, 'the placement on the server');
  await waitFor(() => client.status.pendingCount === 0, 'nothing pending');
  expect(client.status.rejections).toEqual([]);
});
