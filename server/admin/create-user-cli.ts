import { parseArgs } from 'node:util';

import { errors } from '../../shared/i18n/de/errors';
import { isOfficeId } from '../../shared/offices';
import { ROLES } from '../../shared/roles';
import type { Db } from '../db/db';
import { migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { ApiError } from '../http/errors';
import { createUser } from './users';

/**
 * `npm run user:add -- --username admin.stormarn --office stormarn --roles admin --name "Administration Stormarn"`
 * with the password in OBHUT_NEW_PASSWORD (never on the command line, where `ps` shows it). For the first admin
 * of an office and for Verbund-wide roles (coordinator), which no office admin can give; everything else goes
 * through the admin API. Recorded in the audit trail like the API.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      office: { type: 'string' },
      roles: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const roles = (values.roles ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const password = process.env.OBHUT_NEW_PASSWORD;
  if (
    !values.username ||
    !isOfficeId(values.office) ||
    !roles.length ||
    !roles.every((r) => (ROLES as readonly string[]).includes(r)) ||
    !password
  ) {
    console.error(
      'Aufruf: OBHUT_NEW_PASSWORD=… npm run user:add -- --username <name> --office <amt> --roles <rolle,…> [--name "<Anzeigename>"]\n' +
        `Ämter: segeberg, stormarn, herzogtum-lauenburg, pinneberg, norderstedt. Rollen: ${ROLES.join(', ')}.`,
    );
    return 2;
  }
  let db: Db;
  if (process.env.DATABASE_URL) db = openPostgres(process.env.DATABASE_URL);
  else db = await (await import('../db/pglite')).openPglite(process.env.OBHUT_DATA_DIR || 'data');
  try {
    await migrate(db);
    const office = values.office;
    const user = await createUser(
      db,
      {
        user: { id: 'kommandozeile', officeId: office, roles: ['admin'] },
        actor: { userId: 'kommandozeile', username: 'kommandozeile', deviceId: null, address: 'lokal' },
        verbund: true,
      },
      {
        username: values.username,
        displayName: values.name ?? values.username,
        officeId: office,
        roles: roles,
        password,
      },
    );
    console.log(`Benutzerkonto ${user.username} (${user.roles.join(', ')}, ${user.officeId}) angelegt.`);
    return 0;
  } catch (err) {
    console.error(err instanceof ApiError ? errors[err.code] : `Fehler: ${(err as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

void main().then((code) => process.exit(code));
