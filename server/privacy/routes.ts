import type { LocalEventsResponse } from '../../shared/local-events';
import { type AccessAnswer, parseAccessRequest } from '../../shared/privacy/access-request';
import type { LaptopCopy } from '../../shared/privacy/laptop-purge';
import { audit } from '../audit/log';
import { pullEvents } from '../audit/sync-events';
import { actorOf, authOf } from '../auth/caller';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import type { RoutePlugin } from '../http/type-provider';
import { answerAccessRequest } from './access-request';
import { readLaptopCopy } from './laptop-copy';
import { parseLocalEvents, recordLocalEvents } from './local-events';

/** Any value is let through to parseAccessRequest, which answers invalid_access_request. */
const accessRequestBody = { type: 'object', properties: { firstName: {}, lastName: {}, birthDate: {} } } as const;

/**
 * POST /api/v1/local-events (shared/local-events.ts): what the caller's laptop showed or let out, as audit rows.
 * POST /api/v1/privacy/access-request (shared/privacy/access-request.ts): a supervisor's answer to a person's
 * request for information (Art. 15 DSGVO, § 83 SGB X), for the own office, audited.
 * GET /api/v1/privacy/laptop-copy/:id (shared/privacy/laptop-purge.ts): a record and its log as the caller's pull
 * shows them, for a laptop that removed its copy; audited as a pull.
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
  app.route({
    ...routeOptions('laptopCopy'),
    schema: { params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } }, required: ['id'] } },
    handler: async (request, reply): Promise<LaptopCopy> => {
      const { user } = authOf(request);
      const copy = await readLaptopCopy(db, user, request.params.id);
      if (!copy) throw new ApiError(404, 'record_not_on_server');
      void reply.header('cache-control', 'no-store');
      const actor = actorOf(request);
      await audit(db, ...pullEvents(actor, 'intakes', [copy.intake]), ...pullEvents(actor, 'entries', copy.entries));
      return copy;
    },
  });
};
