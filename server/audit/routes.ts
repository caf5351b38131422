import { Readable } from 'node:stream';

import { audit as labels } from '../../shared/i18n/de/audit';
import type { AuditPage } from '../../shared/sync/protocol';
import { actorOf, authOf } from '../auth/caller';
import { officesFor } from '../authz/enforce';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { officeQuery } from '../http/schemas';
import type { RoutePlugin } from '../http/type-provider';
import { actorFields } from './chain';
import { auditCsv, toAuditEntry } from './export';
import { audit, auditHead, readAudit } from './log';

const auditQuery = {
  type: 'object',
  properties: {
    officeId: officeQuery.properties.officeId,
    after: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
  },
} as const;

const scopeDetails = (offices: readonly string[] | 'all') => ({ offices: offices === 'all' ? 'all' : [...offices] });

/** The audit trail of the admin's own office: read page by page, or exported as CSV (shared/rules/authz.ts). */
export const auditRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('readAudit'),
    schema: { querystring: auditQuery },
    handler: async (request): Promise<AuditPage> => {
      const { officeId, after, limit } = request.query;
      const { user } = authOf(request);
      const offices = officesFor(user, 'audit', 'read', officeId);
      const [rows, head] = await Promise.all([readAudit(db, { offices, after, limit }), auditHead(db)]);
      await audit(db, {
        action: 'audit.viewed',
        ...actorFields(actorOf(request)),
        officeId: user.officeId,
        details: { ...scopeDetails(offices), after: after ?? 0, count: rows.length },
      });
      return { entries: rows.map(toAuditEntry), head };
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
