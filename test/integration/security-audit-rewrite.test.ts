import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { rowHash, type StoredRow } from '../../server/audit/chain';
import { AUDIT_COLUMNS, fromDbRow } from '../../server/audit/log';
import { login } from '../support/api';
import { ADMIN_DATABASE_URL, createTestDatabase, type TestDatabase } from '../support/pg';
import { runAuditVerify } from '../support/security';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 11, Show 3: the rewrite of finding 6 (disable the trigger, delete a row, re-hash the rest, move the head)
 * against PostgreSQL with the owner/application role split of docs/admin.md. With the application's role it
 * fails at the first step; with the owner's role it succeeds and the hash chain alone looks intact, but the heads
 * the server signed and exported outside the database expose it.
 */
let db: TestDatabase;
let server: RunningServer | undefined;
let dir: string;
const suffix = randomBytes(4).toString('hex');
const ownerRole = `obhut_owner_${suffix}`;
const appRole = `obhut_app_${suffix}`;
const keys = generateKeyPairSync('ed25519');
const signingKey = keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const urlAs = (role: string) => {
  const url = new URL(db.url);
  url.username = role;
  return url.toString();
};
async function as<T>(role: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlAs(role) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
async function superuser(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'obhut-heads-'));
  // The SQL of docs/admin.md, "Audit-Protokoll: Rollen".
  await superuser(`CREATE ROLE ${ownerRole} LOGIN; CREATE ROLE ${appRole} LOGIN`);
  await superuser(
    `ALTER DATABASE ${db.name} OWNER TO ${ownerRole}; GRANT CONNECT ON DATABASE ${db.name} TO ${appRole}`,
  );
  await db.query(`ALTER SCHEMA public OWNER TO ${ownerRole}`);
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
  await superuser(`DROP ROLE IF EXISTS ${appRole}; DROP ROLE IF EXISTS ${ownerRole}`);
  await rm(dir, { recursive: true, force: true });
});

it('refuses the rewrite to the app role; the owner’s rewrite passes the chain but not the signed heads', async () => {
  const headsFile = join(dir, 'audit-heads.jsonl');
  server = await startServer({
    databaseUrl: urlAs(appRole),
    env: {
      OBHUT_OWNER_DATABASE_URL: urlAs(ownerRole),
      OBHUT_AUDIT_SIGNING_KEY: signingKey,
      OBHUT_AUDIT_HEADS_FILE: headsFile,
      OBHUT_AUDIT_HEAD_EXPORT_MS: '1000',
    },
  });
  for (const user of ['bereitschaft.segeberg', 'leitung.segeberg', 'admin', 'bereitschaft.stormarn']) {
    await login(server.url, user);
  }
  await expect(login(server.url, 'bereitschaft.segeberg', { password: 'falsch' })).rejects.toMatchObject({
    status: 401,
  });
  expect(await server.stop()).toBe(0); // exports a last signed head
  // In daily operation the app role alone starts the server (the schema is up to date: no DDL needed).
  server = await startServer({ databaseUrl: urlAs(appRole), demo: false });
  expect(await server.stop()).toBe(0);
  server = undefined;
  const heads = (await readFile(headsFile, 'utf8')).trim().split('\n');
  expect(heads.length).toBeGreaterThanOrEqual(1);
  const [rowCount] = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_log');
  expect((JSON.parse(heads.at(-1)!) as { seq: number }).seq).toBe(Number(rowCount.n));
  const verifyEnv = { OBHUT_AUDIT_HEADS_FILE: headsFile, OBHUT_AUDIT_PUBLIC_KEY: publicKey };
  expect(await runAuditVerify(urlAs(appRole), verifyEnv)).toMatchObject({ code: 0 });

  // The application's role: every step of the attack is refused; appending still works.
  await as(appRole, async (c) => {
    await expect(c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(c.query('DELETE FROM audit_log WHERE id = 3')).rejects.toThrow(/permission denied/);
    await expect(c.query("UPDATE audit_log SET action = 'x' WHERE id = 3")).rejects.toThrow(/permission denied/);
    await expect(c.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);
    await expect(c.query('DROP TABLE audit_log')).rejects.toThrow(/must be owner/);
  });

  // The owner's role: delete row 3, renumber and re-hash everything after it, move the head.
  await as(ownerRole, async (c) => {
    const { rows } = await c.query(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id`);
    const kept = rows.map(fromDbRow).filter((r) => r.id !== 3);
    let prevHash = kept[0].prevHash;
    const rewritten: StoredRow[] = kept.map(({ prevHash: _p, hash: _h, ...record }, index) => {
      const renumbered = { ...record, id: index + 1 };
      const row = { ...renumbered, prevHash, hash: rowHash(prevHash, renumbered) };
      prevHash = row.hash;
      return row;
    });
    await c.query('BEGIN');
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    await c.query('DELETE FROM audit_log');
    for (const r of rewritten) {
      await c.query(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`, [
        r.id,
        r.at,
        r.action,
        r.actorId,
        r.actorName,
        r.officeId,
        r.deviceId,
        r.address,
        r.target,
        r.details,
        r.prevHash,
        r.hash,
      ]);
    }
    await c.query('UPDATE audit_head SET seq = $1, hash = $2', [rewritten.length, prevHash]);
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    await c.query('COMMIT');
  });

  // The chain alone is consistent again: that was the finding.
  const chainOnly = await runAuditVerify(urlAs(appRole));
  expect(chainOnly.code).toBe(0);
  expect(chainOnly.output).toContain('unversehrt');
  // The signed heads, kept outside the database, expose it.
  const withHeads = await runAuditVerify(urlAs(appRole), verifyEnv);
  expect(withHeads.code).toBe(1);
  expect(withHeads.output).toMatch(/MANIPULIERT\. (Eintrag Nr\. \d+ passt nicht|Eintrag Nr\. \d+, signiert)/);

  // Forging the file instead does not help: the signature no longer matches.
  const forged = heads.map((line) => line.replace(/"hash":"[0-9a-f]+"/, `"hash":"${'0'.repeat(64)}"`));
  await writeFile(headsFile, `${forged.join('\n')}\n`);
  const withForged = await runAuditVerify(urlAs(appRole), verifyEnv);
  expect(withForged.code).toBe(1);
  expect(withForged.output).toContain('Signatur');
}, 180_000);
