import type { ErrorBody, LoginResponse } from '../../shared/sync/protocol';
import { DEMO_PASSWORD, login, makeIntake, openStream, pull, type RawResponse, request } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { adminApi, GOOD_PASSWORD } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Accounts, devices and sessions (issue 5, server side) against a server child process on PostgreSQL: the admin
 * API, the password policy, lockout with backoff per user and per client address, tokens bound to their device,
 * and revocation of a lost laptop (Show 4, server half).
 */
let db: TestDatabase;
let server: RunningServer;
let url: string;
let admin: LoginResponse;
let api: ReturnType<typeof adminApi>;

const code = (res: RawResponse) => (res.body as ErrorBody | undefined)?.error?.code;
const tryLoginFrom = (
  username: string,
  password: string,
  deviceId = 'geraet-segeberg',
  headers?: Record<string, string>,
) =>
  request<LoginResponse>(url, 'POST', '/auth/login', {
    body: { username, password, device: { id: deviceId, name: 'Testlaptop' } },
    headers,
  });
const tryLogin = tryLoginFrom;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url });
  url = server.url;
  admin = await login(url, 'admin', { deviceId: 'admin-laptop' });
  api = adminApi(url, admin.token);
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('admin API: accounts of the own office', () => {
  it('creates a user who can then log in; refuses other offices, duplicates, bad names and non-admins', async () => {
    const res = await api.createUser({
      username: ' Neu.Kollegin ',
      displayName: 'Neue Kollegin',
      officeId: 'segeberg',
      roles: ['oncall'],
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      username: 'neu.kollegin',
      displayName: 'Neue Kollegin',
      officeId: 'segeberg',
      roles: ['oncall'],
      disabled: false,
      createdAt: expect.any(Number),
      passwordChangedAt: expect.any(Number),
    });
    expect((await login(url, 'neu.kollegin', { password: GOOD_PASSWORD })).user.id).toBe(res.body.id);

    const base = { displayName: 'X', roles: ['oncall'], password: GOOD_PASSWORD };
    expect(code(await api.createUser({ ...base, username: 'fremd.amt', officeId: 'stormarn' }))).toBe('other_office');
    expect(code(await api.createUser({ ...base, username: 'neu.kollegin', officeId: 'segeberg' }))).toBe(
      'username_taken',
    );
    expect(code(await api.createUser({ ...base, username: 'mit leerzeichen', officeId: 'segeberg' }))).toBe(
      'invalid_username',
    );
    expect(
      (await api.createUser({ ...base, username: 'rolle.falsch', officeId: 'segeberg', roles: ['root'] })).status,
    ).toBe(400);
    expect((await api.createUser({ ...base, username: 'amt.falsch', officeId: 'hamburg' })).status).toBe(400);
    const lead = await login(url, 'leitung.segeberg');
    const denied = await adminApi(url, lead.token).createUser({
      ...base,
      username: 'von.leitung',
      officeId: 'segeberg',
    });
    expect([denied.status, code(denied)]).toEqual([403, 'forbidden']);
    expect(
      (await adminApi(url, 'A'.repeat(43)).createUser({ ...base, username: 'anonym', officeId: 'segeberg' })).status,
    ).toBe(401);
    expect(
      await db.query("SELECT 1 FROM users WHERE username IN ('fremd.amt', 'mit leerzeichen', 'von.leitung', 'anonym')"),
    ).toEqual([]);
  });

  it('applies the password policy with German messages', async () => {
    const create = (username: string, password: string) =>
      api.createUser({ username, displayName: 'Test', officeId: 'segeberg', roles: ['oncall'], password });
    const cases: [string, string, string][] = [
      ['kurz.pw', 'Kurz-12345', 'password_too_short'],
      ['anna.segeberger', 'Anna-Segeberger-2025', 'password_contains_username'],
      ['haeufig.pw', 'Passwort1234', 'password_too_common'],
      ['folge.pw', '123456789012', 'password_too_common'],
    ];
    for (const [username, password, expected] of cases) {
      const res = await create(username, password);
      expect([res.status, code(res)], username).toEqual([400, expected]);
      expect((res.body as unknown as ErrorBody).error.message).toMatch(/Passwort/);
    }
  });

  it('lists the own office’s users without password hashes; other offices are refused', async () => {
    const res = await api.listUsers();
    expect(res.status).toBe(200);
    expect(res.body.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'bereitschaft.segeberg', 'leitung.segeberg']),
    );
    expect(res.body.users.every((u) => u.officeId === 'segeberg')).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password_hash|passwordHash/);
    expect((await api.listUsers('segeberg')).status).toBe(200);
    expect(code(await api.listUsers('stormarn'))).toBe('other_office');
    expect((await api.listUsers('nirgendwo')).status).toBe(400);
  });

  it('resets a password: the old sessions and the old password die, a lockout is lifted', async () => {
    const user = await api.createUser({
      username: 'reset.fall',
      displayName: 'Reset',
      officeId: 'segeberg',
      roles: ['oncall'],
      password: GOOD_PASSWORD,
    });
    const session = await login(url, 'reset.fall', { password: GOOD_PASSWORD });
    for (let i = 0; i < 10; i++) await tryLogin('reset.fall', `falsch-${i}`);
    expect(code(await tryLogin('reset.fall', GOOD_PASSWORD))).toBe('too_many_attempts');

    expect(code(await api.setPassword(user.body.id, 'reset'))).toBe('password_too_short');
    expect((await api.setPassword(user.body.id, 'Nebel über der Trave')).status).toBe(204);
    expect((await request(url, 'GET', '/sync/intakes/pull', { token: session.token })).status).toBe(401);
    expect(code(await tryLogin('reset.fall', GOOD_PASSWORD))).toBe('invalid_credentials');
    expect((await tryLogin('reset.fall', 'Nebel über der Trave')).status).toBe(200);
    expect(code(await api.setPassword('gibt-es-nicht', GOOD_PASSWORD))).toBe('user_not_found');
    const stormarnUser = (
      await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'bereitschaft.stormarn'")
    )[0].id;
    expect(code(await api.setPassword(stormarnUser, GOOD_PASSWORD))).toBe('other_office');
  });

  it('disables an account at once (token, stream, login) and enables it again; never the own account', async () => {
    const user = await api.createUser({
      username: 'sperr.fall',
      displayName: 'Sperre',
      officeId: 'segeberg',
      roles: ['oncall'],
      password: GOOD_PASSWORD,
    });
    const session = await login(url, 'sperr.fall', { password: GOOD_PASSWORD });
    const stream = await openStream(url, session.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    expect((await api.disable(user.body.id)).status).toBe(204);
    await vi.waitFor(() => expect(stream.ended).toBe(true), { timeout: 5_000 });
    expect(code(await request(url, 'GET', '/sync/intakes/pull', { token: session.token }))).toBe('unauthorized');
    expect(code(await tryLogin('sperr.fall', GOOD_PASSWORD))).toBe('invalid_credentials');
    expect((await api.listUsers()).body.users.find((u) => u.id === user.body.id)?.disabled).toBe(true);
    expect((await api.enable(user.body.id)).status).toBe(204);
    expect((await tryLogin('sperr.fall', GOOD_PASSWORD)).status).toBe(200);
    expect(code(await api.disable(admin.user.id))).toBe('own_account');
  });
});

