import { openMigratedPglite } from '../../test/support/pglite';
import type { Db } from '../db/db';
import { appendAudit, audit, readAudit, verifyAuditChain } from './log';

/** The trail in a real (embedded) PostgreSQL: appends, the append-only trigger and verification. */
let db: Db;
beforeAll(async () => {
  db = await openMigratedPglite();
}, 120_000);
afterAll(async () => db?.close());

it('appends chained rows, also many at once and in parallel, and verifies them', async () => {
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      audit(db, { action: 'auth.login', actorId: `u${i}`, officeId: i % 2 ? 'segeberg' : 'stormarn' }),
    ),
  );
  await db.transaction((tx) =>
    appendAudit(
      tx,
      { action: 'sync.pull', officeId: 'segeberg', details: { collection: 'intakes', count: 2, ids: ['a', 'b'] } },
      { action: 'sync.pull', officeId: 'stormarn', details: { collection: 'intakes', count: 1, ids: ['c'] } },
    ),
  );
  const result = await verifyAuditChain(db, 7); // small pages: the walk continues across pages
  expect(result).toEqual({ ok: true, count: 22, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
  const ids = (await db.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).rows.map((r) => Number(r.id));
  expect(ids).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
});

it('filters by office and shows office-less rows to no office (issue 11, finding 1)', async () => {
  await audit(db, { action: 'auth.login_failed', address: '192.0.2.1', details: { reason: 'invalid_credentials' } });
  const rows = await readAudit(db, { offices: ['segeberg'], limit: 1000 });
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.officeId === 'segeberg')).toBe(true);
  const all = await readAudit(db, { offices: 'all', limit: 1000 });
  expect(all.some((r) => r.officeId === null)).toBe(true);
});

it('refuses UPDATE and DELETE from the application, and names a row changed or deleted behind its back', async () => {
  await expect(db.query("UPDATE audit_log SET actor_id = 'x' WHERE id = 3")).rejects.toThrow(/append-only/);
  await expect(db.query('DELETE FROM audit_log WHERE id = 3')).rejects.toThrow(/append-only/);
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await db.query('UPDATE audit_log SET details = \'{"reason": "nichts"}\' WHERE id = 5');
  expect(await verifyAuditChain(db)).toMatchObject({ ok: false, break: { id: 5, kind: 'changed' } });
  await db.query('DELETE FROM audit_log WHERE id = 5');
  expect(await verifyAuditChain(db)).toMatchObject({ ok: false, break: { id: 5, kind: 'missing' } });
});
