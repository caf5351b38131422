import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../test/support/run-cli';
import { verifyPassword } from '../auth/password';
import { openPglite } from '../db/pglite';

/** Bootstrapping the first admin of an office on a fresh (embedded) store. */
const run = (dataDir: string, args: string[], password?: string) =>
  runCli('server/admin/create-user-cli.ts', args, { OBHUT_DATA_DIR: dataDir, OBHUT_NEW_PASSWORD: password });

it('creates the first admin with a policy-checked password and records it in the audit trail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhut-user-'));
  try {
    const args = [
      '--username',
      'admin.stormarn',
      '--office',
      'stormarn',
      '--roles',
      'admin',
      '--name',
      'Administration Stormarn',
    ];
    expect(run(dir, args, 'stormarn123')).toMatchObject({
      code: 1,
      output: expect.stringContaining('mindestens 12 Zeichen'),
    });
    expect(run(dir, ['--username', 'x', '--office', 'hamburg', '--roles', 'admin'], 'Leuchtturm am Deich 7').code).toBe(
      2,
    );
    expect(run(dir, args)).toMatchObject({ code: 2 }); // no password given
    expect(run(dir, args, 'Leuchtturm am Deich 7')).toMatchObject({
      code: 0,
      output: expect.stringContaining('admin.stormarn'),
    });
    expect(run(dir, args, 'Leuchtturm am Deich 7')).toMatchObject({
      code: 1,
      output: expect.stringContaining('gibt es bereits'),
    });

    const db = await openPglite(dir);
    const { rows } = await db.query<{ office_id: string; roles: string[]; password_hash: string }>(
      "SELECT * FROM users WHERE username = 'admin.stormarn'",
    );
    expect(rows[0]).toMatchObject({ office_id: 'stormarn', roles: ['admin'] });
    expect(await verifyPassword('Leuchtturm am Deich 7', rows[0].password_hash)).toBe(true);
    const { rows: audit } = await db.query<{ action: string; office_id: string }>(
      'SELECT action, office_id FROM audit_log',
    );
    expect(audit).toEqual([{ action: 'admin.user_created', office_id: 'stormarn' }]);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
