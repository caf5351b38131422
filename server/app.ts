import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify';

import { STREAM_HEARTBEAT_MS } from '../shared/sync/protocol';
import { adminRoutes } from './admin/routes';
import { auditRoutes } from './audit/routes';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from './auth/login';
import { authRoutes } from './auth/routes';
import { sessionIssued, sessionLive } from './auth/session-store';
import { authenticate, bearerToken, deviceHeader, pendingHeader } from './auth/sessions';
import { sha256 } from './auth/tokens';
import { installAuthorisation } from './authz/routes';
import type { Db } from './db/db';
import { directoryRoutes } from './directory/routes';
import { isStorableJson } from './http/body-guard';
import { ApiError, clientError, frameworkError, installErrorHandlers } from './http/errors';
import { ANONYMOUS_BODY_MAX_BYTES, installBodyLimits } from './http/oversized-body';
import { outboxRoutes } from './outbox/routes';
import { overviewRoutes } from './overview/routes';
import { privacyRoutes } from './privacy/routes';
import { syncRoutes } from './sync/routes';
import { StreamHub } from './sync/stream';

export const DEFAULT_ALLOWED_ORIGINS = [
  'app://obhut',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
];

export type ServerOptions = {
  db: Db;
  version: string;
  allowedOrigins?: string[];
  logger?: FastifyServerOptions['logger'];
  heartbeatMs?: number;
  loginPolicy?: Partial<LoginPolicy>;
  /** Serve HTTPS with this certificate chain and key (PEM). */
  https?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Fastify's trustProxy: whose X-Forwarded-For to believe for the client address (login throttling, audit):
   * true, or addresses/CIDRs of the reverse proxies ("127.0.0.1,10.0.5.0/24").
   */
  trustProxy?: boolean | string;
  /** Refuse authenticated calls without the X-Obhut-Device header (turn on once every client sends it). */
  requireDeviceHeader?: boolean;
  /** How long a request may take to arrive in full (default 2 minutes). */
  requestTimeoutMs?: number;
};

/** Fastify with the contract's error answers and the limits every request is held to. */
function createFastify(opts: ServerOptions): FastifyInstance {
  // Typed as a plain HTTP server: Fastify's typings only differ in the raw server type, which nothing here uses.
  const tls: object = opts.https ? { https: { ...opts.https, minVersion: 'TLSv1.2' } } : {};
  const app = Fastify({
    ...tls,
    trustProxy: opts.trustProxy ?? false,
    // Even what fails before any route answers in the contract's error shape.
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    logger: opts.logger ?? false,
    // Request lines are logged below without URLs' query strings, bodies or headers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ANONYMOUS_BODY_MAX_BYTES,
    // The whole request must have arrived within this time (slow heads; slow bodies: installBodyLimits); 408.
    // An event stream's response is not bounded by it.
    requestTimeout: opts.requestTimeoutMs ?? 120_000,
    forceCloseConnections: 'idle',
    // No implicit HEAD routes: a HEAD on the stream would open an event stream nobody reads.
    exposeHeadRoutes: false,
  });
  installErrorHandlers(app);
  // Only JSON is accepted; without this Fastify would hand text/plain bodies to the handlers as strings.
  app.removeContentTypeParser('text/plain');
  return app;
}

/** CORS for the app's origins, HSTS over HTTPS, and one log line per request (no query strings, bodies, headers). */
async function installTransport(app: FastifyInstance, opts: ServerOptions): Promise<void> {
  await app.register(cors, {
    origin: opts.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Obhut-Version', 'X-Obhut-Device', 'X-Obhut-Pending'],
    // What a failed login has left, for the login form's message (protocol.ts).
    exposedHeaders: ['Retry-After', 'X-Obhut-Attempts-Left', 'X-Obhut-Locked-Until'],
    maxAge: 600,
  });
  if (opts.https) {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('strict-transport-security', 'max-age=31536000');
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'Anfrage',
    );
  });
}

/** Who may send what: body limits before any body is read, then authentication and authorisation per route. */
function installAccessControl(app: FastifyInstance, opts: ServerOptions): void {
  const { db } = opts;
  app.decorateRequest('auth', null);
  // Before any body is read: only a caller with a live session may send more than a login's worth.
  installBodyLimits(
    app,
    async (request) => {
      // Any session this token was issued for, even a revoked or expired one: its caller then learns why it is
      // refused (403 device_revoked, 401 token_expired) from authentication proper.
      const token = bearerToken(request);
      return token !== undefined && sessionIssued(db, sha256(token));
    },
    opts.requestTimeoutMs ?? 120_000,
  );
  installAuthorisation(app, (request) =>
    authenticate(db, bearerToken(request), {
      deviceHeader: deviceHeader(request),
      requireDevice: opts.requireDeviceHeader ?? false,
      address: request.ip,
      pendingChanges: pendingHeader(request),
    }),
  );
  // Runs after authentication (hooks run in the order they were added).
  app.addHook('preValidation', (request, _reply, done) => {
    done(
      request.body !== undefined && !isStorableJson(request.body) ? new ApiError(400, 'invalid_request') : undefined,
    );
  });
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const app = createFastify(opts);
  await installTransport(app, opts);
  installAccessControl(app, opts);

  const hub = new StreamHub(db, app.log, opts.heartbeatMs ?? STREAM_HEARTBEAT_MS, (hash) => sessionLive(db, hash));
  await hub.start();
  // SSE responses never end on their own: end them before the listener closes, or close() would wait forever.
  app.addHook('preClose', async () => hub.stop());
  const closeSession = (tokenHash: string) => hub.closeSession(tokenHash);

  await app.register(syncRoutes, { db, hub, version: opts.version });
  await app.register(authRoutes, { db, policy: { ...DEFAULT_LOGIN_POLICY, ...opts.loginPolicy }, closeSession });
  await app.register(adminRoutes, { db, closeSessions: (hashes) => hashes.forEach(closeSession) });
  await app.register(auditRoutes, { db });
  await app.register(overviewRoutes, { db });
  await app.register(directoryRoutes, { db });
  await app.register(outboxRoutes, { db });
  await app.register(privacyRoutes, { db });
  return app;
}
