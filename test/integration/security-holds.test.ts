import { randomUUID } from 'node:crypto';

import { demoIntakeId } from '../../server/seed/demo-ids';
import type { OfficeId } from '../../shared/offices';
import { newHold } from '../../shared/placement/newHold';
import { afterStep } from '../../shared/rules/intake';
import type { HoldWire } from '../../shared/schema/hold';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { documentsOf, type EventStream, login, openStream, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { GOOD_PASSWORD, insertAdmin } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 11, Show 1 for findings 5 and 7 (holds): a placement names its record by `intakeRef`. On the old server any
 * reference was accepted (a made-up one blocked a place for 72 h, another office's record id too) and every office
 * pulled the record ids of all others. Now the server holds a place only for a stored record of the writer's office
 * (shared/rules/holds.ts), and shows the reference as the record's id only to those who may read the record: pull,
 * stream and after a handover. Against a server child process on PostgreSQL, with plain HTTP.
 */
let pgdb: TestDatabase;
let server: RunningServer;
let worker: LoginResponse;
let boss: LoginResponse;
let stranger: LoginResponse;
let receiver: LoginResponse;
let coordinator: LoginResponse;
let stream: EventStream<HoldWire> | undefined;

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_security_holds');
  server = await startServer({ databaseUrl: pgdb.url });
  [worker, boss, stranger, receiver, coordinator] = await Promise.all(
    [
      'bereitschaft.segeberg',
      'leitung.segeberg',
      'bereitschaft.stormarn',
      'bereitschaft.pinneberg',
      'koordination',
    ].map((name) => login(server.url, name)),
  );
});
afterEach(() => stream?.close());
afterAll(async () => {
  await server?.stop();
  await pgdb?.drop();
});

const FACILITY = { id: 'jugendschutzhaus-norderstedt', holdExpiryHours: 4 };

function placementBy(who: LoginResponse, intakeRef: string): HoldWire {
  return {
    ...newHold({
      id: randomUUID(),
      facility: FACILITY,
      officeId: who.user.officeId as OfficeId,
      intakeRef,
      ageGroup: '14_to_16',
      sex: 'female',
      userId: who.user.id,
      now: Date.now(),
    }),
    _deleted: false,
  };
}

const storedHold = async (id: string) =>
  (await pgdb.query<{ data: HoldWire }>(`SELECT data FROM documents WHERE collection = 'holds' AND id = $1`, [id]))[0]
    ?.data;
const pulledHold = async (who: LoginResponse, id: string) =>
  (await pullAll<HoldWire>(server.url, who.token, 'holds')).documents.find((h) => h.id === id);
const allIntakeIds = async () =>
  new Set((await pgdb.query<{ id: string }>(`SELECT id FROM documents WHERE collection = 'intakes'`)).map((r) => r.id));

describe('a placement names a record of the writer’s own office', () => {
  it('a made-up record reference is refused (unknown_intake) and blocks no place', async () => {
    const madeUp = placementBy(worker, randomUUID());
    const res = await push(server.url, worker.token, 'holds', [{ newDocumentState: madeUp }]);
    expect(res.rejected.map((r) => r.code)).toEqual(['unknown_intake']);
    expect(res.rejected[0].message).toMatch(/Bericht/);
    expect(await storedHold(madeUp.id)).toBeUndefined();
  });

  it('another office’s record id is refused (other_office)', async () => {
    const foreign = placementBy(worker, demoIntakeId('stormarn', 1));
    const res = await push(server.url, worker.token, 'holds', [{ newDocumentState: foreign }]);
    expect(res.rejected.map((r) => r.code)).toEqual(['other_office']);
    expect(await storedHold(foreign.id)).toBeUndefined();
  });

  it('a deleted record holds no place (unknown_intake)', async () => {
    const [draft] = await pgdb.query<{ data: IntakeWire }>(
      `SELECT data FROM documents WHERE collection = 'intakes' AND id = $1`,
      [demoIntakeId('segeberg', 3)],
    );
    const deleted = afterStep(draft.data, 'delete', { ...boss.user }, { at: Date.now() }) as IntakeWire;
    const del = await push(server.url, boss.token, 'intakes', [
      { assumedMasterState: draft.data, newDocumentState: deleted },
    ]);
    expect(del.rejected).toEqual([]);
    const res = await push(server.url, worker.token, 'holds', [
      { newDocumentState: placementBy(worker, demoIntakeId('segeberg', 3)) },
    ]);
    expect(res.rejected.map((r) => r.code)).toEqual(['unknown_intake']);
  });
});

