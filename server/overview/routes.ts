import type { FastifyInstance } from 'fastify';

import { OFFICE_IDS } from '../../shared/offices';
import { periodProblem, type VerbundOverview } from '../../shared/overview';
import { suppressSmallCounts } from '../../shared/overview-suppression';
import { scopeOf } from '../authz/enforce';
import { ROUTES } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { verbundOverview } from './query';

const route = <N extends keyof typeof ROUTES>(name: N) => ({
  method: ROUTES[name].method,
  url: ROUTES[name].url,
  config: { authz: ROUTES[name].authz },
});

/** `from` and `to` as given: one text each (a repeated parameter arrives as an array and is refused). */
export function parsePeriod(query: unknown): { from: string; to: string } {
  const { from, to } = (query ?? {}) as Record<string, unknown>;
  if (typeof from !== 'string' || typeof to !== 'string' || periodProblem(from, to) !== null) {
    throw new ApiError(400, 'invalid_period');
  }
  return { from, to };
}

/**
 * GET /api/v1/overview?from=YYYY-MM-DD&to=YYYY-MM-DD: the Verbund overview (shared/overview.ts), counts only,
 * counts below three suppressed.
 * Who may read it, and of which offices, is the table's `overview.read` (server/authz/table.ts).
 */
export function registerOverviewRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.route({
    ...route('overview'),
    handler: async (request, reply): Promise<VerbundOverview> => {
      const { from, to } = parsePeriod(request.query);
      const scope = scopeOf(request.auth!.user, 'overview', 'read');
      const offices = scope === 'all' ? [...OFFICE_IDS] : scope === 'none' ? [] : [...scope.offices];
      // Figures of a moment: not to be kept by caches between the app and the server.
      void reply.header('cache-control', 'no-store');
      // Counts of 1 and 2 (and medians over them) never leave the server.
      return suppressSmallCounts(await verbundOverview(db, from, to, offices));
    },
  });
}
