import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import { openClient } from '../../renderer/src/data/client';
import { deliverOutboxes, deviceOutbox } from '../../renderer/src/data/outbox';
import { memoryStore } from '../../renderer/src/data/vault';
import type { IntakeWire } from '../../shared/schema/intake';
import { conflictRecord, mergeDocuments } from '../../shared/sync/merge';
import type { LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntakeBy, pullAll, push } from '../support/api';
import { clientsClosedAfterEachTest, laptopOptions, Network, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 15 (conflict view): who wrote each value of a conflict, and on which device, is the server's to say
 * (shared/rules/conflicts.ts). Against a server child process on PostgreSQL: a push that names a colleague as the
 * author of its lost value, or someone else as the writer of the value that stayed, is stored with what the server
 * knows - the pushing session's user and device, and the stored state's writer and device - and a later push
 * cannot rewrite an entry the server holds. Nothing is refused: the worker's value stays on the record, also when
 * a colleague's session on the shared laptop delivers it from the outbox (docs/outbox.md).
 */
const server = serverOnPostgres('obhut_conflict_authorship');
const clients = clientsClosedAfterEachTest(server);
let worker: LoginResponse;
let boss: LoginResponse;
const WORKER_DEVICE = { deviceId: 'laptop-wache-2', deviceName: 'Laptop Wache 2' };
const BOSS_DEVICE = { deviceId: 'pc-leitung-1', deviceName: 'PC Leitung' };

beforeAll(async () => {
  worker = await login(server.url, 'bereitschaft.segeberg', WORKER_DEVICE);
  boss = await login(server.url, 'leitung.segeberg', BOSS_DEVICE);
});

const stored = (id: string) => server.stored(id);

/** The worker's record on the server, then the supervisor's edit of its situation over it. */
async function recordEditedByBoss(): Promise<{ base: IntakeWire; theirs: IntakeWire }> {
  const base = makeIntakeBy(worker.user, { situation: 'Erste Fassung.' });
  expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: base }])).rejected).toEqual([]);
  const theirs = { ...base, situation: 'Fassung der Leitung.', updatedBy: boss.user.id, updatedAt: base.updatedAt + 5 };
  const res = await push(server.url, boss.token, 'intakes', [{ assumedMasterState: base, newDocumentState: theirs }]);
  expect(res.rejected).toEqual([]);
  return { base, theirs };
}

describe('authorship of conflict values', () => {
  it('stores a forged author of a lost value as the pushing worker on her device, with the real winner', async () => {
    const { base, theirs } = await recordEditedByBoss();
    // The worker's app merged her offline edit against the supervisor's: her value lost and was recorded...
    const mine = { ...base, situation: 'Fassung der Nacht.', updatedAt: base.updatedAt + 3 };
    const merged = mergeDocuments(base, mine, theirs);
    expect(merged.conflicts).toHaveLength(1);
    // ...and a tampered app names the supervisor as its author, another device, and itself as the winner.
    const forged: IntakeWire = {
      ...merged,
      conflicts: [
        {
          ...conflictRecord('situation', 'Fassung der Nacht.', boss.user.id, mine.updatedAt),
          deviceId: BOSS_DEVICE.deviceId,
          deviceName: BOSS_DEVICE.deviceName,
          winner: { by: worker.user.id, at: 1, deviceId: WORKER_DEVICE.deviceId },
        },
      ],
    };
    const res = await push(server.url, worker.token, 'intakes', [
      { assumedMasterState: theirs, newDocumentState: forged },
    ]);
    expect(res).toEqual({ conflicts: [], rejected: [] });

    const expected = {
      id: forged.conflicts[0].id,
      field: 'situation',
      value: JSON.stringify('Fassung der Nacht.'),
      by: worker.user.id,
      at: mine.updatedAt,
      ...WORKER_DEVICE,
      winner: { by: boss.user.id, at: theirs.updatedAt, ...BOSS_DEVICE },
    };
    const row = await stored(base.id);
    expect(row?.situation).toBe('Fassung der Leitung.');
    expect(row?.conflicts).toEqual([expected]);
    // Both read it so: the supervisor's pull shows the server's stamp, not the pushed claim.
    const pulled = (await pullAll<IntakeWire>(server.url, boss.token, 'intakes')).documents.find(
      (d) => d.id === base.id,
    );
    expect(pulled?.conflicts).toEqual([expected]);

    // The same row again (its answer was lost) is taken as already stored: no conflict, nothing changes.
    const again = await push(server.url, worker.token, 'intakes', [
      { assumedMasterState: theirs, newDocumentState: forged },
    ]);
    expect(again).toEqual({ conflicts: [], rejected: [] });
    expect((await stored(base.id))?.conflicts).toEqual([expected]);
  });

  it('keeps an entry the server holds as it is when a later push rewrites its author', async () => {
    const { base, theirs } = await recordEditedByBoss();
    const mine = { ...base, situation: 'Fassung der Nacht.', updatedAt: base.updatedAt + 3 };
    const merged = mergeDocuments(base, mine, theirs);
    expect(
      (await push(server.url, worker.token, 'intakes', [{ assumedMasterState: theirs, newDocumentState: merged }]))
        .rejected,
    ).toEqual([]);
    const held = await stored(base.id);
    expect(held?.conflicts[0]).toMatchObject({ by: worker.user.id, ...WORKER_DEVICE });

    // The supervisor's app edits the record and claims the worker's lost value as her own.
    const rewritten: IntakeWire = {
      ...held,
      initiatedBy: 'child',
      updatedBy: boss.user.id,
      updatedAt: held.updatedAt + 1,
      conflicts: held.conflicts.map((c) => ({ ...c, by: boss.user.id, ...BOSS_DEVICE })),
    };
    const res = await push(server.url, boss.token, 'intakes', [
      { assumedMasterState: held, newDocumentState: rewritten },
    ]);
    expect(res.rejected).toEqual([]);
    const after = await stored(base.id);
    expect(after?.initiatedBy).toBe('child');
    expect(after?.conflicts).toEqual(held.conflicts);
  });
});

