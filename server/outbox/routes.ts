import type { FastifyInstance } from 'fastify';

import type { OutboxCredential, OutboxDeliverRequest, OutboxDeliverResponse } from '../../shared/sync/outbox';
import { appendAudit, audit } from '../audit/log';
import { deviceHeader } from '../auth/sessions';
import { ROUTES } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import { ANONYMOUS_BODY_MAX_BYTES } from '../http/oversized-body';
import { issueCredential, liveCredential } from './credentials';
import { deliverPayload, parsePayload } from './deliver';
import { openSeal } from './seal';

const route = <N extends keyof typeof ROUTES>(name: N) => ({
  method: ROUTES[name].method,
  url: ROUTES[name].url,
  config: { authz: ROUTES[name].authz },
});

const deliverBodySchema = {
  type: 'object',
  required: ['token', 'iv', 'ciphertext'],
  additionalProperties: false,
  properties: {
    token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,200}$' },
    iv: { type: 'string', maxLength: 64 },
    ciphertext: { type: 'string', maxLength: ANONYMOUS_BODY_MAX_BYTES },
  },
} as const;

/**
 * The outbox of a logged-out author (docs/outbox.md). `credential`: a session obtains the key its app seals the
 * user's unsent changes with. `deliver`: whoever is logged in on that device next (or nobody) hands the sealed
 * outbox in; the token is only good for this, only from that device, and the rows go in as the author's.
 */
export function registerOutboxRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.route({
    ...route('outboxCredential'),
    handler: async (request, reply): Promise<OutboxCredential> => {
      const { user, deviceId } = request.auth!;
      void reply.header('cache-control', 'no-store');
      return issueCredential(db, user, deviceId, request.ip);
    },
  });

  app.route({
    ...route('outboxDeliver'),
    // No session comes with a delivery: it gets no more than any caller without one (server/http/oversized-body.ts).
    bodyLimit: ANONYMOUS_BODY_MAX_BYTES,
    schema: { body: deliverBodySchema },
    handler: async (request): Promise<OutboxDeliverResponse> => {
      const body = request.body as OutboxDeliverRequest;
      const credential = await liveCredential(db, body.token, deviceHeader(request));
      if (!credential) throw new ApiError(401, 'outbox_unknown');
      const text = openSeal(credential.key, body.iv, body.ciphertext);
      const refuse = async (code: 'outbox_seal_invalid' | 'outbox_stale') => {
        await audit(db, {
          action: 'outbox.refused',
          actorId: credential.user.id,
          actorName: credential.user.username,
          officeId: credential.user.officeId,
          deviceId: credential.deviceId,
          address: request.ip,
          details: { code },
        });
        return new ApiError(code === 'outbox_stale' ? 409 : 400, code);
      };
      if (text === null) throw await refuse('outbox_seal_invalid');
      const payload = parsePayload(text, credential);
      // A replay of an older outbox would roll the author's later work back into conflicts: only newer ones go in.
      const { rows } = await db.query(
        `UPDATE outbox_credentials SET last_sealed_at = $2 WHERE token_hash = $1 AND last_sealed_at < $2 RETURNING 1`,
        [credential.tokenHash, payload.sealedAt],
      );
      if (rows.length === 0) throw await refuse('outbox_stale');
      let result: OutboxDeliverResponse;
      try {
        result = await deliverPayload(db, credential, payload, request.ip);
      } catch (err) {
        // Not delivered after all (the database went away): the same outbox may be handed in again.
        await db.query('UPDATE outbox_credentials SET last_sealed_at = $2 WHERE token_hash = $1', [
          credential.tokenHash,
          credential.lastSealedAt,
        ]);
        throw err;
      }
      await db.transaction((tx) =>
        appendAudit(tx, {
          action: 'outbox.delivered',
          actorId: credential.user.id,
          actorName: credential.user.username,
          officeId: credential.user.officeId,
          deviceId: credential.deviceId,
          address: request.ip,
          details: { written: result.written, rejected: result.rejected.length },
        }),
      );
      return result;
    },
  });
}
