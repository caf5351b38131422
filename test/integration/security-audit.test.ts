import { berlinDay, isoDay } from '../../shared/deadlines/calendar';
import type { IntakeWire } from '../../shared/schema/intake';
import type { AuditEntry, LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntake, pullAll, push, request } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { adminApi, runAuditVerify, tamperWithAudit } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * The audit trail (issue 5, Show 5) on a real PostgreSQL: what is recorded (and what is not: values), the chain
 * under concurrent writers on two server instances, the admin's view and export, and `npm run audit:verify`
 * naming a row that was changed or deleted directly in the database.
 */
let db: TestDatabase;
let server: RunningServer;
let second: RunningServer;
let url: string;
let oncall: LoginResponse;
let admin: LoginResponse;

type Row = {
  id: string;
  action: string;
  actor_name: string | null;
  office_id: string | null;
  target: string | null;
  details: Record<string, unknown>;
};
const rows = (where = 'true', params: unknown[] = []) =>
  db.query<Row>(
    `SELECT id, action, actor_name, office_id, target, details FROM audit_log WHERE ${where} ORDER BY id`,
    params,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startServer({ databaseUrl: db.url });
  url = server.url;
  oncall = await login(url, 'bereitschaft.segeberg', { deviceId: 'laptop-audit-1' });
  admin = await login(url, 'admin', { deviceId: 'laptop-admin' });
});

afterAll(async () => {
  await second?.stop();
  await server?.stop();
  await db?.drop();
});

describe('what the trail records', () => {
  it('logins, successful and failed, with device and address but never the password or a typed-in unknown name', async () => {
    await expect(
      login(url, 'bereitschaft.segeberg', { password: 'Geheimnis-im-Log', deviceId: 'laptop-audit-1' }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(login(url, 'tippfehler.niemand', { password: 'Geheimnis-im-Log' })).rejects.toMatchObject({
      status: 401,
    });
    const logins = await rows("action LIKE 'auth.login%'");
    expect(logins.find((r) => r.action === 'auth.login' && r.actor_name === 'bereitschaft.segeberg')).toMatchObject({
      office_id: 'segeberg',
    });
    const failed = logins.filter((r) => r.action === 'auth.login_failed');
    expect(failed.map((r) => [r.actor_name, r.office_id, r.details.reason])).toEqual([
      ['bereitschaft.segeberg', 'segeberg', 'invalid_credentials'],
      [null, null, 'invalid_credentials'],
    ]);
    const all = JSON.stringify(await db.query('SELECT * FROM audit_log'));
    expect(all).not.toContain('Geheimnis-im-Log');
    expect(all).not.toContain('tippfehler');
    expect(all).toContain('127.0.0.1');
  });

  it('pushes: which documents and which fields changed, never the values', async () => {
    const doc = makeIntake('segeberg', { child: { firstName: 'Wiebke', lastName: 'Auditfall', estimatedAge: 8 } });
    expect(await push(url, oncall.token, 'intakes', [{ newDocumentState: doc }])).toEqual({
      conflicts: [],
      rejected: [],
    });
    const changed: IntakeWire = { ...doc, child: { ...doc.child, firstName: 'Wilma' }, updatedAt: doc.updatedAt + 1 };
    await push(url, oncall.token, 'intakes', [{ newDocumentState: changed, assumedMasterState: doc }]);
    // A conflict and a rejected row write nothing, so they leave no push record.
    await push(url, oncall.token, 'intakes', [
      { newDocumentState: { ...changed, situation: 'x' }, assumedMasterState: doc },
    ]);
    await push(url, oncall.token, 'intakes', [{ newDocumentState: makeIntake('stormarn') }]);

    const pushes = await rows("action = 'sync.push' AND details::text LIKE $1", [`%${doc.id}%`]);
    expect(pushes.map((r) => r.details)).toEqual([
      {
        collection: 'intakes',
        documents: [{ id: doc.id, op: 'create', fields: expect.arrayContaining(['child.firstName', 'status']) }],
      },
      { collection: 'intakes', documents: [{ id: doc.id, op: 'update', fields: ['child.firstName'] }] },
    ]);
    expect(pushes.every((r) => r.office_id === 'segeberg' && r.actor_name === 'bereitschaft.segeberg')).toBe(true);
    const all = JSON.stringify(await db.query('SELECT * FROM audit_log'));
    for (const value of ['Wiebke', 'Wilma', 'Auditfall']) expect(all).not.toContain(value);
    expect(await rows("action = 'sync.push' AND office_id = 'stormarn'")).toEqual([]);
  });

  it('pulls of personal data with the ids handed out; an empty pull and facility pulls are not recorded', async () => {
    const before = (await rows("action = 'sync.pull'")).length;
    const pulled = await pullAll(url, oncall.token, 'intakes');
    const pulls = (await rows("action = 'sync.pull'")).slice(before);
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ office_id: 'segeberg', target: 'intakes', actor_name: 'bereitschaft.segeberg' });
    expect(pulls[0].details).toEqual({
      collection: 'intakes',
      count: pulled.documents.length,
      ids: pulled.documents.map((d) => d.id),
    });
    await pullAll(url, oncall.token, 'intakes', { checkpoint: pulled.checkpoint });
    await pullAll(url, oncall.token, 'facilities');
    expect((await rows("action = 'sync.pull'")).slice(before)).toHaveLength(1);
  });

  it('admin actions and revocations', async () => {
    const api = adminApi(url, admin.token);
    const created = await api.createUser({
      username: 'protokoll.test',
      displayName: 'Protokoll Test',
      officeId: 'segeberg',
      roles: ['oncall'],
      password: 'Wattenmeer bei Ebbe 9',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api.setPassword(id, 'Seehund auf der Sandbank')).status).toBe(204);
    expect((await api.disable(id)).status).toBe(204);
    expect((await api.enable(id)).status).toBe(204);
    expect((await api.revokeDevice('laptop-audit-1')).status).toBe(204);
    const admins = await rows("action LIKE 'admin.%'");
    expect(admins.map((r) => [r.action, r.target, r.actor_name, r.office_id])).toEqual([
      ['admin.user_created', id, 'admin', 'segeberg'],
      ['admin.password_reset', id, 'admin', 'segeberg'],
      ['admin.user_disabled', id, 'admin', 'segeberg'],
      ['admin.user_enabled', id, 'admin', 'segeberg'],
      ['admin.device_revoked', 'laptop-audit-1', 'admin', 'segeberg'],
    ]);
    expect(admins[4].details).toMatchObject({ sessionsEnded: 1 });
    expect(JSON.stringify(admins)).not.toContain('Seehund');
  });
});

