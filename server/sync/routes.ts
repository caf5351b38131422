import type { FastifyReply, FastifyRequest } from 'fastify';

import {
  type HealthResponse,
  type PullResponse,
  PUSH_BODY_MAX_BYTES,
  type PushResponse,
} from '../../shared/sync/protocol';
import { audit } from '../audit/log';
import { conflictEvents, pullEvents } from '../audit/sync-events';
import { actorOf, authOf } from '../auth/caller';
import { guardCollection, holdsPersonalData } from '../authz/collections';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { ApiError } from '../http/errors';
import type { RoutePlugin } from '../http/type-provider';
import { collectionByName, type CollectionDef } from './collections';
import { parseCheckpoint, parseLimit, readPage } from './pull';
import { push } from './push';
import { parsePushBody } from './push-body';
import { StreamConnection, type StreamHub } from './stream';

export type SyncDeps = { db: Db; hub: StreamHub; version: string };

const collectionParams = {
  type: 'object',
  required: ['collection'],
  properties: { collection: { type: 'string' } },
} as const;

/**
 * Any value is let through to the parsers, which answer with the contract's own codes (invalid_checkpoint,
 * invalid_limit); a schema's failure could only say invalid_request.
 */
const pullQuery = { type: 'object', properties: { checkpoint: {}, limit: {} } } as const;

const collectionOf = (name: string): CollectionDef => {
  const def = collectionByName(name);
  if (!def) throw new ApiError(404, 'unknown_collection');
  return def;
};

/** One query value as text; a repeated parameter arrives as an array and is refused like any malformed value. */
const one = (value: unknown): string | undefined =>
  typeof value === 'string' || value === undefined ? value : '\u0000';

/** The replication protocol (docs/api.md): health, then pull, push and the event stream per collection. */
export const syncRoutes: RoutePlugin<SyncDeps> = async (app, { db, hub, version }) => {
  app.route({
    ...routeOptions('health'),
    handler: (): Promise<HealthResponse> => Promise.resolve({ status: 'ok', version, storage: db.storage }),
  });

  app.route({
    ...routeOptions('pull'),
    schema: { params: collectionParams, querystring: pullQuery },
    handler: async (request): Promise<PullResponse> => {
      const def = guardCollection(collectionOf(request.params.collection));
      const checkpoint = parseCheckpoint(one(request.query.checkpoint));
      const limit = parseLimit(one(request.query.limit));
      const page = await readPage(db, def, authOf(request).user, checkpoint, limit);
      // Personal data leaves the server only with a record of who took which documents.
      if (holdsPersonalData(def)) await audit(db, ...pullEvents(actorOf(request), def.name, page.documents));
      return page;
    },
  });

  app.route({
    ...routeOptions('push'),
    bodyLimit: PUSH_BODY_MAX_BYTES,
    schema: { params: collectionParams },
    handler: async (request): Promise<PushResponse> => {
      const def = guardCollection(collectionOf(request.params.collection), actorOf(request));
      const rows = parsePushBody(request.body);
      const { user, deviceId } = authOf(request);
      const result = await push(db, def, user, rows, { userId: user.id, deviceId }, (notices) =>
        notices.forEach((notice) => hub.advance(notice)),
      );
      if (holdsPersonalData(def) && result.conflicts.length) {
        await audit(db, ...conflictEvents(actorOf(request), def.name, result.conflicts));
      }
      return result;
    },
  });

  app.route({
    ...routeOptions('stream'),
    schema: { params: collectionParams },
    handler: (request, reply) => openStream(db, hub, request.params.collection, request, reply),
  });
};

/** Answers with an event stream that stays open until the client, the session or the server ends it. */
async function openStream(
  db: Db,
  hub: StreamHub,
  collection: string,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const def = guardCollection(collectionOf(collection));
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
}
