import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { Operation, Resource } from '../../shared/rules/authz';
import { API_PREFIX } from '../../shared/sync/protocol';
import type { Auth } from '../auth/sessions';
import { ApiError } from '../http/errors';
import { mayAtAll } from './enforce';

/**
 * How a route is authorised:
 * - public: no token (health, login),
 * - collection: a replication route; the resource is the `:collection` parameter, and the table's scope for
 *   `read`/`write` filters the documents (a user without any grant reads nothing and has every row rejected,
 *   as docs/api.md wants), see guardCollection,
 * - resource + operation: refused with 403 forbidden unless some role of the user has a grant; the handler then
 *   checks the office of what it touches against the scope (denial()).
 */
export type RouteAuthz =
  | { kind: 'public' }
  | { kind: 'collection'; operation: 'read' | 'write' }
  | { [R in Resource]: { kind: 'resource'; resource: R; operation: Operation<R> } }[Resource];

export type RouteDef = { method: 'GET' | 'POST'; url: string; authz: RouteAuthz };

const p = API_PREFIX;
const res = <R extends Resource>(resource: R, operation: Operation<R>): RouteAuthz =>
  ({ kind: 'resource', resource, operation }) as RouteAuthz;

/** Every route of the server. A route not listed here can't be registered (installAuthorisation). */
export const ROUTES = {
  health: { method: 'GET', url: `${p}/health`, authz: { kind: 'public' } },
  login: { method: 'POST', url: `${p}/auth/login`, authz: { kind: 'public' } },
  logout: { method: 'POST', url: `${p}/auth/logout`, authz: res('session', 'logout') },
  pull: { method: 'GET', url: `${p}/sync/:collection/pull`, authz: { kind: 'collection', operation: 'read' } },
  push: { method: 'POST', url: `${p}/sync/:collection/push`, authz: { kind: 'collection', operation: 'write' } },
  stream: { method: 'GET', url: `${p}/sync/:collection/stream`, authz: { kind: 'collection', operation: 'read' } },
  listUsers: { method: 'GET', url: `${p}/admin/users`, authz: res('users', 'read') },
  createUser: { method: 'POST', url: `${p}/admin/users`, authz: res('users', 'write') },
  setPassword: { method: 'POST', url: `${p}/admin/users/:id/password`, authz: res('users', 'write') },
  disableUser: { method: 'POST', url: `${p}/admin/users/:id/disable`, authz: res('users', 'write') },
  enableUser: { method: 'POST', url: `${p}/admin/users/:id/enable`, authz: res('users', 'write') },
  listDevices: { method: 'GET', url: `${p}/admin/devices`, authz: res('devices', 'read') },
  revokeDevice: { method: 'POST', url: `${p}/admin/devices/:id/revoke`, authz: res('devices', 'revoke') },
  readAudit: { method: 'GET', url: `${p}/admin/audit`, authz: res('audit', 'read') },
  exportAudit: { method: 'GET', url: `${p}/admin/audit/export`, authz: res('audit', 'export') },
  overview: { method: 'GET', url: `${p}/overview`, authz: res('overview', 'read') },
  directory: { method: 'GET', url: `${p}/directory`, authz: res('directory', 'read') },
  // One's own session may obtain an outbox credential; delivering with it needs no session (docs/outbox.md).
  outboxCredential: { method: 'POST', url: `${p}/outbox/credential`, authz: res('session', 'logout') },
  outboxDeliver: { method: 'POST', url: `${p}/outbox/deliver`, authz: { kind: 'public' } },
  // One's own session reports what its laptop showed or let out (server/privacy/local-events.ts).
  localEvents: { method: 'POST', url: `${p}/local-events`, authz: res('session', 'logout') },
  // A person's request for information (Art. 15 DSGVO, § 83 SGB X), answered by the office's supervisor.
  accessRequest: { method: 'POST', url: `${p}/privacy/access-request`, authz: res('intakes', 'accessRequest') },
  // A record a laptop removed after its purge period, fetched again when a user opens it (server/privacy/laptop-copy.ts).
  laptopCopy: { method: 'GET', url: `${p}/privacy/laptop-copy/:id`, authz: res('intakes', 'read') },
} as const satisfies Record<string, RouteDef>;

export type RouteName = keyof typeof ROUTES;

/** What every route is registered with: its method, URL and authorisation, as ROUTES lists them. */
export function routeOptions<N extends RouteName>(name: N) {
  const { method, url, authz } = ROUTES[name];
  return { method, url, config: { authz } };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    authz?: RouteAuthz;
  }
}

const key = (method: string, url: string) => `${method} ${url}`;
const KNOWN = new Map<string, RouteAuthz>(Object.values(ROUTES).map((r) => [key(r.method, r.url), r.authz]));

/**
 * Every route must be one of ROUTES with the same authorisation (else the server does not start), and every
 * non-public route authenticates before its handler runs. CORS preflights (OPTIONS) carry no credentials and
 * reach no data.
 */
export function installAuthorisation(
  app: FastifyInstance,
  authenticate: (request: FastifyRequest) => Promise<Auth>,
): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'OPTIONS') continue;
      const listed = KNOWN.get(key(method, route.url));
      const given = route.config?.authz;
      if (!listed || !given || JSON.stringify(listed) !== JSON.stringify(given)) {
        throw new Error(`Route ${method} ${route.url} fehlt in ROUTES oder weicht von ihrer Berechtigung ab`);
      }
    }
  });
  // Before body validation: a caller without a valid token learns nothing about what the route would accept.
  app.addHook('preValidation', async (request) => {
    const authz = request.routeOptions.config.authz;
    if (!authz || authz.kind === 'public') return; // unknown URLs (404) and preflights
    request.auth = await authenticate(request);
    if (authz.kind === 'resource' && !mayAtAll(request.auth.user, authz.resource, authz.operation)) {
      throw new ApiError(403, 'forbidden');
    }
  });
}
