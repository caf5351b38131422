import { randomUUID } from 'node:crypto';

import { AccessLog, localEventsSender, memoryQueueStore } from '../../renderer/src/data/access-log';
import { SyncApi } from '../../renderer/src/data/http';
import type { LocalEvent } from '../../shared/local-events';
import type { ErrorBody, LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntake, push, request } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 16, the audit of exports and local views on the real server and PostgreSQL: the app's access log (the real
 * renderer class with the real HTTP client) queues while the server cannot be reached and delivers when it can;
 * every event becomes one audit row with user, device, record and kind - never content.
 */
let pgdb: TestDatabase;
let server: RunningServer;
let worker: LoginResponse;
const DEVICE = `device-${randomUUID()}`;
const SECRET = 'Vertrauliche Geheimperson';

type AuditRow = {
  action: string;
  actor_id: string;
  device_id: string | null;
  office_id: string;
  target: string | null;
  details: Record<string, unknown>;
};
const auditRows = () =>
  pgdb.query<AuditRow>(
    `SELECT action, actor_id, device_id, office_id, target, details FROM audit_log
      WHERE action IN ('case.opened', 'case.export') ORDER BY id`,
  );

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_local_events');
  server = await startServer({ databaseUrl: pgdb.url });
  worker = await login(server.url, 'bereitschaft.segeberg', { deviceId: DEVICE });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await pgdb?.drop();
});

describe('local events', () => {
  it('queues opens and exports offline and delivers them once the server answers, as audit rows without content', async () => {
    const intake = makeIntake('segeberg', { situation: SECRET });
    expect(await push(server.url, worker.token, 'intakes', [{ newDocumentState: intake }])).toEqual({
      conflicts: [],
      rejected: [],
    });

    // Offline: a server address nobody answers at. The events wait in the queue.
    const store = memoryQueueStore();
    const offlineApi = new SyncApi('http://127.0.0.1:9', fetch, {}, DEVICE);
    offlineApi.token = worker.token;
    const offline = new AccessLog(
      store,
      worker.user.id,
      localEventsSender(offlineApi, (r) => r()),
    );
    offline.record('opened', intake.id);
    offline.record('pdf', intake.id);
    offline.record('print', intake.id);
    offline.record('csv', intake.id);
    offline.record('document', intake.id);
    offline.record('statistics', undefined, { year: 2025, count: 35 });
    await offline.flush();
    expect(offline.queued()).toHaveLength(6);
    expect(await auditRows()).toEqual([]);

    // Back online (the next app start reads the same queue): delivered, and the queue is empty.
    const api = new SyncApi(server.url, fetch, {}, DEVICE);
    api.token = worker.token;
    const online = new AccessLog(
      store,
      worker.user.id,
      localEventsSender(api, (r) => r()),
    );
    await online.flush();
    expect(online.queued()).toEqual([]);

    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.details.kind, r.target])).toEqual([
      ['case.opened', 'opened', intake.id],
      ['case.export', 'pdf', intake.id],
      ['case.export', 'print', intake.id],
      ['case.export', 'csv', intake.id],
      ['case.export', 'document', intake.id],
      ['case.export', 'statistics', null],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ actor_id: worker.user.id, device_id: DEVICE, office_id: 'segeberg' });
    }
    expect(rows[5].details).toMatchObject({ year: 2025, count: 35 });
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });

  it('records an event sent twice once (a lost answer); a record the server does not know goes under the caller office', async () => {
    const before = (await auditRows()).length;
    const event: LocalEvent = { id: randomUUID(), kind: 'opened', recordId: 'not-yet-synced-1', at: Date.now() };
    for (let i = 0; i < 2; i++) {
      const res = await request<{ recorded: number }>(server.url, 'POST', '/local-events', {
        token: worker.token,
        headers: { 'x-obhut-device': DEVICE },
        body: { events: [event] },
      });
      expect(res.status).toBe(200);
      expect(res.body.recorded).toBe(i === 0 ? 1 : 0);
    }
    const rows = await auditRows();
    expect(rows).toHaveLength(before + 1);
    // A record the server does not know yet (created offline): the caller's office.
    expect(rows.at(-1)).toMatchObject({ target: 'not-yet-synced-1', office_id: 'segeberg' });
  });

  it('refuses malformed reports with 400 invalid_request and strangers with 401', async () => {
    const ok: LocalEvent = { id: randomUUID(), kind: 'pdf', recordId: 'r-1', at: Date.now() };
    const bad: unknown[] = [
      {},
      { events: [] },
      { events: [{ ...ok, kind: 'screenshot' }] },
      { events: [{ ...ok, text: SECRET }] },
      { events: [{ ...ok, recordId: 'mit Leerzeichen' }] },
      { events: [{ ...ok, recordId: undefined }] },
      { events: [{ ...ok, kind: 'statistics' }] },
      { events: Array.from({ length: 201 }, () => ({ ...ok, id: randomUUID() })) },
      { events: [ok], note: SECRET },
    ];
    for (const body of bad) {
      const res = await request<ErrorBody>(server.url, 'POST', '/local-events', {
        token: worker.token,
        headers: { 'x-obhut-device': DEVICE },
        body,
      });
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
    expect((await request(server.url, 'POST', '/local-events', { body: { events: [ok] } })).status).toBe(401);
    expect(JSON.stringify(await pgdb.query('SELECT * FROM audit_log'))).not.toContain(SECRET);
  });
});
