import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { Queryable } from '../db/db';

/** The SQL of the access request (server/privacy/routes.ts): the records, logs and audit rows of one person. */

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');

/**
 * Records the office holds (its own and those handed over to it) whose child has this last name; the caller
 * compares first name and birth date (shared/privacy/access-request.ts). Deleted records hold no content.
 */
export async function recordsByLastName(q: Queryable, officeId: string, lastName: string): Promise<IntakeWire[]> {
  const { rows } = await q.query<{ data: IntakeWire }>(
    `SELECT data FROM documents
      WHERE collection = 'intakes' AND NOT deleted
        AND (office_id = $1 OR data->'review'->>'handedOverTo' = $1)
        AND lower(regexp_replace(btrim(data->'child'->>'lastName'), '\\s+', ' ', 'g')) = $2
      ORDER BY data->>'receivedAt', id`,
    [officeId, norm(lastName)],
  );
  return rows.map((r) => r.data);
}

/** The log lines of these records written by `officeId` or by the record's own office, oldest first. */
export async function logsOf(q: Queryable, records: IntakeWire[], officeId: string): Promise<EntryWire[]> {
  if (records.length === 0) return [];
  const { rows } = await q.query<{ data: EntryWire }>(
    `SELECT e.data FROM documents e
       JOIN documents i ON i.collection = 'intakes' AND i.id = e.data->>'intakeId'
      WHERE e.collection = 'entries' AND NOT e.deleted AND i.id = ANY($1::text[])
        AND (e.office_id = $2 OR e.office_id = i.office_id)
      ORDER BY (e.data->>'at')::bigint, e.id`,
    [records.map((r) => r.id), officeId],
  );
  return rows.map((r) => r.data);
}

export type AuditRowAbout = {
  at: Date | string;
  action: string;
  actor_name: string | null;
  device_id: string | null;
  office_id: string | null;
  /** The ids of `ids` the row concerns. */
  about: string[];
};

/**
 * Audit rows that name any of these document ids: as their target (opened, exported, handed over) or in the
 * documents a sync read, a conflict answer or a write handed out or changed. Ids only, never details.
 */
export async function auditAbout(q: Queryable, ids: string[]): Promise<AuditRowAbout[]> {
  if (ids.length === 0) return [];
  const { rows } = await q.query<AuditRowAbout>(
    `SELECT a.at, a.action, a.actor_name, a.device_id, a.office_id,
            ARRAY(SELECT DISTINCT x FROM unnest(
              ARRAY[a.target]
              || COALESCE(ARRAY(SELECT jsonb_array_elements_text(a.details->'ids')), '{}')
              || COALESCE(ARRAY(SELECT d->>'id' FROM jsonb_array_elements(a.details->'documents') d), '{}')
            ) x WHERE x = ANY($1::text[])) AS about
       FROM audit_log a
      WHERE a.target = ANY($1::text[])
         OR (jsonb_typeof(a.details->'ids') = 'array' AND a.details->'ids' ?| $1::text[])
         OR (jsonb_typeof(a.details->'documents') = 'array' AND EXISTS (
              SELECT 1 FROM jsonb_array_elements(a.details->'documents') d WHERE d->>'id' = ANY($1::text[])))
      ORDER BY a.id`,
    [ids],
  );
  return rows;
}
