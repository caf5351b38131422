import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import { AuthSession } from '../../renderer/src/data/auth-session';
import { type ObhutDatabase, openDatabase } from '../../renderer/src/data/database';
import { SyncApi } from '../../renderer/src/data/http';
import { IntakeRepository } from '../../renderer/src/data/intakes';
import { PendingWrites } from '../../renderer/src/data/pending';
import { StatusModel } from '../../renderer/src/data/status-model';
import { SyncEngine } from '../../renderer/src/data/sync-engine';
import { ConnectionState } from '../../renderer/src/data/sync-status';
import { demoNightRecord } from '../../shared/demo/nightRecord';
import type { LoginResponse } from '../../shared/sync/protocol';
import { DEMO_PASSWORD } from '../support/api';
import { Network } from '../support/devices';
import { serverOnPostgres } from '../support/server-suite';

/** The replications of one session against the real server, with the app's store, marks and status. */
const suite = serverOnPostgres('sync_engine');
const device = { id: 'laptop-sync-engine', name: 'Test' };

type Session = {
  db: ObhutDatabase;
  pending: PendingWrites;
  status: StatusModel;
  engine: SyncEngine;
  intakes: IntakeRepository;
  network: Network;
};
const sessions: Session[] = [];

afterEach(async () => {
  // RxDB allows few open collections per process: close every session of the test.
  for (const s of sessions.splice(0)) {
    await s.engine.close();
    s.status.close();
    await s.db.close();
  }
});

let opened = 0;
async function startSession(): Promise<Session> {
  const network = new Network();
  const connection = new ConnectionState();
  const api = new SyncApi(
    suite.url,
    network.fetch,
    { onReachable: (reachable) => connection.set({ serverReachable: reachable }) },
    device.id,
  );
  const login: LoginResponse = await api.login({ username: 'bereitschaft.segeberg', password: DEMO_PASSWORD, device });
  api.token = login.token;
  const db = await openDatabase({
    name: `obhut_sync_engine_${opened++}`,
    key: 'k'.repeat(64),
    env: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
  const pending = await PendingWrites.open(db);
  const status = await StatusModel.open(db, pending, login.user, connection);
  const auth = new AuthSession({
    api,
    username: login.user.username,
    device,
    heldPassword: null,
    onAuthState: (state) => status.set({ auth: state }),
    keepPassword: async () => {},
  });
  const engine = new SyncEngine({
    api,
    db,
    pending,
    auth,
    status,
    retryTime: 300,
    streamBackoff: { baseMs: 50, capMs: 500 },
    now: Date.now,
  });
  const session = {
    db,
    pending,
    status,
    engine,
    intakes: new IntakeRepository(db.intakes, pending, login.user),
    network,
  };
  sessions.push(session);
  return session;
}

const call = Date.UTC(2025, 4, 17, 22, 40);
const record = (firstName: string) => ({
  ...demoNightRecord(call),
  receivedAt: call,
  child: { firstName, lastName: 'Testkind', estimatedAge: 11 },
  initiatedBy: 'police' as const,
  situation: 'Fiktiver Einsatz, Anruf der Polizei.',
  status: 'draft' as const,
});

describe('SyncEngine against the server', () => {
  it('says connected once the streams of all collections are, pushes a write and settles its mark', async () => {
    const s = await startSession();
    await expect.poll(() => s.status.status.streamConnected, { timeout: 40_000 }).toBe(true);
    const written = await s.intakes.create(record('Mia'));
    expect(s.pending.ids).toEqual([written.id]);
    await expect.poll(() => s.pending.ids, { timeout: 40_000 }).toEqual([]);
    expect(await suite.stored(written.id)).toMatchObject({ id: written.id, child: { firstName: 'Mia' } });
    expect(s.status.status).toMatchObject({ pendingCount: 0, lastError: null, connection: 'online' });
  });

  it('settles a mark with no write behind it (the laptop went off between mark and write) once all is at rest', async () => {
    const s = await startSession();
    await s.engine.awaitInSync();
    await s.pending.mark('nie-geschrieben');
    expect(s.status.status.pendingIds).toEqual(['nie-geschrieben']);
    await expect.poll(() => s.pending.ids, { timeout: 40_000 }).toEqual([]);
  });

  it('stops every replication on close', async () => {
    const s = await startSession();
    await s.engine.awaitInSync();
    await s.engine.close();
    for (const r of Object.values(s.engine.replications)) expect(r.isStopped()).toBe(true);
  });
});
