import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { firstValueFrom, take, toArray } from 'rxjs';

import { type ObhutClient, openClient, type OpenClientOptions } from '../../renderer/src/data/client';
import type { IntakeInput } from '../../renderer/src/data/intakes';
import { memoryStore } from '../../renderer/src/data/vault';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import { de } from '../../shared/i18n';
import type { Intake } from '../../shared/schema/intake';
import { clientsClosedAfterEachTest, laptopOptions, type LaptopParts, Network, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

type Device = LaptopParts & { client: ObhutClient; options: OpenClientOptions };

const server = serverOnPostgres('obhut_repl');
const clients = clientsClosedAfterEachTest(server);

async function device(username: string, deviceId: string): Promise<Device> {
  const parts: LaptopParts = { deviceId, factory: new IDBFactory(), vault: memoryStore(), network: new Network() };
  const options = laptopOptions(server.url, username, parts);
  return { ...parts, options, client: clients.track(await openClient(options)) };
}

/** Opens the same device again (a reload): same IndexedDB, same vault, same network. */
async function reopen(d: Device): Promise<Device> {
  await d.client.close();
  clients.forget(d.client);
  return { ...d, client: clients.track(await openClient(d.options)) };
}

function input(firstName: string, overrides: Partial<IntakeInput> = {}): IntakeInput {
  return {
    // The whole night record, so that a test may submit it (shared/nightRecord/submit.ts).
    ...demoNightRecord(Date.UTC(2025, 4, 17, 22, 40)),
    receivedAt: Date.UTC(2025, 4, 17, 22, 40),
    child: { firstName, lastName: 'Testkind', estimatedAge: 11 },
    initiatedBy: 'police',
    situation: 'Fiktiver Einsatz, Anruf der Polizei.',
    status: 'draft',
    ...overrides,
  };
}

const get = (d: Device, id: string) => d.client.intakes.get(id);

describe('replication of intakes between two clients through the server on PostgreSQL', () => {
  it('a create on A reaches B through the stream, without B pulling', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a1');
    const b = await device('leitung.segeberg', 'dev-b1');
    await a.client.awaitInSync();
    await b.client.awaitInSync();
    await waitFor(() => b.client.status.streamConnected, 'B stream connected');
    const pullsBefore = b.network.count(/\/pull/);

    const created = await a.client.intakes.create(input('Lenja'));
    const onB = await waitFor(() => get(b, created.id), 'intake on B');

    expect(onB.child).toEqual({ firstName: 'Lenja', lastName: 'Testkind', estimatedAge: 11 });
    expect(onB.createdBy).toBe('bereitschaft.segeberg');
    expect(onB.officeId).toBe('segeberg');
    expect(b.network.count(/\/pull/)).toBe(pullsBefore);
    await waitFor(() => a.client.status.pendingCount === 0, 'A has nothing pending');
    expect(a.client.status.connection).toBe('online');
    expect(a.client.status.lastSyncedAt).not.toBeNull();
  });

  it('concurrent edits while B is offline: the server reports the conflict and both edits survive', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a2');
    const b = await device('leitung.segeberg', 'dev-b2');
    const created = await a.client.intakes.create(input('Mattis', { situation: 'Ausgangslage' }));
    await waitFor(() => get(b, created.id), 'intake on B');

    b.network.goOffline();
    await a.client.intakes.update(created.id, { situation: 'Fassung von A' });
    await waitFor(async () => (await a.client.awaitInSync(), a.client.status.pendingCount === 0), 'A synced');

    await b.client.intakes.update(created.id, { situation: 'Fassung von B', initiatedBy: 'school_daycare' });
    await waitFor(() => b.client.status.connection === 'offline', 'B shown offline');
    expect(b.client.status.pendingCount).toBe(1);
    expect(b.client.status.pendingIds).toEqual([created.id]);

    const reported = firstValueFrom(b.client.replications.intakes.conflict$.pipe(take(1), toArray()));
    b.network.goOnline();
    const [conflict] = await reported;
    // What the server answered: its state, with A's text.
    expect(conflict.input.realMasterState.situation).toBe('Fassung von A');
    expect(conflict.input.newDocumentState.situation).toBe('Fassung von B');

    const expectMerged = (doc: Intake | null) => {
      expect(doc?.situation).toBe('Fassung von A');
      expect(doc?.initiatedBy).toBe('school_daycare'); // changed on B only: B's value wins
      expect(doc?.conflicts).toHaveLength(1);
      expect(doc?.conflicts[0]).toMatchObject({
        field: 'situation',
        value: JSON.stringify('Fassung von B'),
        by: 'leitung.segeberg',
      });
    };
    await waitFor(async () => (await get(b, created.id))?.conflicts.length === 1, 'conflict recorded on B');
    await waitFor(async () => (await get(a, created.id))?.conflicts.length === 1, 'conflict replicated to A');
    expectMerged(await get(b, created.id));
    expectMerged(await get(a, created.id));
    await waitFor(() => b.client.status.pendingCount === 0, 'B has nothing pending');
    expect(b.client.status.conflictCount).toBe(1);
    expect(a.client.status.conflictIds).toEqual([created.id]);
  });

  it('a delete replicates as a tombstone', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a3');
    const b = await device('leitung.segeberg', 'dev-b3');
    const created = await a.client.intakes.create(input('Ilvy'));
    await waitFor(() => get(b, created.id), 'intake on B');

    await a.client.intakes.remove(created.id);
    await waitFor(async () => (await get(b, created.id)) === null, 'intake gone on B');

    const [stored] = await b.client.db.intakes.storageInstance.findDocumentsById([created.id], true);
    expect(stored._deleted).toBe(true);
    expect(stored.updatedBy).toBe('bereitschaft.segeberg');
    const rows = await server.db.query<{ deleted: boolean }>(
      `SELECT deleted FROM documents WHERE collection = 'intakes' AND id = $1`,
      [created.id],
    );
    expect(rows).toEqual([{ deleted: true }]); // kept on the server as a tombstone
  });

  it('a client offline for 500 remote changes catches up', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a4');
    const b = await device('leitung.segeberg', 'dev-b4');
    await b.client.awaitInSync();
    const before = (await b.client.db.intakes.find().exec()).length;
    b.network.goOffline();

    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 500; i++) ids.push((await a.client.intakes.create(input(`Kind${i}`))).id);
    await waitFor(() => a.client.status.pendingCount === 0, 'A pushed 500', 120_000);
    const written = Date.now() - started;

    const caughtUpStart = Date.now();
    b.network.goOnline();
    await waitFor(
      async () => (await b.client.db.intakes.find().exec()).length === before + 500,
      'B caught up',
      120_000,
    );
    const caughtUp = Date.now() - caughtUpStart;
    const onB = await b.client.db.intakes.findByIds(ids).exec();
    expect(onB.size).toBe(500);
    expect(onB.get(ids[499])?.child.firstName).toBe('Kind499');
    console.info(`500 intakes: written and pushed by A in ${written} ms, pulled by B in ${caughtUp} ms`);
  });

  it('a reload while offline keeps the work: offline unlock, the pending count survives, then it syncs', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a5');
    let b = await device('leitung.segeberg', 'dev-b5');
    await b.client.awaitInSync();

    b.network.goOffline();
    const created = await b.client.intakes.create(input('Offline'));
    await waitFor(() => b.client.status.pendingCount === 1, 'pending on B');
    b = await reopen(b);
    expect(b.client.unlockedOffline).toBe(true);
    expect(b.client.user.username).toBe('leitung.segeberg');
    expect((await get(b, created.id))?.child.firstName).toBe('Offline');
    await waitFor(() => b.client.status.pendingCount === 1, 'pending count after reload');

    // A wrong password does not open the local data.
    await expect(openClient({ ...b.options, password: 'falsch' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });

    b.network.goOnline();
    await waitFor(() => b.client.status.pendingCount === 0, 'B pushed after reconnect');
    expect(b.client.status.auth).toEqual({ state: 'ok' });
    await waitFor(() => get(a, created.id), 'A sees the offline intake');
  });

  it('a write the server refuses is kept locally, shown with its reason and not retried', async () => {
    const b = await device('leitung.segeberg', 'dev-b6');
    const created = await b.client.intakes.create(input('Finn', { status: 'submitted' }));
    await waitFor(() => b.client.status.pendingCount === 0, 'submitted intake pushed');

    // An older client that does not know the rule writes submitted -> draft directly into its database.
    const doc = await b.client.db.intakes.findOne(created.id).exec();
    await doc!.incrementalPatch({ status: 'draft', updatedAt: Date.now() });
    const rejection = await waitFor(
      () => b.client.status.rejections.find((r) => r.id === created.id),
      'rejection recorded',
    );
    expect(rejection.code).toBe('invalid_transition');
    expect(rejection.message.length).toBeGreaterThan(0);
    expect(de.errors.invalid_transition).toMatch(/Statusänderung/);
    expect((await get(b, created.id))?.status).toBe('draft'); // kept locally, not dropped
    const record = await b.client.db.rejections.findOne(created.id).exec();
    expect(JSON.parse(record!.rejectedState)).toMatchObject({ id: created.id, status: 'draft' });
    expect(JSON.parse(record!.assumedMasterState)).toMatchObject({ id: created.id, status: 'submitted' });

    const pushes = b.network.count(/\/push/);
    await new Promise((r) => setTimeout(r, 1500)); // five retry periods
    expect(b.network.count(/\/push/)).toBe(pushes);

    // The next edit is based on what the server really has, and clears the rejection once accepted.
    await b.client.db.intakes
      .findOne(created.id)
      .exec()
      .then((d) => d!.incrementalPatch({ status: 'submitted', situation: 'Korrigiert', updatedAt: Date.now() }));
    await waitFor(() => b.client.status.rejections.length === 0, 'rejection cleared');
    const rows = await server.db.query<{ data: Intake }>(
      `SELECT data FROM documents WHERE collection = 'intakes' AND id = $1`,
      [created.id],
    );
    expect(rows[0].data).toMatchObject({ status: 'submitted', situation: 'Korrigiert' });
  });

  // Last: it restarts the shared server.
  it('when the server goes down and comes back, the clients reconnect on their own and sync what was written', async () => {
    const a = await device('bereitschaft.segeberg', 'dev-a7');
    const b = await device('leitung.segeberg', 'dev-b7');
    await waitFor(() => b.client.status.streamConnected && a.client.status.streamConnected, 'streams connected');

    await server.crash();
    const created = await a.client.intakes.create(input('Ausfall'));
    await waitFor(() => a.client.status.connection === 'offline', 'A shown offline');
    await waitFor(() => !b.client.status.streamConnected, 'B noticed the dropped stream');
    // The status is derived from the store's change stream: it follows the write, it is not part of it.
    await waitFor(() => a.client.status.pendingCount === 1, 'A counts its unsent intake');

    await server.restart();
    const back = Date.now();
    await waitFor(() => get(b, created.id), 'B got the intake after the restart', 30_000);
    console.info(`after the restart B had the intake in ${Date.now() - back} ms`);
    await waitFor(() => a.client.status.pendingCount === 0 && a.client.status.connection === 'online', 'A synced');
    // B may have the intake from its catch-up pull before its stream reports itself open again.
    await waitFor(() => b.client.status.streamConnected, 'B stream connected again');
  });
});
