import { domain } from '../../shared/i18n/de/domain';
import { OFFICE_IDS, type OfficeId } from '../../shared/offices';
import type { Role } from '../../shared/roles';
import type { SessionUser } from '../../shared/sync/protocol';
import { hashPassword } from '../auth/password';
import type { Db } from '../db/db';
import { collectionByName } from '../sync/collections';
import { push } from '../sync/push';
import { seedContacts } from './contacts';
import { seedPlacement } from './placement';
import { demoRecords } from './records';

export const DEMO_PASSWORD = 'obhut-demo';

type DemoUser = { username: string; displayName: string; officeId: OfficeId; roles: Role[] };

/** Demo accounts of docs/api.md. Coordination and administration sit in Segeberg (an office is required). */
export function demoUsers(): DemoUser[] {
  return [
    ...OFFICE_IDS.flatMap((office): DemoUser[] => [
      {
        username: `bereitschaft.${office}`,
        displayName: `Bereitschaft ${domain.offices[office]}`,
        officeId: office,
        roles: ['oncall'],
      },
      {
        username: `leitung.${office}`,
        displayName: `Leitung ${domain.offices[office]}`,
        officeId: office,
        roles: ['supervisor'],
      },
    ]),
    { username: 'koordination', displayName: 'Verbund-Koordination', officeId: 'segeberg', roles: ['coordinator'] },
    { username: 'admin', displayName: 'Administration', officeId: 'segeberg', roles: ['admin'] },
  ];
}

/**
 * Creates the demo users, night records and their logs where missing; re-running changes nothing (users are inserted
 * with ON CONFLICT DO NOTHING; documents already stored are left alone).
 */
export async function seedDemo(db: Db, now = Date.now()): Promise<void> {
  const users = demoUsers();
  const { rows } = await db.query<{ username: string }>('SELECT username FROM users WHERE username = ANY($1::text[])', [
    users.map((u) => u.username),
  ]);
  const existing = new Set(rows.map((r) => r.username));
  const missing = users.filter((u) => !existing.has(u.username));
  // One hash for all: the demo password is public anyway, and twelve scrypt runs would slow every start by a second.
  const hash = missing.length ? await hashPassword(DEMO_PASSWORD) : '';
  for (const u of missing) {
    await db.query(
      `INSERT INTO users (id, username, display_name, office_id, roles, password_hash) VALUES ($1, $1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [u.username, u.displayName, u.officeId, u.roles, hash],
    );
  }

  const intakes = collectionByName('intakes')!;
  const entries = collectionByName('entries')!;
  for (const office of OFFICE_IDS) {
    const author = `bereitschaft.${office}`;
    const user: SessionUser = {
      id: author,
      username: author,
      displayName: author,
      officeId: office,
      roles: ['oncall'],
    };
    const records = demoRecords(office, author, now);
    const writer = { userId: author, deviceId: null };
    for (const [def, all] of [
      [intakes, records.intakes],
      [entries, records.entries],
    ] as const) {
      // Only what is missing: demo times are "now", so a second start (or a second instance) would otherwise
      // try to rewrite stored log entries, which the server rightly refuses as immutable.
      const stored = await db.query<{ id: string }>(
        'SELECT id FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
        [def.name, all.map((d) => d.id)],
      );
      const have = new Set(stored.rows.map((r) => r.id));
      const docs = all.filter((d) => !have.has(d.id));
      if (!docs.length) continue;
      const pushed = await push(
        db,
        def,
        user,
        docs.map((doc) => ({ newDocumentState: doc })),
        writer,
      );
      // Two instances starting together both seed; what the other one stored meanwhile is not an error.
      const nowStored = await db.query<{ id: string }>(
        'SELECT id FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
        [def.name, pushed.rejected.map((r) => r.id)],
      );
      const storedMeanwhile = new Set(nowStored.rows.map((r) => r.id));
      const rejected = pushed.rejected.filter((r) => !(r.code === 'entry_immutable' && storedMeanwhile.has(r.id)));
      // Demo data the server refuses is a bug of the seed: say so at start-up rather than start half empty.
      if (rejected.length) throw new Error(`demo ${def.name} refused: ${JSON.stringify(rejected)}`);
    }
  }
  await seedPlacement(db, now);
  await seedContacts(db, now);
}
