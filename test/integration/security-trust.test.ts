import { connect } from 'node:net';

import type { ErrorBody, LoginResponse } from '../../shared/sync/protocol';
import { DEMO_PASSWORD, login, makeIntake, pull, push, type RawResponse, request } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { adminApi, GOOD_PASSWORD, insertAdmin } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 11, findings 1, 4 and 7 (accounts and devices), and issue 12.3 (lockout at night), each tried as the
 * attack was, with plain HTTP against a server child process on PostgreSQL; every attack is refused now.
 */
let db: TestDatabase;
let server: RunningServer;
let url: string;

const code = (res: RawResponse) => (res.body as ErrorBody | undefined)?.error?.code;
const loginFrom = (username: string, password: string, deviceId: string, headers?: Record<string, string>) =>
  request<LoginResponse>(url, 'POST', '/auth/login', {
    body: { username, password, device: { id: deviceId, name: 'Dienstlaptop' } },
    headers,
  });

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url, env: { OBHUT_REQUEST_TIMEOUT_MS: '2000' } });
  url = server.url;
  await insertAdmin(db, 'admin.stormarn', 'stormarn');
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('finding 1: a device belongs to the office that registered it', () => {
  it('refuses another office’s admin logging in with the device id; that admin can neither see nor revoke it', async () => {
    const worker = await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-seg-7' });
    // A typo of the worker: a failed login naming the device, in the trail of Segeberg.
    expect(code(await loginFrom('bereitschaft.segeberg', 'vertippt', 'laptop-seg-7'))).toBe('invalid_credentials');
    // An unknown name tried from the device: a row of no office.
    expect(code(await loginFrom('bereitschaft.segebreg', 'vertippt', 'laptop-seg-7'))).toBe('invalid_credentials');

    const stormarn = await login(url, 'admin.stormarn', { password: GOOD_PASSWORD, deviceId: 'laptop-sto-1' });
    const stormarnApi = adminApi(url, stormarn.token);
    const trail = (await stormarnApi.readAudit('?limit=1000')).body.entries;
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.every((e) => e.officeId === 'stormarn')).toBe(true);
    expect(JSON.stringify(trail)).not.toContain('laptop-seg-7');

    // The takeover of the report: log in with the victim's device id, then revoke it in the own office.
    const takeover = await loginFrom('admin.stormarn', GOOD_PASSWORD, 'laptop-seg-7');
    expect([takeover.status, code(takeover)]).toEqual([403, 'device_other_office']);
    expect((await stormarnApi.listDevices()).body.devices.map((d) => d.id)).not.toContain('laptop-seg-7');
    expect(code(await stormarnApi.revokeDevice('laptop-seg-7'))).toBe('other_office');

    // The device stays Segeberg's, and its worker goes on working.
    const [device] = await db.query<{ office_id: string; revoked_at: Date | null }>(
      "SELECT office_id, revoked_at FROM devices WHERE id = 'laptop-seg-7'",
    );
    expect(device).toEqual({ office_id: 'segeberg', revoked_at: null });
    expect((await pull(url, worker.token, 'intakes')).documents.length).toBeGreaterThan(0);
    const [refusal] = await db.query<{ office_id: string; device_id: string | null }>(
      "SELECT office_id, device_id FROM audit_log WHERE details->>'reason' = 'device_other_office'",
    );
    // Recorded for the Stormarn admin's office, without the Segeberg device's id.
    expect(refusal).toEqual({ office_id: 'stormarn', device_id: null });

    // Segeberg's admin sees the typo (with the device) but not the unknown name's row.
    const segeberg = adminApi(url, (await login(url, 'admin', { deviceId: 'laptop-seg-admin' })).token);
    const own = (await segeberg.readAudit('?limit=1000')).body.entries;
    expect(own.every((e) => e.officeId === 'segeberg')).toBe(true);
    expect(
      own.some(
        (e) =>
          e.action === 'auth.login_failed' && e.actorName === 'bereitschaft.segeberg' && e.deviceId === 'laptop-seg-7',
      ),
    ).toBe(true);
    const [unknownName] = await db.query<{ office_id: string | null }>(
      "SELECT office_id FROM audit_log WHERE action = 'auth.login_failed' AND actor_id IS NULL AND device_id = 'laptop-seg-7'",
    );
    expect(unknownName).toEqual({ office_id: null });
  });

  it('shows the admin, before revoking, how many changes the device last reported as unsynced', async () => {
    const worker = await login(url, 'leitung.segeberg', { deviceId: 'laptop-seg-offen' });
    await request(url, 'GET', '/sync/intakes/pull', {
      token: worker.token,
      headers: { 'x-obhut-device': 'laptop-seg-offen', 'x-obhut-pending': '3' },
    });
    const segeberg = adminApi(url, (await login(url, 'admin', { deviceId: 'laptop-seg-admin' })).token);
    const listed = (await segeberg.listDevices()).body.devices.find((d) => d.id === 'laptop-seg-offen');
    expect(listed?.pendingChanges).toBe(3);
    expect(listed?.pendingReportedAt).toBeGreaterThan(Date.now() - 60_000);
    await request(url, 'GET', '/sync/intakes/pull', {
      token: worker.token,
      headers: { 'x-obhut-device': 'laptop-seg-offen', 'x-obhut-pending': '0' },
    });
    const after = (await segeberg.listDevices()).body.devices.find((d) => d.id === 'laptop-seg-offen');
    expect(after?.pendingChanges).toBe(0);
  });
});

