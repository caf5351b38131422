import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { firstValueFrom } from 'rxjs';

import type { ObhutClient } from '../../renderer/src/data/client';
import { demoIntakeId } from '../../server/seed/demo-ids';
import { freePlaces } from '../../shared/placement/freePlaces';
import type { Facility, FacilityWire } from '../../shared/schema/facility';
import type { Hold, HoldWire } from '../../shared/schema/hold';
import { login, pullAll } from '../support/api';
import { clientsClosedAfterEachTest, waitFor } from '../support/devices';
import { reportFreeBeyondLiveHolds } from '../support/free-report';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 4, Show 2, with the app's own data layer: two offices hold the last place of the Jugendschutzhaus while
 * offline and sync. Both holds are kept, both are flagged over-booked by the server, both laptops and the
 * coordinator see the facility one place short; an on-call worker's facility edit is refused and shown.
 */
const server = serverOnPostgres('obhut_overbooking');
const { laptop } = clientsClosedAfterEachTest(server);
const JSH = 'jugendschutzhaus-norderstedt';

const holdsOn = (client: ObhutClient): Promise<Hold[]> => firstValueFrom(client.holds.list$());
const facilityOn = async (client: ObhutClient): Promise<Facility | undefined> =>
  (await firstValueFrom(client.facilities.list$())).find((f) => f.id === JSH);
const shownFree = async (client: ObhutClient) =>
  freePlaces((await facilityOn(client))!, await holdsOn(client), Date.now()).free;

describe('over-booking between two offices, with the app on both laptops', () => {
  it('both offline holds of the last place are kept and flagged; everyone sees the facility one place short', async () => {
    // The coordinator reports one free place in the Jugendschutzhaus.
    await reportFreeBeyondLiveHolds(server.url, JSH, 1);

    const segeberg = await laptop('bereitschaft.segeberg');
    const pinneberg = await laptop('bereitschaft.pinneberg');
    for (const l of [segeberg, pinneberg])
      await waitFor(async () => (await shownFree(l.client)) === 1, 'one place shown');

    // Both go offline (a car, a police station) and each holds the last place for its child.
    segeberg.network.goOffline();
    pinneberg.network.goOffline();
    const facility = (await facilityOn(segeberg.client))!;
    const holdA = await segeberg.client.holds.hold({
      facility,
      intakeRef: demoIntakeId('segeberg', 1),
      ageGroup: '14_to_16',
      sex: 'female',
    });
    await new Promise((r) => setTimeout(r, 5));
    const holdB = await pinneberg.client.holds.hold({
      facility,
      intakeRef: demoIntakeId('pinneberg', 1),
      ageGroup: '16_to_18',
      sex: 'male',
    });
    // Offline each laptop sees only its own hold: the place looks taken, not over-booked.
    expect(await shownFree(segeberg.client)).toBe(0);
    expect(await shownFree(pinneberg.client)).toBe(0);
    expect(segeberg.client.status.pendingIds).toContain(holdA.id);

    segeberg.network.goOnline();
    pinneberg.network.goOnline();
    for (const l of [segeberg, pinneberg]) {
      await waitFor(async () => {
        const holds = await holdsOn(l.client);
        const a = holds.find((h) => h.id === holdA.id);
        const b = holds.find((h) => h.id === holdB.id);
        return a?.overbooked && b?.overbooked;
      }, 'both holds flagged on each laptop');
      expect(await shownFree(l.client)).toBe(-1);
      await waitFor(() => l.client.status.pendingCount === 0, 'nothing pending');
      // The server's flag is not a conflict of the office's own hold.
      expect(l.client.status.conflictCount).toBe(0);
    }

    // The server kept both, as each office wrote it, and flagged both; the coordinator sees -1 too.
    const coordinator = await login(server.url, 'koordination');
    const holds = (await pullAll<HoldWire>(server.url, coordinator.token, 'holds')).documents.filter(
      (h) => h.facilityId === JSH,
    );
    const a = holds.find((h) => h.id === holdA.id)!;
    const b = holds.find((h) => h.id === holdB.id)!;
    // The coordination may read no record: it is shown a stand-in for the record reference (shared/rules/holds.ts).
    expect(a).toEqual({ ...holdA, intakeRef: a.intakeRef, overbooked: true, _deleted: false });
    expect(b).toEqual({ ...holdB, intakeRef: b.intakeRef, overbooked: true, _deleted: false });
    expect([a.intakeRef, b.intakeRef]).not.toContain(holdA.intakeRef);
    expect([a.intakeRef, b.intakeRef]).not.toContain(holdB.intakeRef);
    const facilities = (await pullAll<FacilityWire>(server.url, coordinator.token, 'facilities')).documents;
    expect(
      freePlaces(
        facilities.find((f) => f.id === JSH)!,
        holds,
        Date.now(),
      ).free,
    ).toBe(-1);

    // Segeberg gives its hold back after the phone call: Pinneberg's hold loses the flag everywhere.
    await segeberg.client.holds.setStatus(holdA.id, 'released');
    await waitFor(async () => {
      const onB = (await holdsOn(pinneberg.client)).find((h) => h.id === holdB.id);
      return onB && !onB.overbooked;
    }, 'Pinneberg unflagged');
    expect(await shownFree(pinneberg.client)).toBe(0);
  });

  it("an on-call worker's facility edit is refused by the server and shown with its reason", async () => {
    const worker = await laptop('bereitschaft.stormarn');
    await waitFor(() => facilityOn(worker.client), 'facilities pulled');
    await worker.client.facilities.reportFree(JSH, 9);
    const rejection = await waitFor(() => worker.client.status.rejections.find((r) => r.id === JSH), 'rejection shown');
    expect(rejection.code).toBe('forbidden');
    expect(rejection.message).toBe('Dafür fehlt Ihnen die Berechtigung.');
    const coordinator = await login(server.url, 'koordination');
    const onServer = (await pullAll<FacilityWire>(server.url, coordinator.token, 'facilities')).documents.find(
      (f) => f.id === JSH,
    )!;
    expect(onServer.freeReports.some((r) => r.reportedBy === 'bereitschaft.stormarn')).toBe(false);
  });
});
