import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { filter, firstValueFrom } from 'rxjs';

import { type ObhutClient, openClient, type OpenClientOptions } from '../../renderer/src/data/client';
import { memoryStore } from '../../renderer/src/data/vault';
import type { DirectoryResponse } from '../../shared/directory';
import type { LoginResponse } from '../../shared/sync/protocol';
import { DEMO_PASSWORD, login, request } from '../support/api';
import { Network, openLaptop, waitFor } from '../support/devices';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { adminApi, GOOD_PASSWORD, insertAdmin } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * The office directory (GET /api/v1/directory) against a server child process on PostgreSQL: id, user name and
 * display name of the caller's office's staff - accounts of the demo seed (id = user name) and accounts an admin
 * created (UUID ids), disabled ones too - and nothing of another office. Then the app's data layer
 * (renderer/src/data/directory.ts inside openClient) keeping the names in memory across the connection's ups and
 * downs.
 */
let db: TestDatabase;
let server: RunningServer;
let url: string;
let admin: LoginResponse;
/** Accounts created through the admin API: UUID ids. */
const created = {} as Record<
  'colleague' | 'leaver' | 'stranger',
  { id: string; username: string; displayName: string }
>;

const directoryOf = (token?: string) => request<DirectoryResponse>(url, 'GET', '/directory', token ? { token } : {});

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url });
  url = server.url;
  admin = await login(url, 'admin', { deviceId: 'admin-laptop' });
  const create = async (token: string, username: string, displayName: string, officeId: string) => {
    const res = await adminApi(url, token).createUser({
      username,
      displayName,
      officeId,
      roles: ['oncall'],
      password: GOOD_PASSWORD,
    });
    expect(res.status, username).toBe(201);
    return { id: res.body.id, username, displayName };
  };
  created.colleague = await create(admin.token, 'neu.kollegin', 'Neue Kollegin', 'segeberg');
  created.leaver = await create(admin.token, 'alt.kollege', 'Alter Kollege', 'segeberg');
  expect((await adminApi(url, admin.token).disable(created.leaver.id)).status).toBe(204);
  await insertAdmin(db, 'admin.stormarn', 'stormarn');
  const otherAdmin = await login(url, 'admin.stormarn', { password: GOOD_PASSWORD });
  created.stranger = await create(otherAdmin.token, 'fremd.kollege', 'Fremder Kollege', 'stormarn');
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe('GET /api/v1/directory', () => {
  it('lists exactly the caller’s office: demo and created accounts, disabled ones too, by user name', async () => {
    const oncall = await login(url, 'bereitschaft.segeberg');
    const res = await directoryOf(oncall.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.users).toEqual([
      { id: 'admin', username: 'admin', displayName: 'Administration' },
      created.leaver,
      { id: 'bereitschaft.segeberg', username: 'bereitschaft.segeberg', displayName: oncall.user.displayName },
      { id: 'koordination', username: 'koordination', displayName: 'Verbund-Koordination' },
      { id: 'leitung.segeberg', username: 'leitung.segeberg', displayName: expect.stringMatching(/^Leitung /) },
      created.colleague,
    ]);
    // The same as the database holds for the office, field for field.
    const rows = await db.query<{ id: string; username: string; display_name: string }>(
      "SELECT id, username, display_name FROM users WHERE office_id = 'segeberg' ORDER BY username",
    );
    expect(res.body.users).toEqual(rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name })));
  });

  it('answers with the three fields only, and nothing of another office', async () => {
    for (const username of ['bereitschaft.segeberg', 'leitung.segeberg', 'koordination', 'admin']) {
      const session = await login(url, username);
      const res = await directoryOf(session.token);
      expect(res.status, username).toBe(200);
      expect(Object.keys(res.body)).toEqual(['users']);
      for (const user of res.body.users)
        expect(Object.keys(user).sort(), username).toEqual(['displayName', 'id', 'username']);
      const ids = res.body.users.map((u) => u.id);
      expect(ids, username).not.toContain(created.stranger.id);
      expect(ids, username).not.toContain('bereitschaft.stormarn');
      expect(JSON.stringify(res.body), username).not.toMatch(/stormarn|Fremder|password|roles|oncall/i);
    }
    // The other office sees its own staff and none of Segeberg's.
    const other = await login(url, 'bereitschaft.stormarn');
    const res = await directoryOf(other.token);
    const rows = await db.query<{ id: string }>("SELECT id FROM users WHERE office_id = 'stormarn' ORDER BY username");
    expect(res.body.users.map((u) => u.id)).toEqual(rows.map((r) => r.id));
    expect(res.body.users).toContainEqual(created.stranger);
  });

  it('refuses without a valid token (401) and a disabled account’s token', async () => {
    const none = await directoryOf();
    expect([none.status, (none.body as unknown as { error: { code: string } }).error.code]).toEqual([
      401,
      'unauthorized',
    ]);
    expect((await directoryOf('A'.repeat(43))).status).toBe(401);
    const colleague = await login(url, created.colleague.username, { password: GOOD_PASSWORD });
    expect((await directoryOf(colleague.token)).status).toBe(200);
    expect((await adminApi(url, admin.token).disable(created.colleague.id)).status).toBe(204);
    try {
      expect((await directoryOf(colleague.token)).status).toBe(401);
    } finally {
      expect((await adminApi(url, admin.token).enable(created.colleague.id)).status).toBe(204);
    }
  });

  it('records each answer in the audit trail: who, which office, how many names', async () => {
    const lead = await login(url, 'leitung.segeberg', { deviceId: 'leitung-audit' });
    const before = await db.query(
      "SELECT 1 FROM audit_log WHERE action = 'directory.read' AND actor_id = 'leitung.segeberg'",
    );
    const res = await directoryOf(lead.token);
    const rows = await db.query<{
      office_id: string;
      device_id: string;
      details: { count: number; offices: string[] };
    }>(
      "SELECT office_id, device_id, details FROM audit_log WHERE action = 'directory.read' AND actor_id = 'leitung.segeberg' ORDER BY id",
    );
    expect(rows).toHaveLength(before.length + 1);
    expect(rows.at(-1)).toEqual({
      office_id: 'segeberg',
      device_id: 'leitung-audit',
      details: { offices: ['segeberg'], count: res.body.users.length },
    });
    // The office's admin finds it in the audit trail, and its export names it in German.
    const page = await adminApi(url, admin.token).readAudit('?limit=1000');
    expect(page.body.entries.some((e) => e.action === 'directory.read' && e.actorId === 'leitung.segeberg')).toBe(true);
    expect((await adminApi(url, admin.token).exportAudit()).body).toContain('Mitarbeiterverzeichnis abgerufen');
  });
});

