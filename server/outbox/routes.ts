import type { FastifyRequest } from 'fastify';

import type { OutboxCredential, OutboxDeliverResponse } from '../../shared/sync/outbox';
import type { AuditEvent } from '../audit/chain';
import { appendAudit, audit } from '../audit/log';
import { authOf } from '../auth/caller';
import { deviceHeader } from '../auth/sessions';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { ANONYMOUS_BODY_MAX_BYTES } from '../http/oversized-body';
import type { RoutePlugin } from '../http/type-provider';
import { claimDelivery, issueCredential, type LiveCredential, liveCredential, releaseDelivery } from './credentials';
import { deliverPayload, parsePayload } from './deliver';
import { openSeal } from './seal';

const deliverBody = {
  type: 'object',
  required: ['token', 'iv', 'ciphertext'],
  additionalProperties: false,
  properties: {
    token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,200}$' },
    iv: { type: 'string', maxLength: 64 },
    ciphertext: { type: 'string', maxLength: ANONYMOUS_BODY_MAX_BYTES },
  },
} as const;

/** An audit row under the outbox's author and device (a delivery carries no session). */
const authorEvent = (
  credential: LiveCredential,
  request: FastifyRequest,
  event: Pick<AuditEvent, 'action' | 'details'>,
): AuditEvent => ({
  ...event,
  actorId: credential.user.id,
  actorName: credential.user.username,
  officeId: credential.user.officeId,
  deviceId: credential.deviceId,
  address: request.ip,
});

/**
 * The outbox of a logged-out author (docs/outbox.md). `credential`: a session obtains the key its app seals the
 * user's unsent changes with. `deliver`: whoever is logged in on that device next (or nobody) hands the sealed
 * outbox in; the token is only good for this, only from that device, and the rows go in as the author's.
 */
export const outboxRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('outboxCredential'),
    handler: async (request, reply): Promise<OutboxCredential> => {
      const { user, deviceId } = authOf(request);
      void reply.header('cache-control', 'no-store');
      return issueCredential(db, user, deviceId, request.ip);
    },
  });

  app.route({
    ...routeOptions('outboxDeliver'),
    // No session comes with a delivery: it gets no more than any caller without one (server/http/oversized-body.ts).
    bodyLimit: ANONYMOUS_BODY_MAX_BYTES,
    schema: { body: deliverBody },
    handler: async (request): Promise<OutboxDeliverResponse> => {
      const { token, iv, ciphertext } = request.body;
      const credential = await liveCredential(db, token, deviceHeader(request));
      if (!credential) throw new ApiError(401, 'outbox_unknown');
      const refuse = async (code: 'outbox_seal_invalid' | 'outbox_stale') => {
        await audit(db, authorEvent(credential, request, { action: 'outbox.refused', details: { code } }));
        return new ApiError(code === 'outbox_stale' ? 409 : 400, code);
      };
      const text = openSeal(credential.key, iv, ciphertext);
      if (text === null) throw await refuse('outbox_seal_invalid');
      const payload = parsePayload(text, credential);
      if (!(await claimDelivery(db, credential.tokenHash, payload.sealedAt))) throw await refuse('outbox_stale');
      let result: OutboxDeliverResponse;
      try {
        result = await deliverPayload(db, credential, payload, request.ip);
      } catch (err) {
        // Not delivered after all (the database went away): the same outbox may be handed in again.
        await releaseDelivery(db, credential);
        throw err;
      }
      const details = { written: result.written, rejected: result.rejected.length };
      await db.transaction((tx) =>
        appendAudit(tx, authorEvent(credential, request, { action: 'outbox.delivered', details })),
      );
      return result;
    },
  });
};
