import type { LocalEventsResponse } from '../../shared/local-events';
import { type AccessAnswer, parseAccessRequest } from '../../shared/privacy/access-request';
import { actorOf, authOf } from '../auth/caller';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import type { RoutePlugin } from '../http/type-provider';
import { answerAccessRequest } from './access-request';
import { parseLocalEvents, recordLocalEvents } from './local-events';

/** Any value is let through to parseAccessRequest, which answers invalid_access_request. */
const accessRequestBody = { type: 'object', properties: { firstName: {}, lastName: {}, birthDate: {} } } as const;

/**
 * POST /api/v1/local-events (shared/local-events.ts): what the caller's laptop showed or let out, as audit rows.
 * POST /api/v1/privacy/access-request (shared/privacy/access-request.ts): a supervisor's answer to a person's
 * request for information (Art. 15 DSGVO, § 83 SGB X), for the own office, audited.
 */
export const privacyRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('localEvents'),
    handler: async (request): Promise<LocalEventsResponse> => {
      const events = parseLocalEvents(request.body);
      return { recorded: await recordLocalEvents(db, authOf(request).user, actorOf(request), events) };
    },
  });
  app.route({
    ...routeOptions('accessRequest'),
    schema: { body: accessRequestBody },
    handler: async (request, reply): Promise<AccessAnswer> => {
      const asked = parseAccessRequest(request.body);
      if (!asked) throw new ApiError(400, 'invalid_access_request');
      // Personal data of a moment: not to be kept by caches between the app and the server.
      void reply.header('cache-control', 'no-store');
      return answerAccessRequest(db, authOf(request).user, actorOf(request), asked);
    },
  });
};