describe('the app’s office directory (openClient)', () => {
  const namesOf = (client: ObhutClient) => Object.fromEntries(client.directory.names);

  it('holds the office’s names after the login, keeps them offline, and fetches again when the server is back', async () => {
    const { client, network } = await openLaptop(url, 'bereitschaft.segeberg');
    try {
      await waitFor(() => client.directory.names.has(created.colleague.id), 'the directory after the login');
      const rows = await db.query<{ id: string; display_name: string }>(
        "SELECT id, display_name FROM users WHERE office_id = 'segeberg'",
      );
      expect(namesOf(client)).toEqual(Object.fromEntries(rows.map((r) => [r.id, r.display_name])));
      expect(client.directory.names.get(created.leaver.id)).toBe('Alter Kollege');
      expect(client.directory.names.has(created.stranger.id)).toBe(false);

      network.goOffline();
      await firstValueFrom(client.status$.pipe(filter((s) => s.connection === 'offline')));
      // Renamed on the server while this laptop is offline: the old list stays until the connection is back.
      await db.query("UPDATE users SET display_name = 'Neue Kollegin (umbenannt)' WHERE id = $1", [
        created.colleague.id,
      ]);
      expect(await client.directory.refresh()).toBe(false);
      expect(client.directory.names.get(created.colleague.id)).toBe('Neue Kollegin');

      network.goOnline();
      await waitFor(
        () => client.directory.names.get(created.colleague.id) === 'Neue Kollegin (umbenannt)',
        'the directory fetched again once the server is back',
      );
    } finally {
      await db.query('UPDATE users SET display_name = $2 WHERE id = $1', [
        created.colleague.id,
        created.colleague.displayName,
      ]);
      await client.close();
    }
  });

  it('unlocked offline: knows only its own user until the server answers, then the whole office', async () => {
    const vault = memoryStore();
    const network = new Network();
    const options: OpenClientOptions = {
      serverUrl: url,
      username: 'leitung.segeberg',
      password: DEMO_PASSWORD,
      device: { id: 'laptop-verzeichnis-offline', name: 'Test offline' },
      indexedDB: new IDBFactory(),
      IDBKeyRange,
      fetch: network.fetch,
      vault,
      retryTime: 300,
      streamBackoff: { baseMs: 50, capMs: 500 },
      pbkdf2Iterations: 1000,
    };
    const first = await openClient(options);
    await waitFor(() => first.directory.names.size > 1, 'the directory of the first session');
    await first.close();

    network.goOffline();
    const client = await openClient(options);
    try {
      expect(client.unlockedOffline).toBe(true);
      expect(namesOf(client)).toEqual({ 'leitung.segeberg': client.user.displayName });
      network.goOnline();
      await waitFor(() => client.directory.names.has(created.colleague.id), 'the directory once the server answers');
      expect(client.directory.names.get('admin')).toBe('Administration');
      // Nothing of the names went to the device's store (the vault holds the session user's own profile only).
      const stored = Array.from({ length: vault.length }, (_, i) => vault.getItem(vault.key(i)!)).join('\n');
      expect(stored).not.toContain('Neue Kollegin');
    } finally {
      await client.close();
    }
  });
});
