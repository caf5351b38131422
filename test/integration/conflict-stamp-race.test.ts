import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { memoryStore } from '../../renderer/src/data/vault';
import type { Contact } from '../../shared/schema/contact';
import { login, pullAll, push } from '../support/api';
import { clientsClosedAfterEachTest, laptopOptions, type LaptopParts, Network, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Found by the sync fuzzer (seed 20260303): the server stamps who wrote each value of a conflict entry the writer's
 * merge added (shared/rules/conflicts.ts), so it stores another form of the push than the one sent. The stream event
 * with that form can reach the writing laptop before the push answer; RxDB's downstream skips it (a local write not
 * yet pushed), then takes the pushed state for the server's: the writer's laptop kept the unstamped entry for good.
 */
const server = serverOnPostgres('obhut_conflict_stamp_race');
const clients = clientsClosedAfterEachTest(server);
const WRITER = 'leitung.segeberg';
const ENTRY = 'demo-contact-segeberg-court';

const entryOn = async (client: ObhutClient): Promise<Contact | undefined> =>
  (await client.contacts.list()).find((c) => c.id === ENTRY);

/**
 * The laptop's network: a contacts push that carries conflict entries is answered only after the contacts stream
 * (or a pull) delivered the entry with the server's stamps, and a moment more for the app to take it in.
 */
function answerAfterStampedEvent(network: Network): typeof fetch {
  let delivered!: () => void;
  const stampedSeen = new Promise<void>((r) => (delivered = r));
  return async (input, init) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    const method = init?.method ?? 'GET';
    if (method === 'POST' && path.endsWith('/sync/contacts/push') && String(init?.body).includes('"conflicts":[{')) {
      const res = await network.fetch(input, init);
      await stampedSeen;
      await new Promise((r) => setTimeout(r, 1000));
      return res;
    }
    const res = await network.fetch(input, init);
    // A stream that reconnects after the push gets RESYNC and RxDB pulls: the stamped form then comes by pull.
    if (method === 'GET' && path.endsWith('/sync/contacts/pull')) {
      const text = await res.clone().text();
      if (text.includes(ENTRY) && text.includes('"deviceId"')) delivered();
    }
    if (method === 'GET' && path.endsWith('/sync/contacts/stream') && res.body) {
      const [mine, watched] = res.body.tee();
      void (async () => {
        const decoder = new TextDecoder();
        let text = '';
        for await (const chunk of watched as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true });
          if (text.includes(ENTRY) && text.includes('"deviceId"')) delivered();
        }
      })().catch(() => {});
      return new Response(mine, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    return res;
  };
}

describe('a conflict entry the server stamps while accepting it', () => {
  it('is shown as stamped on the writing laptop too, though the stamped form came before the push answer', async () => {
    const parts: LaptopParts = {
      deviceId: 'laptop-stamp-race',
      factory: new IDBFactory(),
      vault: memoryStore(),
      network: new Network(),
    };
    const laptop = clients.track(
      await openClient({ ...laptopOptions(server.url, WRITER, parts), fetch: answerAfterStampedEvent(parts.network) }),
    );
    const opened = await waitFor(() => entryOn(laptop), 'the directory entry pulled');

    // The supervisor opens the entry's editor on the laptop; meanwhile she renames it at the office, and the laptop
    // receives that before she saves: the save merges (contacts.ts) and adds a conflict entry of its own.
    const { token } = await login(server.url, WRITER, { deviceId: 'office-pc', deviceName: 'Büro-PC' });
    const stored = (await pullAll<Contact & { _deleted: boolean }>(server.url, token, 'contacts')).documents.find(
      (c) => c.id === ENTRY,
    )!;
    const office = { ...stored, name: 'Familiengericht, Name vom Büro', updatedAt: Date.now() };
    expect(
      await push(server.url, token, 'contacts', [{ newDocumentState: office, assumedMasterState: stored }]),
    ).toEqual({ conflicts: [], rejected: [] });
    await waitFor(async () => (await entryOn(laptop))?.name === office.name, "the office's name on the laptop");
    const { id, updatedAt, updatedBy, conflicts, ...input } = opened;
    void [updatedAt, updatedBy, conflicts];
    await laptop.contacts.update(id, { ...input, name: 'Familiengericht, Name vom Laptop' }, opened);

    // The server stamps the entry, and its stream tells the laptop before the push is answered.
    const onServer = await waitFor(
      async () =>
        (await pullAll<Contact & { _deleted: boolean }>(server.url, token, 'contacts')).documents.find(
          (c) => c.id === ENTRY && c.conflicts.length > 0,
        ),
      'the conflict entry on the server',
    );
    expect(onServer.name).toBe('Familiengericht, Name vom Büro');
    expect(onServer.conflicts[0]).toMatchObject({
      field: 'name',
      value: JSON.stringify('Familiengericht, Name vom Laptop'),
      deviceId: 'laptop-stamp-race',
      winner: { deviceId: 'office-pc' },
    });

    // The writing laptop shows the server's form, with nothing pending.
    await waitFor(async () => (await entryOn(laptop))?.conflicts[0]?.deviceId, 'the stamped entry on the laptop');
    await waitFor(() => laptop.status.pendingCount === 0, 'nothing pending');
    await laptop.awaitInSync();
    const { _deleted, ...serverForm } = onServer;
    void _deleted;
    expect(await entryOn(laptop)).toEqual(serverForm);
  });
});
