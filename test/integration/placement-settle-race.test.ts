import { IDBFactory } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { firstValueFrom } from 'rxjs';

import { type ObhutClient, openClient } from '../../renderer/src/data/client';
import { memoryStore } from '../../renderer/src/data/vault';
import { demoIntakeId } from '../../server/seed/demo-ids';
import type { Hold, HoldWire } from '../../shared/schema/hold';
import type { PullResponse } from '../../shared/sync/protocol';
import { login, pullAll } from '../support/api';
import { clientsClosedAfterEachTest, laptopOptions, type LaptopParts, Network, waitFor } from '../support/devices';
import { reportFreeBeyondLiveHolds } from '../support/free-report';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 12, found by the sync fuzzer (seed 20260101): the server flags a hold over-booked while it accepts the push
 * of that hold (server/sync/placement.ts, settleHolds). A pull (or stream event) with the flag can reach the
 * writing laptop before the push answer; RxDB's downstream skips it (the hold's local write is not yet pushed), then takes
 * the pushed state as the server's - the writer never saw its own hold over-booked while every other laptop did.
 */
const server = serverOnPostgres('obhut_settle_race');
const clients = clientsClosedAfterEachTest(server);
const JSH = 'jugendschutzhaus-norderstedt';
const WRITER = 'bereitschaft.segeberg';

const holdsOn = (client: ObhutClient): Promise<Hold[]> => firstValueFrom(client.holds.list$());

/**
 * The laptop's network, in the order the fuzzer met by chance: the holds push reaches the server (which flags the
 * hold), then RxDB's first pull of holds fetches the flagged hold, and only then (after a moment for the app to
 * take the pull in) does the push answer arrive.
 */
function answerAfterPull(network: Network, holdId: () => string | undefined): typeof fetch {
  let committed!: () => void;
  const stored = new Promise<void>((r) => (committed = r));
  let pulled!: () => void;
  const flagPulled = new Promise<void>((r) => (pulled = r));
  return async (input, init) => {
    const path = new URL(String(input instanceof Request ? input.url : input)).pathname;
    const method = init?.method ?? 'GET';
    if (method === 'POST' && path.endsWith('/sync/holds/push')) {
      const res = await network.fetch(input, init);
      committed();
      await flagPulled;
      await new Promise((r) => setTimeout(r, 1000));
      return res;
    }
    if (method === 'GET' && path.endsWith('/sync/holds/pull')) {
      await stored;
      const res = await network.fetch(input, init);
      const page = (await res.clone().json()) as PullResponse<HoldWire>;
      if (page.documents.some((d) => d.id === holdId() && d.overbooked)) pulled();
      return res;
    }
    return network.fetch(input, init);
  };
}

describe('a hold the server flags over-booked while accepting it', () => {
  it('is shown over-booked on the writing laptop too, though the flag came before the push answer', async () => {
    // The coordinator reports the facility full: every place is taken by the demo's live holds.
    await reportFreeBeyondLiveHolds(server.url, JSH, 0);
    const parts: LaptopParts = {
      deviceId: 'laptop-settle-race',
      factory: new IDBFactory(),
      vault: memoryStore(),
      network: new Network(),
    };
    const first = clients.track(await openClient(laptopOptions(server.url, WRITER, parts)));
    const facility = await waitFor(
      async () => (await firstValueFrom(first.facilities.list$())).find((f) => f.id === JSH),
      'facility pulled',
    );

    // Offline, the worker holds a place (the board asked for a reason: it shows the facility full) and the
    // session ends before the hold is sent: the next session's first push sends it.
    parts.network.goOffline();
    const hold = await first.holds.hold({
      facility,
      intakeRef: demoIntakeId('segeberg', 1),
      ageGroup: '14_to_16',
      sex: 'female',
      overbookReason: 'emergency_no_alternative',
    });
    expect(hold.overbooked).toBe(false);
    await first.close();
    clients.forget(first);

    parts.network.goOnline();
    const second = clients.track(
      await openClient({
        ...laptopOptions(server.url, WRITER, parts),
        fetch: answerAfterPull(parts.network, () => hold.id),
      }),
    );

    // The server flagged it (the laptop pulled it before the push answer came back) ...
    const { token } = await login(server.url, 'bereitschaft.pinneberg');
    const onServer = await waitFor(
      async () =>
        (await pullAll<HoldWire>(server.url, token, 'holds')).documents.find((h) => h.id === hold.id && h.overbooked),
      'the hold flagged on the server',
    );
    expect(onServer).toMatchObject({ id: hold.id, status: 'held', updatedBy: WRITER });

    // ... and the writer shows it too, with nothing pending, no conflict and no refusal.
    await waitFor(
      async () => (await holdsOn(second)).find((h) => h.id === hold.id)?.overbooked,
      'the hold flagged on the writing laptop',
    );
    await waitFor(() => second.status.pendingCount === 0, 'nothing pending');
    await second.awaitInSync();
    const mine = (await holdsOn(second)).find((h) => h.id === hold.id)!;
    expect({ ...mine, _deleted: false }).toEqual({ ...onServer, intakeRef: hold.intakeRef });
    expect(second.status.conflictCount).toBe(0);
    expect(second.status.rejections).toEqual([]);
  });
});
