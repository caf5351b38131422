import type { FromSchema } from 'json-schema-to-ts';

import { OFFICE_IDS } from '../../shared/offices';
import { periodProblem, type VerbundOverview } from '../../shared/overview';
import { suppressSmallCounts } from '../../shared/overview-suppression';
import { authOf } from '../auth/caller';
import { scopeOf } from '../authz/enforce';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import type { RoutePlugin } from '../http/type-provider';
import { verbundOverview } from './query';

/** Any value is let through to parsePeriod, which answers invalid_period (a schema's failure: invalid_request). */
const periodQuery = { type: 'object', properties: { from: {}, to: {} } } as const;

/** `from` and `to` as given: one text each (a repeated parameter arrives as an array and is refused). */
export function parsePeriod(query: FromSchema<typeof periodQuery>): { from: string; to: string } {
  const { from, to } = query;
  if (typeof from !== 'string' || typeof to !== 'string' || periodProblem(from, to) !== null) {
    throw new ApiError(400, 'invalid_period');
  }
  return { from, to };
}

/**
 * GET /api/v1/overview?from=YYYY-MM-DD&to=YYYY-MM-DD: the Verbund overview (shared/overview.ts), counts only,
 * counts below three suppressed.
 * Who may read it, and of which offices, is the table's `overview.read` (shared/rules/authz.ts).
 */
export const overviewRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('overview'),
    schema: { querystring: periodQuery },
    handler: async (request, reply): Promise<VerbundOverview> => {
      const { from, to } = parsePeriod(request.query);
      const scope = scopeOf(authOf(request).user, 'overview', 'read');
      const offices = scope === 'all' ? [...OFFICE_IDS] : scope === 'none' ? [] : [...scope.offices];
      // Figures of a moment: not to be kept by caches between the app and the server.
      void reply.header('cache-control', 'no-store');
      // Counts of 1 and 2 (and medians over them) never leave the server.
      return suppressSmallCounts(await verbundOverview(db, from, to, offices));
    },
  });
};