describe('the chain', () => {
  it('stays one unbroken chain under parallel writers on two server instances', async () => {
    second = await startServer({ databaseUrl: db.url, demo: false });
    const sessions = await Promise.all(
      ['bereitschaft.stormarn', 'leitung.stormarn', 'bereitschaft.pinneberg', 'leitung.pinneberg'].map((u, i) =>
        login(i % 2 ? second.url : url, u),
      ),
    );
    await Promise.all(
      sessions.flatMap((s, i) => {
        const base = i % 2 ? second.url : url;
        return Array.from({ length: 15 }, (_, k) =>
          k % 3 === 0
            ? pullAll(base, s.token, 'intakes')
            : k % 3 === 1
              ? push(base, s.token, 'intakes', [{ newDocumentState: makeIntake(s.user.officeId) }])
              : request(base, 'POST', '/auth/login', {
                  body: { username: s.user.username, password: 'falsch', device: { id: 'x', name: 'x' } },
                }),
        );
      }),
    );
    const ids = (await db.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).map((r) => Number(r.id));
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    const verified = await runAuditVerify(db.url);
    expect(verified.output).toMatch(new RegExp(`unversehrt: ${ids.length} Einträge`));
    expect(verified.code).toBe(0);
  });

  it('npm run audit:verify names a row changed directly in PostgreSQL, and one deleted', async () => {
    const [{ id: changedId }] = await db.query<{ id: string }>(
      "SELECT id FROM audit_log WHERE action = 'sync.push' ORDER BY id LIMIT 1",
    );
    const [original] = await db.query<{ details: unknown }>('SELECT details FROM audit_log WHERE id = $1', [changedId]);
    // Someone with database access hides which fields were changed.
    await tamperWithAudit(
      db,
      `UPDATE audit_log SET details = jsonb_set(details, '{documents,0,fields}', '[]') WHERE id = $1`,
      [changedId],
    );
    const changed = await runAuditVerify(db.url);
    expect(changed.code).toBe(1);
    expect(changed.output).toContain(`Eintrag Nr. ${changedId} wurde verändert`);

    await tamperWithAudit(db, 'UPDATE audit_log SET details = $2 WHERE id = $1', [changedId, original.details]);
    expect((await runAuditVerify(db.url)).code).toBe(0);

    // Someone deletes the record of an admin action.
    const [{ id: deletedId }] = await db.query<{ id: string }>(
      "SELECT id FROM audit_log WHERE action = 'admin.device_revoked'",
    );
    await tamperWithAudit(db, 'DELETE FROM audit_log WHERE id = $1', [deletedId]);
    const deleted = await runAuditVerify(db.url);
    expect(deleted.code).toBe(1);
    expect(deleted.output).toContain(`Eintrag Nr. ${deletedId} fehlt`);

    // The application itself can neither change nor delete a row.
    await expect(db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(db.query("UPDATE audit_log SET action = 'x' WHERE id = 1")).rejects.toThrow(/append-only/);
  });
});

describe('the admin view and export', () => {
  it('shows an admin the own office only (no office-less rows), and records the viewing', async () => {
    const api = adminApi(url, admin.token);
    const page = await api.readAudit('?limit=1000');
    expect(page.status).toBe(200);
    const entries: AuditEntry[] = page.body.entries;
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.every((e) => e.officeId === 'segeberg')).toBe(true);
    // Failed logins of unknown names exist, but belong to no office: no office admin sees them.
    expect((await rows('office_id IS NULL')).length).toBeGreaterThan(0);
    expect(page.body.head.seq).toBeGreaterThanOrEqual(entries.at(-1)!.id);
    expect(entries[0]).toEqual({
      id: expect.any(Number),
      at: expect.any(Number),
      action: expect.any(String),
      actorId: expect.toBeOneOf([expect.any(String), null]),
      actorName: expect.toBeOneOf([expect.any(String), null]),
      officeId: 'segeberg',
      deviceId: expect.toBeOneOf([expect.any(String), null]),
      address: expect.toBeOneOf([expect.any(String), null]),
      target: expect.toBeOneOf([expect.any(String), null]),
      details: expect.any(Object),
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Paging.
    const next = await api.readAudit(`?after=${entries[2].id}&limit=2`);
    expect(next.body.entries.map((e) => e.id)).toEqual(entries.slice(3, 5).map((e) => e.id));
    expect((await rows("action = 'audit.viewed'")).length).toBe(2);

    expect((await api.readAudit('?officeId=stormarn')).status).toBe(403);
    expect((await api.readAudit('?limit=5000')).status).toBe(400);
    const oncallView = await adminApi(url, (await login(url, 'bereitschaft.stormarn')).token).readAudit();
    expect(oncallView.status).toBe(403);
  });

  it('pages newest first, narrows by action, user and period, and names the devices it knows (issue 15)', async () => {
    const named = await login(url, 'bereitschaft.segeberg', {
      deviceId: 'laptop-audit-named',
      deviceName: 'Laptop Bereitschaft Nord',
    });
    const api = adminApi(url, admin.token);
    const office = (await rows("office_id = 'segeberg'")).map((r) => Number(r.id)).reverse();

    // Newest first, the next page before the last one shown; the oldest-first default stays as it was.
    const first = await api.readAudit('?order=desc&limit=3');
    expect(first.status).toBe(200);
    expect(first.body.entries.map((e) => e.id)).toEqual(office.slice(0, 3));
    const second = await api.readAudit(`?order=desc&before=${office[2]}&limit=3`);
    expect(second.body.entries.map((e) => e.id)).toEqual(office.slice(3, 6));
    expect((await api.readAudit('?limit=2')).body.entries.map((e) => e.id)).toEqual(office.slice(-2).reverse());

    // The login on the named laptop is the newest login, shown with the laptop's name.
    expect(first.body.deviceNames).toBeDefined();
    const logins = await api.readAudit('?order=desc&action=auth.login&limit=1000');
    expect(logins.body.entries.length).toBe((await rows("action = 'auth.login' AND office_id = 'segeberg'")).length);
    expect(logins.body.entries.every((e) => e.action === 'auth.login')).toBe(true);
    expect(logins.body.entries[0].deviceId).toBe('laptop-audit-named');
    expect(logins.body.deviceNames?.['laptop-audit-named']).toBe('Laptop Bereitschaft Nord');

    // By user: only what this account did.
    const own = await api.readAudit(`?order=desc&actorId=${encodeURIComponent(named.user.id)}&limit=1000`);
    expect(own.body.entries.length).toBeGreaterThan(1);
    expect(own.body.entries.every((e) => e.actorId === named.user.id)).toBe(true);
    expect(own.body.entries.some((e) => e.action === 'audit.viewed')).toBe(false);

    // By period: Berlin calendar days, both included.
    const today = isoDay(berlinDay(Date.now()));
    const todays = await api.readAudit(`?order=desc&from=${today}&to=${today}&limit=1000`);
    expect(todays.body.entries.length).toBeGreaterThan(5);
    expect((await api.readAudit('?order=desc&from=2020-01-01&to=2020-12-31')).body.entries).toEqual([]);
    expect((await api.readAudit('?from=2026-02-30')).status).toBe(400);
    expect((await api.readAudit('?order=sideways')).status).toBe(400);

    // The viewing is recorded with what was asked for.
    const viewed = await rows("action = 'audit.viewed' AND details ? 'actorId'");
    expect(viewed.at(-1)!.details).toMatchObject({ actorId: named.user.id, order: 'desc', before: null });
  });

  it('exports CSV for spreadsheet programs with every hashed column', async () => {
    const res = await adminApi(url, admin.token).exportAudit();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="audit-protokoll-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.headers.get('x-obhut-audit-head')).toMatch(/^\d+:[0-9a-f]{64}$/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(';')[0]).toBe('"Nr."');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.includes('"Anmeldung fehlgeschlagen"'))).toBe(true);
    expect(lines.some((l) => /"stormarn"/.test(l))).toBe(false);
    // Every data line starts with its number and ends with the two hashes.
    for (const line of lines.slice(1)) expect(line).toMatch(/^"\d+";.*;"[0-9a-f]{64}";"[0-9a-f]{64}"$/);
    expect((await rows("action = 'audit.exported'")).length).toBe(1);
  });
});
