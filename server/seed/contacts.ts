import { demoContactAuthor, demoContacts } from '../../shared/demo/contacts';
import type { ContactOwner, ContactWire } from '../../shared/schema/contact';
import type { SessionUser } from '../../shared/sync/protocol';
import type { Db } from '../db/db';
import { collectionByName } from '../sync/collections';
import { push } from '../sync/push';

/**
 * The demo night directory, pushed by each owner's keeper (an office's supervisor, the coordination) through the
 * same push as every client, so the collection's rules apply. Only missing entries are pushed: rosters are placed
 * around "now", and a restart must not rewrite what is stored.
 */
export async function seedContacts(db: Db, now: number): Promise<void> {
  const def = collectionByName('contacts')!;
  const all = demoContacts(now);
  const stored = await db.query<{ id: string }>(
    'SELECT id FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
    [def.name, all.map((c) => c.id)],
  );
  const have = new Set(stored.rows.map((r) => r.id));
  const byOwner = new Map<ContactOwner, ContactWire[]>();
  for (const c of all) {
    if (have.has(c.id)) continue;
    byOwner.set(c.officeId, [...(byOwner.get(c.officeId) ?? []), { ...c, _deleted: false }]);
  }
  for (const [owner, docs] of byOwner) {
    const id = demoContactAuthor(owner);
    const user: SessionUser = {
      id,
      username: id,
      displayName: id,
      officeId: owner === 'verbund' ? 'segeberg' : owner,
      roles: [owner === 'verbund' ? 'coordinator' : 'supervisor'],
    };
    const res = await push(
      db,
      def,
      user,
      docs.map((doc) => ({ newDocumentState: doc })),
      { userId: id, deviceId: null },
    );
    // A second instance seeding at the same time stores the same entries: those come back as conflicts, fine.
    if (res.rejected.length) throw new Error(`demo contacts refused: ${JSON.stringify(res.rejected)}`);
  }
}