describe('devices', () => {
  it('lists the own office’s devices with user, first/last seen and app version', async () => {
    await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-liste', deviceName: 'Dienstlaptop 7' });
    await request(url, 'POST', '/auth/login', {
      body: {
        username: 'bereitschaft.segeberg',
        password: DEMO_PASSWORD,
        device: { id: 'laptop-liste', name: 'Dienstlaptop 7' },
      },
      headers: { 'x-obhut-version': '1.2.3' },
    });
    await login(url, 'bereitschaft.stormarn', { deviceId: 'laptop-stormarn' });
    const res = await api.listDevices();
    expect(res.status).toBe(200);
    const device = res.body.devices.find((d) => d.id === 'laptop-liste');
    expect(device).toEqual({
      id: 'laptop-liste',
      name: 'Dienstlaptop 7',
      userId: expect.any(String),
      username: 'bereitschaft.segeberg',
      officeId: 'segeberg',
      firstSeen: expect.any(Number),
      lastSeen: expect.any(Number),
      appVersion: '1.2.3',
      revokedAt: null,
      pendingChanges: null,
      pendingReportedAt: null,
    });
    expect(device!.lastSeen).toBeGreaterThanOrEqual(device!.firstSeen);
    expect(res.body.devices.some((d) => d.id === 'laptop-stormarn')).toBe(false);
    expect(code(await api.listDevices('stormarn'))).toBe('other_office');
  });

  it('revocation: the old token gets 403 device_revoked everywhere, open streams end, login from it is refused', async () => {
    const session = await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-gestohlen' });
    const other = await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-ersatz' });
    const stream = await openStream(url, session.token, 'intakes');
    expect(await stream.next()).toBe('RESYNC');
    await pull(url, session.token, 'intakes');

    expect((await api.revokeDevice('laptop-gestohlen')).status).toBe(204);
    await vi.waitFor(() => expect(stream.ended).toBe(true), { timeout: 5_000 });
    for (const res of [
      await request(url, 'GET', '/sync/intakes/pull', { token: session.token }),
      await request(url, 'POST', '/sync/intakes/push', {
        token: session.token,
        body: [{ newDocumentState: makeIntake('segeberg') }],
      }),
      await request(url, 'GET', '/sync/intakes/stream', { token: session.token }),
      await request(url, 'POST', '/auth/logout', { token: session.token }),
    ]) {
      expect([res.status, code(res)]).toEqual([403, 'device_revoked']);
    }
    expect(code(await tryLogin('bereitschaft.segeberg', DEMO_PASSWORD, 'laptop-gestohlen'))).toBe('device_revoked');
    // The sessions are revoked in the database too, not only refused through the device.
    expect(
      await db.query("SELECT 1 FROM sessions WHERE device_id = 'laptop-gestohlen' AND revoked_at IS NULL"),
    ).toEqual([]);
    // The user's other laptop goes on working.
    expect((await pull(url, other.token, 'intakes')).documents.length).toBeGreaterThan(0);
    const listed = (await api.listDevices()).body.devices.find((d) => d.id === 'laptop-gestohlen');
    expect(listed?.revokedAt).toEqual(expect.any(Number));
    // Revoking again changes nothing; unknown and foreign devices are refused.
    expect((await api.revokeDevice('laptop-gestohlen')).status).toBe(204);
    expect(code(await api.revokeDevice('gibt-es-nicht'))).toBe('device_not_found');
    expect(code(await api.revokeDevice('laptop-stormarn'))).toBe('other_office');
    expect(
      (await pull(url, (await login(url, 'bereitschaft.stormarn', { deviceId: 'laptop-stormarn' })).token, 'intakes'))
        .documents.length,
    ).toBeGreaterThan(0);
  });
});

