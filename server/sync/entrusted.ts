import { withholdFromEntries, withholdFromIntake } from '../../shared/privacy/entrusted';
import type { EntryWire } from '../../shared/schema/entry';
import type { Intake, IntakeWire } from '../../shared/schema/intake';
import type { WireDocument } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';

/**
 * Entrusted data (§ 65 SGB VIII) stays in the office it was entrusted to: a copy read by another office (a
 * handed-over record and its log, server/sync/handover.ts) leaves out what the rule (shared/privacy/entrusted.ts)
 * withholds from a handover. Every read of the feed - pull and stream - passes through here, so no path hands it
 * out. The stored document is unchanged; the own office reads everything.
 */
export async function withholdFromOtherOffices(
  q: Queryable,
  collection: string,
  ownOffices: readonly string[],
  docs: WireDocument[],
): Promise<WireDocument[]> {
  const foreign = (d: WireDocument) => !ownOffices.includes(d.officeId);
  if (!docs.some(foreign)) return docs;
  if (collection === 'intakes') {
    return docs.map((d) => (foreign(d) ? withholdFromIntake(d as IntakeWire, 'handover') : d));
  }
  if (collection !== 'entries') return docs;
  const intakeIds = [...new Set(docs.filter(foreign).map((d) => (d as EntryWire).intakeId))];
  const { rows } = await q.query<{ id: string; entrusted: Intake['entrusted'] | null }>(
    `SELECT id, data->'entrusted' AS entrusted FROM documents WHERE collection = 'intakes' AND id = ANY($1::text[])`,
    [intakeIds],
  );
  const marks = new Map(rows.map((r) => [r.id, r.entrusted ?? undefined]));
  return docs.map((d) => {
    if (!foreign(d)) return d;
    const entry = d as EntryWire;
    return withholdFromEntries([entry], { entrusted: marks.get(entry.intakeId) }, 'handover')[0];
  });
}
