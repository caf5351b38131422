import { isLocalEvent, LOCAL_EVENTS_MAX, type LocalEvent } from '../../shared/local-events';
import type { SessionUser } from '../../shared/sync/protocol';
import { actorFields, type AuditActor, type AuditEvent } from '../audit/chain';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { recordedEventIds, recordOffices } from './local-events-store';

/** The events of a request body, or 400 invalid_request: a list of 1..LOCAL_EVENTS_MAX well-formed events. */
export function parseLocalEvents(body: unknown): LocalEvent[] {
  const events =
    typeof body === 'object' && body !== null && 'events' in body && Object.keys(body).length === 1
      ? body.events
      : undefined;
  if (
    !Array.isArray(events) ||
    events.length === 0 ||
    events.length > LOCAL_EVENTS_MAX ||
    !events.every(isLocalEvent)
  ) {
    throw new ApiError(400, 'invalid_request');
  }
  return events;
}

/**
 * What the caller's laptop showed or let out becomes audit rows - `case.opened` or `case.export` with the kind -
 * under the session's user and device. The office of a row is the record's (so its admins and its data protection
 * officer see it), else the caller's. An event id already recorded is skipped, so a laptop may resend a queue whose
 * answer it never got. Returns how many rows were written.
 */
export async function recordLocalEvents(
  db: Db,
  user: SessionUser,
  actor: AuditActor,
  events: LocalEvent[],
): Promise<number> {
  return db.transaction(async (tx) => {
    const done = await recordedEventIds(
      tx,
      user.id,
      events.map((e) => e.id),
    );
    const officeOf = await recordOffices(
      tx,
      events.flatMap((e) => (e.recordId ? [e.recordId] : [])),
    );
    const rows: AuditEvent[] = [];
    for (const e of events) {
      if (done.has(e.id)) continue;
      done.add(e.id);
      rows.push({
        action: e.kind === 'opened' ? 'case.opened' : 'case.export',
        ...actorFields(actor),
        officeId: (e.recordId && officeOf.get(e.recordId)) || user.officeId,
        target: e.recordId ?? null,
        details: {
          eventId: e.id,
          kind: e.kind,
          at: new Date(e.at).toISOString(),
          ...(e.year !== undefined ? { year: e.year } : {}),
          ...(e.count !== undefined ? { count: e.count } : {}),
        },
      });
    }
    await appendAudit(tx, ...rows);
    return rows.length;
  });
}