describe('authorship of a lost value delivered from the outbox', () => {
  it("is the logged-out author's on the shared laptop, not the colleague's who delivers it", async () => {
    const parts = {
      deviceId: 'laptop-geteilt-1',
      factory: new IDBFactory(),
      vault: memoryStore(),
      network: new Network(),
    };
    const outbox = deviceOutbox(parts.vault, server.url);
    const author = clients.track(await openClient(laptopOptions(server.url, 'bereitschaft.segeberg', parts)));
    await waitFor(() => author.outboxDeliverableUntil(), 'outbox credential');
    const base = makeIntakeBy(worker.user, { situation: 'Erste Fassung.' });
    expect((await push(server.url, worker.token, 'intakes', [{ newDocumentState: base }])).rejected).toEqual([]);
    await waitFor(() => author.intakes.get(base.id), 'record on the laptop');

    // Offline, the author rewrites the situation and logs out; meanwhile the supervisor rewrote it on her PC.
    parts.network.goOffline();
    await author.intakes.update(base.id, { situation: 'Fassung der Nacht.' });
    await waitFor(() => author.status.pendingCount === 1, 'pending');
    await author.logout();
    clients.forget(author);
    const theirs = {
      ...base,
      situation: 'Fassung der Leitung.',
      updatedBy: boss.user.id,
      updatedAt: base.updatedAt + 5,
    };
    expect(
      (await push(server.url, boss.token, 'intakes', [{ assumedMasterState: base, newDocumentState: theirs }]))
        .rejected,
    ).toEqual([]);

    // A colleague logs in on the laptop; her app hands the author's outbox in, and the server merges it.
    parts.network.goOnline();
    const colleague = clients.track(await openClient(laptopOptions(server.url, 'leitung.segeberg', parts)));
    expect(
      await deliverOutboxes({
        outbox,
        deviceId: parts.deviceId,
        fetch: parts.network.fetch,
        skipUserId: colleague.user.id,
      }),
    ).toBe(1);
    const row = await waitFor(async () => {
      const doc = await stored(base.id);
      return doc.conflicts.length > 0 ? doc : undefined;
    }, 'merged record on the server');
    expect(row.situation).toBe('Fassung der Leitung.');
    expect(row.conflicts).toEqual([
      expect.objectContaining({
        field: 'situation',
        value: JSON.stringify('Fassung der Nacht.'),
        by: worker.user.id,
        deviceId: parts.deviceId,
        deviceName: `Test ${parts.deviceId}`,
        winner: { by: boss.user.id, at: theirs.updatedAt, ...BOSS_DEVICE },
      }),
    ]);
  });
});