describe('finding 4: an office admin gives only its office’s roles', () => {
  it('refuses creating a coordinator and managing the coordinator account; office roles work', async () => {
    const api = adminApi(url, (await login(url, 'admin', { deviceId: 'laptop-seg-admin' })).token);
    const base = { displayName: 'Neu', officeId: 'segeberg', password: GOOD_PASSWORD };
    for (const roles of [['coordinator'], ['oncall', 'coordinator']]) {
      const res = await api.createUser({ ...base, username: `neu.${roles.length}`, roles });
      expect([res.status, code(res)]).toEqual([403, 'role_not_assignable']);
    }
    expect(await db.query("SELECT 1 FROM users WHERE username LIKE 'neu.%'")).toEqual([]);

    const coordinator = (await api.listUsers()).body.users.find((u) => u.username === 'koordination')!;
    expect(code(await api.setPassword(coordinator.id, 'Nebel über der Trave'))).toBe('role_not_assignable');
    expect(code(await api.disable(coordinator.id))).toBe('role_not_assignable');
    expect((await login(url, 'koordination')).user.roles).toEqual(['coordinator']);

    const ok = await api.createUser({ ...base, username: 'neu.leitung', roles: ['supervisor', 'admin'] });
    expect(ok.status).toBe(201);
  });
});

describe('finding 7: tokens bound to the device named at login', () => {
  it('refuses the token of an app login when it is shown without the device header', async () => {
    const header = { 'x-obhut-device': 'laptop-gebunden' };
    const session = (await loginFrom('bereitschaft.segeberg', DEMO_PASSWORD, 'laptop-gebunden', header)).body;
    expect((await request(url, 'GET', '/sync/intakes/pull', { token: session.token, headers: header })).status).toBe(
      200,
    );
    const copied = await request(url, 'GET', '/sync/intakes/pull', { token: session.token });
    expect([copied.status, code(copied)]).toEqual([401, 'device_mismatch']);
    // Refusing it also killed it: the token is worth nothing afterwards, even with the header.
    expect(code(await request(url, 'GET', '/sync/intakes/pull', { token: session.token, headers: header }))).toBe(
      'unauthorized',
    );
  });
});

