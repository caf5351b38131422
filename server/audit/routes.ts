import { Readable } from 'node:stream';

import { berlinTime, endOfBerlinDay } from '../../shared/deadlines/calendar';
import { audit as labels } from '../../shared/i18n/de/audit';
import { dayNumber, ISO_DATE_PATTERN } from '../../shared/overview';
import type { AuditPage } from '../../shared/sync/protocol';
import { actorOf, authOf } from '../auth/caller';
import { officesFor } from '../authz/enforce';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { officeQuery } from '../http/schemas';
import type { RoutePlugin } from '../http/type-provider';
import { actorFields } from './chain';
import { auditCsv, toAuditEntry } from './export';
import { audit, auditHead, deviceNames, readAudit } from './log';

const auditQuery = {
  type: 'object',
  properties: {
    officeId: officeQuery.properties.officeId,
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    after: { type: 'integer', minimum: 0 },
    before: { type: 'integer', minimum: 1 },
    action: { type: 'string', minLength: 1, maxLength: 100 },
    actorId: { type: 'string', minLength: 1, maxLength: 200 },
    from: { type: 'string', pattern: ISO_DATE_PATTERN.source },
    to: { type: 'string', pattern: ISO_DATE_PATTERN.source },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

/** A yyyy-mm-dd of the query as the first or last instant of that day in Berlin; a day that does not exist is refused. */
function berlinBound(iso: string | undefined, end: boolean): number | undefined {
  if (iso === undefined) return undefined;
  if (dayNumber(iso) === null) throw new ApiError(400, 'invalid_period');
  const [year, month, day] = iso.split('-').map(Number);
  return end ? endOfBerlinDay({ year, month, day }) : berlinTime({ year, month, day }, 0);
}

const scopeDetails = (offices: readonly string[] | 'all') => ({ offices: offices === 'all' ? 'all' : [...offices] });

/** The audit trail of the admin's own office: read page by page, or exported as CSV (shared/rules/authz.ts). */
export const auditRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('readAudit'),
    schema: { querystring: auditQuery },
    handler: async (request): Promise<AuditPage> => {
      const { officeId, order, after, before, action, actorId, from, to, limit } = request.query;
      const { user } = authOf(request);
      const offices = officesFor(user, 'audit', 'read', officeId);
      const period = { from: berlinBound(from, false), to: berlinBound(to, true) };
      const filter = { offices, order, after, before, action, actorId, ...period, limit };
      const [rows, head] = await Promise.all([readAudit(db, filter), auditHead(db)]);
      const narrowed = Object.fromEntries(Object.entries({ action, actorId, from, to }).filter(([, v]) => v));
      await audit(db, {
        action: 'audit.viewed',
        ...actorFields(actorOf(request)),
        officeId: user.officeId,
        details: {
          ...scopeDetails(offices),
          ...narrowed,
          order,
          ...(order === 'desc' ? { before: before ?? null } : { after: after ?? 0 }),
          count: rows.length,
        },
      });
      return { entries: rows.map(toAuditEntry), head, deviceNames: await deviceNames(db, rows, offices) };
    },
  });

  app.route({
    ...routeOptions('exportAudit'),
    schema: { querystring: officeQuery },
    handler: async (request, reply) => {
      const { user } = authOf(request);
      const offices = officesFor(user, 'audit', 'export', request.query.officeId);
      // Recorded before the download starts: an export that breaks off half-way was still an export.
      await audit(db, {
        action: 'audit.exported',
        ...actorFields(actorOf(request)),
        officeId: user.officeId,
        details: scopeDetails(offices),
      });
      const head = await auditHead(db);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${labels.csvFileName}-${day}.csv"`)
        .header('x-obhut-audit-head', `${head.seq}:${head.hash}`)
        .send(Readable.from(auditCsv(db, offices)));
    },
  });
};
