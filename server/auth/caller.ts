import type { FastifyRequest } from 'fastify';

import type { AuditActor } from '../audit/chain';
import { ApiError } from '../http/errors';
import type { Auth } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session; set before the handler of every non-public route (server/authz/routes.ts). */
    auth: Auth | null;
  }
}

/** The session of the caller of an authenticated route. */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) throw new ApiError(401, 'unauthorized');
  return request.auth;
}

/** The caller as the audit trail names them: user, device and address. */
export function actorOf(request: FastifyRequest): AuditActor {
  const { user, deviceId } = authOf(request);
  return { userId: user.id, username: user.username, deviceId, address: request.ip };
}
