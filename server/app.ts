import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';

import {
  type HealthResponse,
  type LoginRequest,
  PUSH_BODY_MAX_BYTES,
  PUSH_ROWS_MAX,
  type PushRow,
  STREAM_HEARTBEAT_MS,
} from '../shared/sync/protocol';
import { registerAdminRoutes } from './admin/routes';
import { actorFields as actorFieldsOf, type AuditActor } from './audit/chain';
import { appendAudit, audit } from './audit/log';
import { conflictEvents, pullEvents } from './audit/sync-events';
import { DEFAULT_LOGIN_POLICY, login, type LoginPolicy } from './auth/login';
import { type Auth, authenticate, bearerToken, deviceHeader, pendingHeader } from './auth/sessions';
import { sha256 } from './auth/tokens';
import { guardCollection, holdsPersonalData } from './authz/collections';
import { installAuthorisation, ROUTES } from './authz/routes';
import type { Db } from './db/db';
import { registerDirectoryRoutes } from './directory/routes';
import { isStorableJson } from './http/body-guard';
import { ApiError, clientError, frameworkError, installErrorHandlers } from './http/errors';
import { ANONYMOUS_BODY_MAX_BYTES, installBodyLimits } from './http/oversized-body';
import { registerOutboxRoutes } from './outbox/routes';
import { registerOverviewRoutes } from './overview/routes';
import { registerLocalEventRoutes } from './privacy/local-events';
import { collectionByName, type CollectionDef } from './sync/collections';
import { parseCheckpoint, parseLimit, readFeed } from './sync/pull';
import { push } from './sync/push';
import { StreamConnection, StreamHub } from './sync/stream';

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

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