describe('tokens bound to their device', () => {
  it('accepts the token with its own device header, refuses and kills it with another one', async () => {
    const session = await login(url, 'leitung.segeberg', { deviceId: 'laptop-gebunden' });
    const pullWith = (device?: string) =>
      request(url, 'GET', '/sync/intakes/pull', {
        token: session.token,
        headers: device === undefined ? {} : { 'x-obhut-device': device },
      });
    expect((await pullWith('laptop-gebunden')).status).toBe(200);
    expect((await pullWith()).status).toBe(200); // clients that do not send the header yet (see report)
    const stolen = await pullWith('anderer-laptop');
    expect([stolen.status, code(stolen)]).toEqual([401, 'device_mismatch']);
    expect(code(await pullWith('laptop-gebunden'))).toBe('unauthorized');
    const [row] = await db.query<{ details: { presentedDevice: string } }>(
      "SELECT details FROM audit_log WHERE action = 'auth.device_mismatch'",
    );
    expect(row.details.presentedDevice).toBe('anderer-laptop');
  });

  it('lets the app send the header across origins (CORS)', async () => {
    const res = await fetch(`${url}/api/v1/sync/intakes/pull`, {
      method: 'OPTIONS',
      headers: {
        origin: 'app://obhut',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-obhut-device',
      },
    });
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-obhut-device');
  });
});

