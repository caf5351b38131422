import { randomUUID } from 'node:crypto';

import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { firstValueFrom } from 'rxjs';

import { facilityV1 } from '../../renderer/src/data/migrations/facility';
import { demoIntakeId } from '../../server/seed/demo-ids';
import { freePlaces } from '../../shared/placement/freePlaces';
import { newHold } from '../../shared/placement/newHold';
import type { FacilityWire } from '../../shared/schema/facility';
import type { HoldWire } from '../../shared/schema/hold';
import { login, pullAll, push } from '../support/api';
import { clientsClosedAfterEachTest, waitFor } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

/**
 * Issue 17, the mother-and-child room: the Jugendschutzhaus Norderstedt has 14 places for 14-17 year olds plus a
 * mother-and-child room, counted on its own on the server (PostgreSQL) and in the app; facilities stored before the
 * room existed (schema 0, the flag `motherAndChild`) are rewritten by the server's migration exactly as the app
 * migrates its copy.
 */
const server = serverOnPostgres('obhut_mother_child');
const { laptop } = clientsClosedAfterEachTest(server);
const JSH = 'jugendschutzhaus-norderstedt';

const facilitiesAs = async (token: string) => (await pullAll<FacilityWire>(server.url, token, 'facilities')).documents;
const holdsAs = async (token: string) => (await pullAll<HoldWire>(server.url, token, 'holds')).documents;