const loginBodySchema = {
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

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope of a push; the documents themselves are checked per row (rejections, not a 400). */
function parsePushBody(body: unknown): PushRow[] {
  if (!Array.isArray(body)) throw new ApiError(400, 'invalid_request');
  if (body.length > PUSH_ROWS_MAX) throw new ApiError(400, 'too_many_rows');
  return body.map((row) => {
    if (!isPlainObject(row) || Object.keys(row).some((k) => k !== 'assumedMasterState' && k !== 'newDocumentState')) {
      throw new ApiError(400, 'invalid_request');
    }
    const { assumedMasterState, newDocumentState } = row;
    if (!isPlainObject(newDocumentState) || typeof newDocumentState.id !== 'string' || !newDocumentState.id) {
      throw new ApiError(400, 'invalid_request');
    }
    if (assumedMasterState !== undefined && assumedMasterState !== null && !isPlainObject(assumedMasterState)) {
      throw new ApiError(400, 'invalid_request');
    }
    return {
      newDocumentState,
      ...(isPlainObject(assumedMasterState) ? { assumedMasterState } : {}),
    } as PushRow;
  });
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { db } = opts;
  const policy = { ...DEFAULT_LOGIN_POLICY, ...opts.loginPolicy };
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

  await app.register(cors, {
    origin: opts.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Obhut-Version', 'X-Obhut-Device', 'X-Obhut-Pending'],
    // What a failed login has left, for the login form's message (protocol.ts).
    exposedHeaders: ['Retry-After', 'X-Obhut-Attempts-Left', 'X-Obhut-Locked-Until'],
    maxAge: 600,
  });

  app.decorateRequest('auth', null);
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

  const sessionValid = async (tokenHash: string) => {
    const { rows } = await db.query(
      `SELECT 1 FROM sessions s JOIN devices d ON d.id = s.device_id JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND d.revoked_at IS NULL
          AND NOT u.disabled`,
      [tokenHash],
    );
    return rows.length > 0;
  };
  // Before any body is read: only a caller with a live session may send more than a login's worth.
  installBodyLimits(
    app,
    async (request) => {
      // Any session this token was issued for, even a revoked or expired one: its caller then learns why it is
      // refused (403 device_revoked, 401 token_expired) from authentication proper.
      const token = bearerToken(request);
      if (token === undefined) return false;
      const { rows } = await db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [sha256(token)]);
      return rows.length > 0;
    },
    opts.requestTimeoutMs ?? 120_000,
  );
  const hub = new StreamHub(db, app.log, opts.heartbeatMs ?? STREAM_HEARTBEAT_MS, sessionValid);
  await hub.start();
  // SSE responses never end on their own: end them before the listener closes, or close() would wait forever.
  app.addHook('preClose', async () => hub.stop());

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

  const authOf = (request: FastifyRequest): Auth => request.auth!;
  const actorOf = (request: FastifyRequest): AuditActor => {
    const { user, deviceId } = authOf(request);
    return { userId: user.id, username: user.username, deviceId, address: request.ip };
  };
  const collectionOf = (request: FastifyRequest): CollectionDef => {
    const def = collectionByName((request.params as { collection: string }).collection);
    if (!def) throw new ApiError(404, 'unknown_collection');
    return def;
  };
  const route = <N extends keyof typeof ROUTES>(name: N) => ({
    method: ROUTES[name].method,
    url: ROUTES[name].url,
    config: { authz: ROUTES[name].authz },
  });

  app.route({
    ...route('health'),
    handler: (): Promise<HealthResponse> =>
      Promise.resolve({ status: 'ok', version: opts.version, storage: db.storage }),
  });

  app.route({
    ...route('login'),
    schema: { body: loginBodySchema },
    handler: (request) => {
      const version = request.headers['x-obhut-version'];
      return login(db, request.body as LoginRequest, policy, {
        address: request.ip,
        appVersion: typeof version === 'string' ? version.slice(0, 64) : null,
        deviceHeader: deviceHeader(request),
      });
    },
  });

  app.route({
    ...route('logout'),
    handler: async (request, reply) => {
      const { tokenHash, user } = authOf(request);
      await db.transaction(async (tx) => {
        await tx.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash]);
        await appendAudit(tx, { action: 'auth.logout', ...actorFieldsOf(actorOf(request)), officeId: user.officeId });
      });
      hub.closeSession(tokenHash);
      return reply.status(204).send();
    },
  });

  app.route({
    ...route('pull'),
    handler: async (request) => {
      const def = guardCollection(collectionOf(request));
      const query = request.query as Record<string, unknown>;
      // A repeated parameter arrives as an array: refuse it like any other malformed value.
      const one = (v: unknown) => (Array.isArray(v) ? '\u0000' : (v as string | undefined));
      const checkpoint = parseCheckpoint(one(query.checkpoint));
      const limit = parseLimit(one(query.limit));
      const page = await readFeed(db, def.name, def.readScope(authOf(request).user), checkpoint, limit);
      // Personal data leaves the server only with a record of who took which documents.
      if (holdsPersonalData(def)) await audit(db, ...pullEvents(actorOf(request), def.name, page.documents));
      return page;
    },
  });

  app.route({
    ...route('push'),
    bodyLimit: PUSH_BODY_MAX_BYTES,
    handler: async (request) => {
      const def = guardCollection(collectionOf(request), actorOf(request));
      const rows = parsePushBody(request.body);
      const { user, deviceId } = authOf(request);
      const result = await push(db, def, user, rows, { userId: user.id, deviceId });
      if (holdsPersonalData(def) && result.conflicts.length) {
        await audit(db, ...conflictEvents(actorOf(request), def.name, result.conflicts));
      }
      return result;
    },
  });

  app.route({
    ...route('stream'),
    handler: async (request, reply) => {
      const def = guardCollection(collectionOf(request));
      const { user, tokenHash } = authOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>), // CORS headers set by the plugin
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const stream = new StreamConnection(db, hub.reads, def, user, tokenHash, res, request.log);
      res.on('close', () => hub.remove(stream));
      try {
        await hub.add(stream);
      } catch (err) {
        request.log.error({ err }, 'Stream konnte nicht starten');
        hub.remove(stream);
      }
    },
  });

  registerAdminRoutes(app, { db, closeSessions: (hashes) => hashes.forEach((h) => hub.closeSession(h)) });
  registerOverviewRoutes(app, { db });
  registerDirectoryRoutes(app, { db });
  registerOutboxRoutes(app, { db });
  registerLocalEventRoutes(app, { db });

  return app;
}
