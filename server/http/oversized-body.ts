import type { FastifyInstance, FastifyRequest } from 'fastify';

import { OUTBOX_DELIVERY_MAX_BYTES } from '../../shared/sync/outbox';
import { ApiError, errorBody } from './errors';

/** Up to this size an oversized body is read and dropped before the 413 goes out (push allows 5 MB, login 64 KB). */
const DRAIN_MAX_BYTES = 20 * 1024 * 1024;
/** The most a caller without a valid session may make the server read: the largest body of a login or delivery. */
export const ANONYMOUS_BODY_MAX_BYTES = OUTBOX_DELIVERY_MAX_BYTES;

/**
 * Body limits enforced before any of the body is read. A caller without a valid session never makes the server
 * read more than ANONYMOUS_BODY_MAX_BYTES: on a route that accepts more (push, 5 MB) it gets 401 unauthorized at
 * once (authentication proper comes later, after parsing). A body announced larger than the route accepts gets 413
 * body_too_large. For a signed-in client that answer is sent only after its body was read to the end (up to
 * DRAIN_MAX_BYTES): otherwise Fastify answers and closes while the client is still sending, the client mostly
 * sees a broken pipe instead of the code (measured: 32 of 40 pushes of 5 MB) and a replicating client would retry
 * for ever. Anyone else gets the 413 at once and the connection closed.
 */
export function installBodyLimits(
  app: FastifyInstance,
  hasSession: (request: FastifyRequest) => Promise<boolean>,
  bodyTimeoutMs: number,
): void {
  app.addHook('preParsing', async (request, reply, payload) => {
    // A body must arrive within bodyTimeoutMs (Node's own requestTimeout does not cover a body that stalls after
    // the head, measured on Node 20): else 408 and the connection is closed, so it is free again.
    const hasBody = Number(request.headers['content-length']) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (hasBody) {
      const timer = setTimeout(() => {
        if (reply.sent) return;
        reply.raw.once('finish', () => request.raw.socket?.destroy());
        void reply.status(408).header('connection', 'close').send(errorBody('request_timeout'));
      }, bodyTimeoutMs);
      timer.unref();
      payload.once('end', () => clearTimeout(timer));
      payload.once('close', () => clearTimeout(timer));
    }
    const limit = request.routeOptions.bodyLimit;
    if (limit === undefined) return payload;
    const length = Number(request.headers['content-length']);
    const oversized = length > limit;
    if (limit <= ANONYMOUS_BODY_MAX_BYTES && !oversized) return payload;
    const signedIn = await hasSession(request);
    if (!signedIn && limit > ANONYMOUS_BODY_MAX_BYTES) throw new ApiError(401, 'unauthorized');
    if (!oversized) return payload;
    if (signedIn && length <= DRAIN_MAX_BYTES) for await (const chunk of payload) void chunk;
    throw new ApiError(413, 'body_too_large');
  });
}
