import type { LocalEventsResponse } from '../../shared/local-events';
import { actorOf, authOf } from '../auth/caller';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import type { RoutePlugin } from '../http/type-provider';
import { parseLocalEvents, recordLocalEvents } from './local-events';

/** POST /api/v1/local-events (shared/local-events.ts): what the caller's laptop showed or let out, as audit rows. */
export const privacyRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('localEvents'),
    handler: async (request): Promise<LocalEventsResponse> => {
      const events = parseLocalEvents(request.body);
      return { recorded: await recordLocalEvents(db, authOf(request).user, actorOf(request), events) };
    },
  });
};
