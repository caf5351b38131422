import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { firstValueFrom } from 'rxjs';

import { AGE_GROUPS } from '../../../shared/catalogues/ageGroup';
import { newHold } from '../../../shared/placement/newHold';
import type { Hold } from '../../../shared/schema/hold';
import type { SessionUser } from '../../../shared/sync/protocol';
import { submittedRecord } from '../test-fixtures/intake';
import { type ObhutDatabase, openDatabase } from './database';
import { NetworkError } from './http';
import { PendingWrites } from './pending';
import { StatusModel } from './status-model';

const worker: SessionUser = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'Ben Bereitschaft',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const CALL = '2025-05-20T00:00+02:00';
const T = Date.parse(CALL);

let factory: IDBFactory;
let db: ObhutDatabase;
let opened = 0;
let name: string;

const open = () => openDatabase({ name, key: 'k'.repeat(64), env: { indexedDB: factory, IDBKeyRange } });

beforeEach(async () => {
  factory = new IDBFactory();
  name = `obhut_status_${opened++}`;
  db = await open();
});
afterEach(async () => {
  await db.close();
});

const conflict = (id: string) => ({ id, field: 'situation', value: '"anders"', by: 'kollegin', at: T });

describe('StatusModel', () => {
  it('keeps the time of the last sync for the next session, which starts offline', async () => {
    const model = await StatusModel.open(db, await PendingWrites.open(db), worker);
    expect((await firstValueFrom(model.status$)).lastSyncedAt).toBeNull();
    model.synced(T + 1_000);
    model.synced(T + 2_000);
    model.close();
    await model.flushed();
    await db.close();

    db = await open();
    const next = await StatusModel.open(db, await PendingWrites.open(db), worker);
    expect(await firstValueFrom(next.status$)).toMatchObject({
      lastSyncedAt: T + 2_000,
      connection: 'connecting',
      pendingCount: 0,
    });
    next.close();
  });

  it('shows the last sync error in words until the next sync, and a refused sign-in until one succeeds', async () => {
    const model = await StatusModel.open(db, await PendingWrites.open(db), worker);
    await firstValueFrom(model.status$);
    model.failed(new NetworkError(new TypeError('fetch failed')));
    model.set({ auth: { state: 'failed', code: 'token_expired', message: 'token_expired' } });
    const failed = model.status;
    expect(failed.lastError).toEqual(expect.any(String));
    expect(failed.lastError).not.toBe('');
    expect(failed.auth.state).toBe('failed');
    model.synced(T);
    expect(model.status).toMatchObject({ lastError: null, auth: { state: 'ok' }, lastSyncedAt: T });
    model.close();
  });

  it('counts what waits for the server from the pending marks', async () => {
    const pending = await PendingWrites.open(db);
    const model = await StatusModel.open(db, pending, worker);
    await firstValueFrom(model.status$);
    await pending.mark('b');
    await pending.mark('a');
    expect(model.status).toMatchObject({ pendingIds: ['a', 'b'], pendingCount: 2 });
    await pending.settleSnapshot(pending.snapshot(), ['a']);
    expect(model.status).toMatchObject({ pendingIds: ['b'], pendingCount: 1 });
    model.close();
  });

  it("counts the conflicts on the office's records and placements, not on another office's placements", async () => {
    await db.intakes.insert(submittedRecord('mia', 'Mia', CALL, { conflicts: [conflict('c1'), conflict('c2')] }));
    await db.intakes.insert(submittedRecord('ole', 'Ole', CALL));
    const placement = (id: string, officeId: Hold['officeId']): Hold => ({
      ...newHold({
        id,
        facility: { id: crypto.randomUUID(), holdExpiryHours: 24 },
        officeId,
        intakeRef: crypto.randomUUID(),
        ageGroup: AGE_GROUPS[0],
        sex: 'female',
        userId: `bereitschaft.${officeId}`,
        now: T,
      }),
      conflicts: [{ ...conflict(`c-${id}`), field: 'status', value: '"released"' }],
    });
    const own = crypto.randomUUID();
    await db.holds.insert(placement(own, 'segeberg'));
    await db.holds.insert(placement(crypto.randomUUID(), 'pinneberg'));
    const model = await StatusModel.open(db, await PendingWrites.open(db), worker);
    const status = await firstValueFrom(model.status$);
    expect(status).toMatchObject({ conflictIds: ['mia', own], conflictCount: 3 });
    model.close();
  });
});