describe('finding 7: reads of personal data are recorded', () => {
  it('records a push’s conflict answer and the admin’s user and device lists, with what they showed', async () => {
    const worker = await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-seg-konflikt' });
    const doc = makeIntake('segeberg');
    await push(url, worker.token, 'intakes', [{ newDocumentState: doc }]);
    const again = await push(url, worker.token, 'intakes', [{ newDocumentState: { ...doc, situation: 'anders' } }]);
    expect(again.conflicts.map((c) => c.id)).toEqual([doc.id]);
    const [conflict] = await db.query<{ office_id: string; actor_name: string; details: { ids: string[] } }>(
      "SELECT office_id, actor_name, details FROM audit_log WHERE action = 'sync.conflict_read'",
    );
    expect(conflict).toMatchObject({ office_id: 'segeberg', actor_name: 'bereitschaft.segeberg' });
    expect(conflict.details.ids).toEqual([doc.id]);

    const api = adminApi(url, (await login(url, 'admin', { deviceId: 'laptop-seg-admin' })).token);
    const users = (await api.listUsers()).body.users;
    const devices = (await api.listDevices()).body.devices;
    const views = await db.query<{ action: string; details: { ids: string[]; count: number } }>(
      "SELECT action, details FROM audit_log WHERE action IN ('admin.users_viewed', 'admin.devices_viewed') ORDER BY id",
    );
    const last = (action: string) => views.filter((v) => v.action === action).at(-1)!.details;
    expect(last('admin.users_viewed').ids).toEqual(users.map((u) => u.id));
    expect(last('admin.devices_viewed').ids).toEqual(devices.map((d) => d.id));
  });
});

describe('finding 7: slow and large bodies of callers without a session', () => {
  /** Sends the request head (and `body`, if any) on a raw socket; resolves with the status line, or "closed". */
  const raw = (head: string, body = '') =>
    new Promise<{ status: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const { hostname, port } = new URL(url);
      const socket = connect(Number(port), hostname, () => socket.write(head + body));
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => resolve({ status: answer.split('\r\n')[0] || 'closed', ms: Date.now() - started }));
      socket.on('error', reject);
      socket.setTimeout(20_000, () => socket.destroy());
    });

  it('answers a push without a valid session before reading its 4 MB body', async () => {
    const res = await raw(
      'POST /api/v1/sync/intakes/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Authorization: Bearer ungueltigesTokenAAAAAAAAAAAA\r\nContent-Length: 4000000\r\nConnection: close\r\n\r\n',
    );
    expect(res.status).toBe('HTTP/1.1 401 Unauthorized');
  });

  it('gives up on a body that never arrives (408), instead of holding the connection', async () => {
    const res = await raw(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n',
      '{"username": "bereitschaft.segeberg", ',
    );
    expect(res.status).toBe('HTTP/1.1 408 Request Timeout');
    expect(res.ms).toBeLessThan(10_000);
  }, 30_000);
});

describe('issue 12.3: lockout at night', () => {
  it('locks the name for strangers after 10 failures, not the worker on the own laptop; says what is left', async () => {
    const user = 'bereitschaft.pinneberg';
    expect((await loginFrom(user, DEMO_PASSWORD, 'laptop-pin-3')).status).toBe(200);

    const left: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await loginFrom(user, `geraten-${i}`, 'angreifer-geraet');
      expect(code(res)).toBe('invalid_credentials');
      left.push(Number(res.headers.get('x-obhut-attempts-left')));
    }
    expect(left).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    const locked = await loginFrom(user, DEMO_PASSWORD, 'angreifer-geraet');
    expect([locked.status, code(locked)]).toEqual([429, 'too_many_attempts']);
    const until = Number(locked.headers.get('x-obhut-locked-until'));
    expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 2_000);
    // Any other new device is locked out too: guessing stays bounded by the one count per name.
    expect(code(await loginFrom(user, DEMO_PASSWORD, 'noch-ein-geraet'))).toBe('too_many_attempts');

    // The worker's own laptop has its own count.
    const own = await loginFrom(user, DEMO_PASSWORD, 'laptop-pin-3');
    expect(own.status).toBe(200);
    // ... which is bounded the same way.
    for (let i = 0; i < 10; i++) await loginFrom(user, `vertippt-${i}`, 'laptop-pin-3');
    expect(code(await loginFrom(user, DEMO_PASSWORD, 'laptop-pin-3'))).toBe('too_many_attempts');
  });
});
