import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../../test/support/run-cli';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { audit } from './log';

/** `npm run audit:verify` on the embedded store (the PostgreSQL case: test/integration/security-audit.test.ts). */
const verify = (dataDir: string) => runCli('server/audit/verify-cli.ts', [], { OBHUT_DATA_DIR: dataDir });

it('checks the embedded store and names a changed row', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'obhut-audit-'));
  try {
    const db = await openPglite(dir);
    await migrate(db);
    for (let i = 0; i < 4; i++) await audit(db, { action: 'auth.login', actorId: `u${i}`, officeId: 'segeberg' });
    await db.close();
    expect(verify(dir)).toEqual({ code: 0, output: expect.stringContaining('unversehrt: 4 Einträge') });

    const again = await openPglite(dir);
    await again.exec(
      "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; UPDATE audit_log SET actor_id = 'x' WHERE id = 3",
    );
    await again.close();
    const broken = verify(dir);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain('Eintrag Nr. 3 wurde verändert');
    expect(verify(join(dir, 'gibt-es-nicht')).code).toBe(2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