describe('the mother-and-child room on the server', () => {
  it('a mother-and-child hold over-books the room, not the ordinary places', async () => {
    const coordinator = await login(server.url, 'koordination');
    const jsh = (await facilitiesAs(coordinator.token)).find((f) => f.id === JSH)!;
    expect(jsh).toMatchObject({ totalPlaces: 14, ageMin: 14, ageMax: 17, motherChildPlaces: 1 });
    const before = await holdsAs(coordinator.token);
    const ordinaryBefore = freePlaces(jsh, before, Date.now()).free;
    expect(ordinaryBefore).toBeGreaterThan(1);
    expect(freePlaces(jsh, before, Date.now(), 'mother_child').free).toBe(1);

    // Segeberg's laptop holds the room for a young mother and her baby, through the app's data layer.
    const segeberg = await laptop('bereitschaft.segeberg');
    const facility = await waitFor(
      async () => (await firstValueFrom(segeberg.client.facilities.list$())).find((f) => f.id === JSH),
      'facilities pulled',
    );
    const mother = await segeberg.client.holds.hold({
      facility,
      intakeRef: demoIntakeId('segeberg', 1),
      ageGroup: '16_to_18',
      sex: 'female',
      room: 'mother_child',
    });
    await waitFor(() => segeberg.client.status.pendingCount === 0, 'the hold pushed');

    // Pinneberg holds the same room a little later, and an ordinary place for another child.
    const pinneberg = await login(server.url, 'bereitschaft.pinneberg');
    const base = {
      facility: jsh,
      officeId: 'pinneberg' as const,
      ageGroup: '16_to_18' as const,
      sex: 'female' as const,
      userId: pinneberg.user.id,
      now: Date.now() + 1,
    };
    const secondMother = newHold({
      ...base,
      id: randomUUID(),
      intakeRef: demoIntakeId('pinneberg', 1),
      room: 'mother_child',
    });
    const ordinary = newHold({ ...base, id: randomUUID(), intakeRef: demoIntakeId('pinneberg', 2) });
    const pushed = await push(server.url, pinneberg.token, 'holds', [
      { newDocumentState: { ...secondMother, _deleted: false } },
      { newDocumentState: { ...ordinary, _deleted: false } },
    ]);
    expect(pushed.rejected).toEqual([]);

    // The server flagged both holds of the room and not the ordinary one; the room shows one over-booked, the
    // ordinary places are one fewer and not over-booked.
    const after = await holdsAs(coordinator.token);
    const byId = new Map(after.map((h) => [h.id, h]));
    expect(byId.get(mother.id)).toMatchObject({ room: 'mother_child', overbooked: true });
    expect(byId.get(secondMother.id)).toMatchObject({ room: 'mother_child', overbooked: true });
    expect(byId.get(ordinary.id)).toMatchObject({ overbooked: false });
    expect(byId.get(ordinary.id)).not.toHaveProperty('room');
    expect(freePlaces(jsh, after, Date.now(), 'mother_child')).toMatchObject({ free: -1, overbooked: true });
    expect(freePlaces(jsh, after, Date.now())).toMatchObject({ free: ordinaryBefore - 1, overbooked: false });

    // Segeberg's laptop gets the server's flag and counts the room as the server does.
    await waitFor(
      async () => (await firstValueFrom(segeberg.client.holds.list$())).find((h) => h.id === mother.id)?.overbooked,
      'the flag on the laptop',
    );
    const onLaptop = await firstValueFrom(segeberg.client.holds.list$());
    expect(freePlaces(facility, onLaptop, Date.now(), 'mother_child').free).toBe(-1);
    expect(freePlaces(facility, onLaptop, Date.now()).free).toBe(ordinaryBefore - 1);

    // Pinneberg gives its room back: Segeberg's mother keeps the room without a flag.
    const stored = (await holdsAs(pinneberg.token)).find((h) => h.id === secondMother.id)!;
    expect(
      (
        await push(server.url, pinneberg.token, 'holds', [
          {
            assumedMasterState: stored,
            newDocumentState: { ...stored, status: 'released', updatedAt: Date.now() + 2 },
          },
        ])
      ).rejected,
    ).toEqual([]);
    expect((await holdsAs(coordinator.token)).find((h) => h.id === mother.id)).toMatchObject({ overbooked: false });
  });

  it('the room has its own reports: a coordinator reports it; more free than it has is refused', async () => {
    const coordinator = await laptop('koordination');
    await waitFor(
      async () => (await firstValueFrom(coordinator.client.facilities.list$())).some((f) => f.id === JSH),
      'facilities pulled',
    );
    await coordinator.client.facilities.reportFree(JSH, 0, 'mother_child');
    await waitFor(() => coordinator.client.status.pendingCount === 0, 'the report pushed');
    const token = (await login(server.url, 'koordination')).token;
    const jsh = (await facilitiesAs(token)).find((f) => f.id === JSH)!;
    expect(jsh.motherChildFreeReports.at(-1)).toMatchObject({ free: 0, reportedBy: 'koordination' });
    // More free than the room has is refused, with the reason in German.
    const tooMany = {
      ...jsh,
      updatedAt: Date.now(),
      motherChildFreeReports: [
        ...jsh.motherChildFreeReports,
        { id: randomUUID(), free: 2, reportedAt: Date.now(), reportedBy: 'koordination' },
      ],
    };
    const refused = await push(server.url, token, 'facilities', [
      { assumedMasterState: jsh, newDocumentState: tooMany },
    ]);
    expect(refused.rejected).toEqual([
      {
        id: JSH,
        code: 'validation_failed',
        message: 'Im Mutter-Kind-Zimmer sind mehr freie Plätze gemeldet, als es Plätze hat.',
      },
    ]);
  });

  it('facilities stored before the room existed (schema 0) are migrated on the server as the app migrates them', async () => {
    const token = (await login(server.url, 'koordination')).token;
    const current = (await facilitiesAs(token)).find((f) => f.id === JSH)!;
    const { motherChildPlaces: _p, motherChildFreeReports: _r, _deleted: _d, ...rest } = current;
    void [_p, _r, _d];
    const at = Date.now();
    const v0 = (id: string, motherAndChild: boolean, conflicts: unknown[] = []) => ({
      ...rest,
      id,
      name: `Altbestand ${id}`,
      motherAndChild,
      conflicts,
    });
    const stored = [
      v0('altbestand-mit-zimmer', true, [
        { id: 'c1', field: 'motherAndChild', value: 'false', by: 'koordination', at },
        { id: 'c2', field: 'totalPlaces', value: '12', by: 'koordination', at },
      ]),
      v0('altbestand-ohne-zimmer', false),
    ];
    // As a server before schema 1 stored them, and before its migration 005 ran.
    for (const doc of stored) {
      await server.db.query(
        `WITH next AS (UPDATE feeds SET seq = seq + 1 WHERE collection = 'facilities' RETURNING seq)
         INSERT INTO documents (collection, id, office_id, data, deleted, seq, writer)
         SELECT 'facilities', $1, $2, $3::jsonb, false, next.seq, 'koordination' FROM next`,
        [doc.id, doc.officeId, JSON.stringify({ ...doc, _deleted: false })],
      );
    }
    await server.db.query(`DELETE FROM schema_migrations WHERE name = '005_facility_mother_child_room.sql'`);
    await server.crash();
    await server.restart();

    const migrated = await facilitiesAs((await login(server.url, 'koordination')).token);
    for (const doc of stored) {
      const onServer = migrated.find((f) => f.id === doc.id)!;
      // The same document the app's RxDB migration makes of its copy: no conflict when they meet.
      expect(onServer).toEqual({ ...facilityV1(doc), _deleted: false });
      expect(onServer).not.toHaveProperty('motherAndChild');
    }
    expect(migrated.find((f) => f.id === 'altbestand-mit-zimmer')).toMatchObject({
      motherChildPlaces: 1,
      motherChildFreeReports: [],
      conflicts: [
        { id: 'c1', field: 'motherChildPlaces', value: '0' },
        { id: 'c2', field: 'totalPlaces', value: '12' },
      ],
    });
    expect(migrated.find((f) => f.id === 'altbestand-ohne-zimmer')).toMatchObject({ motherChildPlaces: 0 });
    // The migrated room counts from its place until a coordinator reports on it.
    expect(
      freePlaces(
        migrated.find((f) => f.id === 'altbestand-mit-zimmer')!,
        [],
        Date.now(),
        'mother_child',
      ).free,
    ).toBe(1);

    // A laptop pulls and keeps them under its schema, and the migrated documents take edits again.
    const coordinator = await laptop('koordination');
    await waitFor(
      async () =>
        (await firstValueFrom(coordinator.client.facilities.list$())).filter((f) => f.id.startsWith('altbestand'))
          .length === 2,
      'migrated facilities on the laptop',
    );
    await coordinator.client.facilities.reportFree('altbestand-mit-zimmer', 1, 'mother_child');
    await waitFor(() => coordinator.client.status.pendingCount === 0, 'the report pushed');
    expect(coordinator.client.status.rejections).toEqual([]);
  });
});
