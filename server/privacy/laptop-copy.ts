import type { LaptopCopy } from '../../shared/privacy/laptop-purge';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { SessionUser, WireDocument } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import { collectionByName, presentTo } from '../sync/collections';
import { withholdFromOtherOffices } from '../sync/entrusted';
import { handedOverFilter } from '../sync/handover';

/**
 * One record and its log as the user's pull would show them (same read scope, handover rule, § 65 withholding and
 * view), for a laptop that removed its copy (shared/privacy/laptop-purge.ts) and is asked to open it again. Null
 * when the user may not read it, or it is deleted.
 */
export async function readLaptopCopy(q: Queryable, user: SessionUser, intakeId: string): Promise<LaptopCopy | null> {
  const intakes = await readScoped(q, user, 'intakes', 'id = $2', intakeId);
  const intake = intakes.find((d) => !d._deleted);
  if (!intake) return null;
  const entries = await readScoped(q, user, 'entries', `data->>'intakeId' = $2`, intakeId);
  return { intake: intake as IntakeWire, entries: entries as EntryWire[] };
}

async function readScoped(
  q: Queryable,
  user: SessionUser,
  collection: 'intakes' | 'entries',
  where: string,
  intakeId: string,
): Promise<WireDocument[]> {
  const def = collectionByName(collection)!;
  const scope = def.readScope(user);
  if (scope === 'none') return [];
  const offices = scope === 'all' ? null : [...scope.offices];
  const officeFilter = offices ? `AND (office_id = ANY($3::text[]) OR ${handedOverFilter(collection, '$3')})` : '';
  const { rows } = await q.query<{ data: WireDocument }>(
    `SELECT data FROM documents WHERE collection = $1 AND ${where} ${officeFilter} ORDER BY seq`,
    [collection, intakeId, ...(offices ? [offices] : [])],
  );
  const docs = rows.map((r) => r.data);
  const shown = offices ? await withholdFromOtherOffices(q, collection, offices, docs) : docs;
  return presentTo(def, q, user, shown);
}
