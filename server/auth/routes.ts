import type { LoginResponse } from '../../shared/sync/protocol';
import { actorFields } from '../audit/chain';
import { appendAudit } from '../audit/log';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import type { RoutePlugin } from '../http/type-provider';
import { actorOf, authOf } from './caller';
import { login, type LoginPolicy } from './login';
import { revokeSession } from './session-store';
import { deviceHeader } from './sessions';

export type AuthDeps = {
  db: Db;
  policy: LoginPolicy;
  /** Ends the open event streams of a session that was just ended. */
  closeSession: (tokenHash: string) => void;
};

const loginBody = {
  type: 'object',
  required: ['username', 'password', 'device'],
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 200 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
    device: {
      type: 'object',
      required: ['id', 'name'],
      properties: {
        // What clients generate (a UUID); also the shape the admin API accepts in URLs.
        id: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
        name: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]+$' },
      },
    },
  },
} as const;

/** Logging in (public) and out (one's own session). */
export const authRoutes: RoutePlugin<AuthDeps> = async (app, { db, policy, closeSession }) => {
  app.route({
    ...routeOptions('login'),
    schema: { body: loginBody },
    handler: (request): Promise<LoginResponse> => {
      const version = request.headers['x-obhut-version'];
      return login(db, request.body, policy, {
        address: request.ip,
        appVersion: typeof version === 'string' ? version.slice(0, 64) : null,
        deviceHeader: deviceHeader(request),
      });
    },
  });

  app.route({
    ...routeOptions('logout'),
    handler: async (request, reply) => {
      const { tokenHash, user } = authOf(request);
      await db.transaction(async (tx) => {
        await revokeSession(tx, tokenHash);
        await appendAudit(tx, { action: 'auth.logout', ...actorFields(actorOf(request)), officeId: user.officeId });
      });
      closeSession(tokenHash);
      return reply.status(204).send();
    },
  });
};
