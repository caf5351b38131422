import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openMigratedPglite } from '../../test/support/pglite';
import type { Db } from '../db/db';
import { audit } from './log';
import { checkSignedHeads, exportSignedHead, parsePublicKey, parseSigningKey } from './signed-heads';

/**
 * Signed heads on PGlite, where there is only one role (no owner/app split: docs/admin.md): whoever runs the
 * server can rewrite the table, so the heads outside the database are the only check that survives a re-hash.
 */
let db: Db;
let dir: string;
const keys = generateKeyPairSync('ed25519');
const key = parseSigningKey(keys.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'));
const publicKey = parsePublicKey(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());

beforeEach(async () => {
  db = await openMigratedPglite();
  dir = await mkdtemp(join(tmpdir(), 'obhut-heads-'));
});
afterEach(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

const event = (n: number) => ({ action: 'auth.logout' as const, actorId: `u${n}`, officeId: 'segeberg' });

it('accepts heads that match, names a changed row, a deleted end and a forged signature', async () => {
  const file = join(dir, 'heads.jsonl');
  await audit(db, event(1), event(2), event(3));
  await exportSignedHead(db, key, file);
  await audit(db, event(4));
  await exportSignedHead(db, key, file);
  expect(await checkSignedHeads(db, await readFile(file, 'utf8'), publicKey)).toEqual([]);

  // The single role can switch the trigger off: re-hash row 3 as the rewrite would.
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
  await db.query("UPDATE audit_log SET hash = repeat('a', 64) WHERE id = 3");
  await db.query('DELETE FROM audit_log WHERE id = 4');
  const problems = await checkSignedHeads(db, await readFile(file, 'utf8'), publicKey);
  expect(problems.map((p) => p.kind)).toEqual(['rewritten', 'missing']);

  const forged = (await readFile(file, 'utf8')).replace(/"seq":3/, '"seq":2');
  const other = generateKeyPairSync('ed25519').publicKey;
  expect((await checkSignedHeads(db, forged, publicKey)).map((p) => p.kind)).toContain('bad_signature');
  expect((await checkSignedHeads(db, await readFile(file, 'utf8'), other)).map((p) => p.kind)).toEqual([
    'bad_signature',
    'bad_signature',
  ]);
});