describe('only those who may read the record see the reference as its id', () => {
  it('pull: the own office sees the record id; another office, the coordination and the admin do not', async () => {
    const record = demoIntakeId('segeberg', 1);
    const mine = placementBy(worker, record);
    expect(await push(server.url, worker.token, 'holds', [{ newDocumentState: mine }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    expect(await pulledHold(worker, mine.id)).toEqual(mine);
    expect(await pulledHold(boss, mine.id)).toEqual(mine);

    const ids = await allIntakeIds();
    await insertAdmin(pgdb, 'admin.segeberg', 'segeberg');
    const admin = await login(server.url, 'admin.segeberg', { password: GOOD_PASSWORD });
    for (const other of [stranger, coordinator, admin]) {
      const seen = (await pulledHold(other, mine.id))!;
      // Everything but the reference as stored; the reference names no record at all.
      expect(seen).toEqual({ ...mine, intakeRef: seen.intakeRef });
      expect(seen.intakeRef).not.toBe(record);
      expect(ids.has(seen.intakeRef)).toBe(false);
      // The same on every pull (a client compares what it has with what it pulls).
      expect((await pulledHold(other, mine.id))!.intakeRef).toBe(seen.intakeRef);
    }
    // Two placements of one child cannot be linked by another office.
    const second = placementBy(worker, record);
    await push(server.url, worker.token, 'holds', [{ newDocumentState: second }]);
    expect((await pulledHold(stranger, second.id))!.intakeRef).not.toBe(
      (await pulledHold(stranger, mine.id))!.intakeRef,
    );
  });

  it('stream: another office is sent the placement without the record id', async () => {
    stream = await openStream<HoldWire>(server.url, stranger.token, 'holds');
    await stream.next(); // RESYNC at the start
    const record = demoIntakeId('segeberg', 1);
    const mine = placementBy(worker, record);
    await push(server.url, worker.token, 'holds', [{ newDocumentState: mine }]);
    const event = await stream.waitFor((e) => documentsOf(e).some((h) => h.id === mine.id));
    const sent = documentsOf(event).find((h) => h.id === mine.id)!;
    expect(sent.intakeRef).not.toBe(record);
    expect(sent.status).toBe('held');
  });

  it('after a handover the receiving office is shown the record id of the record’s placements', async () => {
    const record = demoIntakeId('segeberg', 2);
    const mine = placementBy(worker, record);
    await push(server.url, worker.token, 'holds', [{ newDocumentState: mine }]);
    const before = await pullAll<HoldWire>(server.url, receiver.token, 'holds');
    expect(before.documents.find((h) => h.id === mine.id)!.intakeRef).not.toBe(record);

    const [stored] = await pgdb.query<{ data: IntakeWire }>(
      `SELECT data FROM documents WHERE collection = 'intakes' AND id = $1`,
      [record],
    );
    const signed = afterStep(stored.data, 'countersign', boss.user, { at: Date.now() }) as IntakeWire;
    const handed = afterStep(signed, 'hand_over', boss.user, { at: Date.now() + 1, to: 'pinneberg' }) as IntakeWire;
    for (const [assumed, next] of [
      [stored.data, signed],
      [signed, handed],
    ]) {
      expect(
        (await push(server.url, boss.token, 'intakes', [{ assumedMasterState: assumed, newDocumentState: next }]))
          .rejected,
      ).toEqual([]);
    }

    // From the checkpoint it had: the placement comes again, now with the record's id.
    const after = await pullAll<HoldWire>(server.url, receiver.token, 'holds', { checkpoint: before.checkpoint });
    expect(after.documents.find((h) => h.id === mine.id)).toEqual({ ...mine, overbooked: expect.any(Boolean) });
    // The receiving office now places the child: it may hold a place for the record.
    const theirs = placementBy(receiver, record);
    expect((await push(server.url, receiver.token, 'holds', [{ newDocumentState: theirs }])).rejected).toEqual([]);
    // A third office still sees neither.
    expect((await pulledHold(stranger, theirs.id))!.intakeRef).not.toBe(record);
    expect((await pulledHold(stranger, mine.id))!.intakeRef).not.toBe(record);
  });
});
