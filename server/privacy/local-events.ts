import type { FastifyInstance } from 'fastify';

import { isLocalEvent, LOCAL_EVENTS_MAX, type LocalEvent, type LocalEventsResponse } from '../../shared/local-events';
import { actorFields, type AuditEvent } from '../audit/chain';
import { appendAudit } from '../audit/log';
import { ROUTES } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';

const route = <N extends keyof typeof ROUTES>(name: N) => ({
  method: ROUTES[name].method,
  url: ROUTES[name].url,
  config: { authz: ROUTES[name].authz },
});

/** The events of a request body, or 400 invalid_request: a list of 1..LOCAL_EVENTS_MAX well-formed events. */
export function parseLocalEvents(body: unknown): LocalEvent[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (
    !Array.isArray(events) ||
    events.length === 0 ||
    events.length > LOCAL_EVENTS_MAX ||
    Object.keys(body as object).length !== 1 ||
    !events.every(isLocalEvent)
  ) {
    throw new ApiError(400, 'invalid_request');
  }
  return events;
}

/**
 * POST /api/v1/local-events (shared/local-events.ts): what the caller's laptop showed or let out becomes audit
 * rows - `case.opened` or `case.export` with the kind - under the session's user and device. The office of a row
 * is the record's (so its admins and its data protection officer see it), else the caller's. An event id already
 * recorded is skipped, so a laptop may resend a queue whose answer it never got.
 */
export function registerLocalEventRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.route({
    ...route('localEvents'),
    handler: async (request): Promise<LocalEventsResponse> => {
      const events = parseLocalEvents(request.body);
      const { user, deviceId } = request.auth!;
      const actor = actorFields({ userId: user.id, username: user.username, deviceId, address: request.ip });
      return db.transaction(async (tx) => {
        const ids = events.map((e) => e.id);
        const { rows: seen } = await tx.query<{ id: string }>(
          `SELECT details->>'eventId' AS id FROM audit_log
            WHERE details ? 'eventId' AND details->>'eventId' = ANY($1::text[]) AND actor_id = $2`,
          [ids, user.id],
        );
        const recordIds = events.flatMap((e) => (e.recordId ? [e.recordId] : []));
        const { rows: offices } = await tx.query<{ id: string; office_id: string }>(
          `SELECT id, office_id FROM documents WHERE collection = 'intakes' AND id = ANY($1::text[])`,
          [recordIds],
        );
        const officeOf = new Map(offices.map((r) => [r.id, r.office_id]));
        const done = new Set(seen.map((r) => r.id));
        const rows: AuditEvent[] = [];
        for (const e of events) {
          if (done.has(e.id)) continue;
          done.add(e.id);
          rows.push({
            action: e.kind === 'opened' ? 'case.opened' : 'case.export',
            ...actor,
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
        return { recorded: rows.length };
      });
    },
  });
}
