import type { Queryable } from '../db/db';

/** Which of these event ids this user has already had recorded (a laptop resends a queue it got no answer for). */
export async function recordedEventIds(q: Queryable, userId: string, eventIds: string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT details->>'eventId' AS id FROM audit_log
      WHERE details ? 'eventId' AND details->>'eventId' = ANY($1::text[]) AND actor_id = $2`,
    [eventIds, userId],
  );
  return new Set(rows.map((r) => r.id));
}

/** The office of each of these records that exists. */
export async function recordOffices(q: Queryable, recordIds: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; office_id: string }>(
    `SELECT id, office_id FROM documents WHERE collection = 'intakes' AND id = ANY($1::text[])`,
    [recordIds],
  );
  return new Map(rows.map((r) => [r.id, r.office_id]));
}