describe('lockout with backoff', () => {
  it('answers 429 with Retry-After, and a second lock in a row lasts twice as long', async () => {
    const tryLogin = (username: string, password: string) => tryLoginFrom(username, password, 'geraet-norderstedt');
    for (let i = 0; i < 10; i++)
      expect(code(await tryLogin('bereitschaft.norderstedt', `falsch-${i}`))).toBe('invalid_credentials');
    const first = await tryLogin('bereitschaft.norderstedt', DEMO_PASSWORD);
    expect(code(first)).toBe('too_many_attempts');
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBeGreaterThan(14 * 60);
    expect(firstWait).toBeLessThanOrEqual(15 * 60);

    await db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
    for (let i = 0; i < 10; i++)
      expect(code(await tryLogin('bereitschaft.norderstedt', `wieder-${i}`))).toBe('invalid_credentials');
    const second = await tryLogin('bereitschaft.norderstedt', DEMO_PASSWORD);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
    // A success after the lock resets the backoff: the next lock is a first one again.
    await db.query("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
    expect((await tryLogin('bereitschaft.norderstedt', DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 10; i++) await tryLogin('bereitschaft.norderstedt', `danach-${i}`);
    const third = await tryLogin('bereitschaft.norderstedt', DEMO_PASSWORD);
    expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
  });

  describe('per client address (behind a trusted proxy)', () => {
    let proxied: RunningServer;
    let proxiedDb: TestDatabase;
    beforeAll(async () => {
      proxiedDb = await createTestDatabase();
      proxied = await startServer({
        databaseUrl: proxiedDb.url,
        env: {
          OBHUT_TRUST_PROXY: '127.0.0.1',
          OBHUT_LOGIN_ADDRESS_MAX_FAILURES: '5',
          OBHUT_REQUIRE_DEVICE_HEADER: '1',
        },
      });
    });
    afterAll(async () => {
      await proxied?.stop();
      await proxiedDb?.drop();
    });
    const from = (address: string, username: string, password: string) =>
      request<LoginResponse>(proxied.url, 'POST', '/auth/login', {
        body: { username, password, device: { id: 'proxy-geraet', name: 'Laptop' } },
        headers: { 'x-forwarded-for': address },
      });

    it('locks an address that sprays many user names, even for a right password, and no other address', async () => {
      const names = ['a.sprueh', 'b.sprueh', 'c.sprueh', 'd.sprueh', 'e.sprueh'];
      for (const name of names)
        expect(code(await from('203.0.113.7', name, 'Sommer2025!!'))).toBe('invalid_credentials');
      const locked = await from('203.0.113.7', 'bereitschaft.pinneberg', DEMO_PASSWORD);
      expect(code(locked)).toBe('too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await from('203.0.113.8', 'bereitschaft.pinneberg', DEMO_PASSWORD)).status).toBe(200);
      const [row] = await proxiedDb.query<{ address: string }>(
        "SELECT address FROM audit_log WHERE details->>'reason' = 'address_locked'",
      );
      expect(row.address).toBe('203.0.113.7');
    });

    it('refuses calls without the device header when the server requires it', async () => {
      const session = await from('203.0.113.9', 'bereitschaft.pinneberg', DEMO_PASSWORD);
      const token = session.body.token;
      const without = await request(proxied.url, 'GET', '/sync/intakes/pull', { token });
      expect(code(without)).toBe('device_mismatch');
      const again = await from('203.0.113.9', 'bereitschaft.pinneberg', DEMO_PASSWORD);
      const withHeader = await request(proxied.url, 'GET', '/sync/intakes/pull', {
        token: again.body.token,
        headers: { 'x-obhut-device': 'proxy-geraet' },
      });
      expect(withHeader.status).toBe(200);
    });
  });
});
