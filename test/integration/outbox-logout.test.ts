import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { deliverOutboxes, type DeviceOutbox, deviceOutbox } from '../../renderer/src/data/outbox';
import { memoryStore } from '../../renderer/src/data/vault';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, pullAll, request } from '../support/api';
import { clientsClosedAfterEachTest, laptopOptions, type LaptopParts, Network, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 12 part 1 (docs/outbox.md): changes of a user who logged out before they reached the server are delivered
 * by the laptop whoever works on it next, under the author's name, and the outbox credential can do nothing else.
 */
const server = serverOnPostgres('obhut_outbox');
const clients = clientsClosedAfterEachTest(server);

type Laptop = LaptopParts & { outbox: DeviceOutbox };

function laptop(deviceId: string): Laptop {
  const vault = memoryStore();
  return {
    network: new Network(),
    factory: new IDBFactory(),
    vault,
    deviceId,
    outbox: deviceOutbox(vault, server.url),
  };
}

async function session(l: Laptop, username: string): Promise<ObhutClient> {
  return clients.track(await openClient(laptopOptions(server.url, username, l)));
}

async function onServer(id: string): Promise<IntakeWire | undefined> {
  const { token } = await login(server.url, 'leitung.segeberg', { deviceId: 'probe' });
  const { documents } = await pullAll<IntakeWire>(server.url, token, 'intakes');
  return documents.find((d) => d.id === id);
}

/** Logs in, waits for the outbox credential, goes offline, creates a record and logs out. */
async function strandedChange(l: Laptop, firstName: string, logLines = 0): Promise<string> {
  const author = await session(l, 'bereitschaft.segeberg');
  await waitFor(() => author.outboxDeliverableUntil(), 'outbox credential');
  l.network.goOffline();
  const created = await author.intakes.create({
    ...demoNightRecord(Date.UTC(2025, 4, 17, 22, 40)),
    receivedAt: Date.UTC(2025, 4, 17, 22, 40),
    child: { firstName, lastName: 'Ausgang', estimatedAge: 12 },
    initiatedBy: 'police',
    situation: 'Fiktiver Einsatz.',
    status: 'draft',
  });
  // Long log lines (at the schema's limit) make an outbox larger than a delivery may be.
  for (let i = 0; i < logLines; i++)
    await author.entries.append(created.id, { kind: 'note', text: 'Notiz '.repeat(3333) });
  await waitFor(() => author.status.pendingCount === 1 + logLines, 'all pending');
  await author.logout();
  clients.forget(author);
  return created.id;
}

describe('the outbox of a logged-out author', () => {
  it('is sealed at logout, shows who waits without content, and is delivered under the author name', async () => {
    const l = laptop('dev-outbox-1');
    const id = await strandedChange(l, 'Merle');

    const [entry] = l.outbox.entries;
    expect(entry).toMatchObject({ userId: 'bereitschaft.segeberg', count: 1 });
    expect(entry.displayName).toMatch(/^Bereitschaft .*Segeberg$/);
    expect(entry.sealed).not.toBeNull();
    // Nothing of the record is readable on the laptop outside the author's encrypted database.
    let everything = '';
    for (let i = 0; i < l.vault.length; i++) everything += l.vault.getItem(l.vault.key(i)!) ?? '';
    expect(everything).not.toContain('Merle');
    expect(await onServer(id)).toBeUndefined();

    // Back online, a colleague logs in; her app hands the author's outbox in.
    l.network.goOnline();
    const colleague = await session(l, 'leitung.segeberg');
    expect(
      await deliverOutboxes({
        outbox: l.outbox,
        deviceId: l.deviceId,
        fetch: l.network.fetch,
        skipUserId: colleague.user.id,
      }),
    ).toBe(1);
    expect(l.outbox.entries).toEqual([]);
    const stored = await waitFor(() => onServer(id), 'record on the server');
    expect(stored.child.firstName).toBe('Merle');
    expect(stored.createdBy).toBe('bereitschaft.segeberg');
    expect(stored.updatedBy).toBe('bereitschaft.segeberg');
    await waitFor(() => colleague.intakes.get(id), 'record reaches the colleague');

    // A replay of the same seal changes nothing and is refused as stale.
    const replay = await request(server.url, 'POST', '/outbox/deliver', {
      body: entry.sealed,
      headers: { 'x-obhut-device': l.deviceId },
    });
    expect(replay.status).toBe(409);
    expect((replay.body as { error: { code: string } }).error.code).toBe('outbox_stale');

    // When the author comes back, nothing is pushed twice and nothing stays pending.
    await colleague.close();
    clients.forget(colleague);
    const back = await session(l, 'bereitschaft.segeberg');
    await waitFor(() => back.status.pendingCount === 0, 'author has nothing pending');
    expect((await onServer(id))?.conflicts).toEqual([]);
  });

  it('the token is bound to its device, its seal, and its user; a later login replaces it', async () => {
    const l = laptop('dev-outbox-2');
    await strandedChange(l, 'Jonte');
    const sealed = l.outbox.entries[0].sealed!;

    const elsewhere = await request(server.url, 'POST', '/outbox/deliver', {
      body: sealed,
      headers: { 'x-obhut-device': 'another-laptop' },
    });
    expect(elsewhere.status).toBe(401);
    expect((elsewhere.body as { error: { code: string } }).error.code).toBe('outbox_unknown');

    // The token alone cannot push anything: rows not sealed with the credential's key are refused.
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] ^= 0xff;
    const forged = await request(server.url, 'POST', '/outbox/deliver', {
      body: { ...sealed, ciphertext: bytes.toString('base64') },
      headers: { 'x-obhut-device': l.deviceId },
    });
    expect(forged.status).toBe(400);
    expect((forged.body as { error: { code: string } }).error.code).toBe('outbox_seal_invalid');

    // The author logs in again on this laptop: her session sends her changes itself and gets a new credential,
    // so the old seal is dead.
    l.network.goOnline();
    const back = await session(l, 'bereitschaft.segeberg');
    expect(l.outbox.entries).toEqual([]);
    await waitFor(() => back.status.pendingCount === 0, 'pending sent by the author');
    await waitFor(async () => {
      const old = await request(server.url, 'POST', '/outbox/deliver', {
        body: sealed,
        headers: { 'x-obhut-device': l.deviceId },
      });
      return old.status === 401;
    }, 'old credential replaced');
  });

  it('without a credential (the session never reached the server) the count stays visible as waiting for the author', async () => {
    const l = laptop('dev-outbox-3');
    // A first login online creates the local vault; then the credential is dropped as if it had expired.
    const first = await session(l, 'bereitschaft.segeberg');
    await waitFor(() => first.outboxDeliverableUntil(), 'credential');
    await first.logout();
    clients.forget(first);
    for (let i = l.vault.length - 1; i >= 0; i--) {
      const key = l.vault.key(i)!;
      if (key.startsWith('obhut.outbox-credential|')) l.vault.removeItem(key);
    }
    l.network.goOffline();
    const offline = await session(l, 'bereitschaft.segeberg');
    expect(offline.unlockedOffline).toBe(true);
    expect(offline.outboxDeliverableUntil()).toBeNull();
    await offline.intakes.create({
      ...demoNightRecord(Date.UTC(2025, 4, 17, 22, 40)),
      receivedAt: Date.UTC(2025, 4, 17, 22, 40),
      child: { firstName: 'Ilka', lastName: 'Ausgang', estimatedAge: 9 },
      initiatedBy: 'police',
      situation: 'Fiktiver Einsatz.',
      status: 'draft',
    });
    await offline.logout();
    clients.forget(offline);
    expect(l.outbox.entries).toEqual([
      expect.objectContaining({ userId: 'bereitschaft.segeberg', count: 1, sealed: null, expiresAt: null }),
    ]);
  });

  it('too large to be delivered without its author: says so, waits for the author and is never tried in vain', async () => {
    const l = laptop('dev-outbox-large');
    // Four log lines of 20,000 characters: larger than a delivery may be (OUTBOX_DELIVERY_MAX_BYTES).
    const id = await strandedChange(l, 'Frieda', 4);
    const [entry] = l.outbox.entries;
    expect(entry).toMatchObject({ userId: 'bereitschaft.segeberg', count: 5 });
    l.network.goOnline();
    const colleague = await session(l, 'leitung.segeberg');
    const tries = () => l.network.count(/outbox\/deliver$/);
    const deliver = () =>
      deliverOutboxes({
        outbox: l.outbox,
        deviceId: l.deviceId,
        fetch: l.network.fetch,
        skipUserId: colleague.user.id,
      });
    expect(entry).toMatchObject({ sealed: null, expiresAt: null, stranded: 'too_large' });
    expect(await deliver()).toBe(0);
    expect(await deliver()).toBe(0);
    expect(tries()).toBe(0);
    expect(l.outbox.entries).toHaveLength(1);
    expect(await onServer(id)).toBeUndefined();

    // A seal made by an app that did not know the limit: refused once (413), then no more tries.
    const huge = { token: 'x'.repeat(43), iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'A'.repeat(70 * 1024) };
    const { stranded, ...plain } = entry;
    expect(stranded).toBe('too_large');
    l.outbox.put({
      ...plain,
      userId: 'altes.geraet',
      displayName: 'Altes Gerät',
      sealed: huge,
      expiresAt: Date.now() + 60_000,
    });
    expect(await deliver()).toBe(0);
    expect(tries()).toBe(1);
    expect(l.outbox.entries.find((e) => e.userId === 'altes.geraet')).toMatchObject({
      sealed: null,
      stranded: 'too_large',
    });
    expect(await deliver()).toBe(0);
    expect(tries()).toBe(1);

    // The author's next login sends it.
    await colleague.close();
    clients.forget(colleague);
    const back = await session(l, 'bereitschaft.segeberg');
    await waitFor(() => onServer(id), 'record on the server');
    await waitFor(() => back.status.pendingCount === 0, 'author has nothing pending');
  });
});
