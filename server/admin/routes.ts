import { Readable } from 'node:stream';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { audit as labels } from '../../shared/i18n/de/audit';
import { OFFICE_IDS } from '../../shared/offices';
import { ROLES } from '../../shared/roles';
import type { AuditPage, CreateUserRequest, SetPasswordRequest } from '../../shared/sync/protocol';
import { actorFields } from '../audit/chain';
import { auditCsv, toAuditEntry } from '../audit/export';
import { audit, auditHead, readAudit } from '../audit/log';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';
import { officesFor } from '../authz/enforce';
import { ROUTES } from '../authz/routes';
import type { Db } from '../db/db';
import { listDevices, revokeDevice } from './devices';
import { type Caller, createUser, listUsers, resetPassword, setDisabled } from './users';

export type AdminDeps = {
  db: Db;
  /** Ends the open event streams of sessions that were just revoked. */
  closeSessions: (tokenHashes: string[]) => void;
};

/** Ids of users and devices as they appear in URLs: what the app and the demo seed generate. */
const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } },
} as const;
const OFFICE_QUERY = { type: 'object', properties: { officeId: { type: 'string', enum: OFFICE_IDS } } } as const;
const PASSWORD = { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 } as const;

function caller(request: FastifyRequest): Caller {
  const { user, deviceId } = request.auth!;
  return { user, actor: { userId: user.id, username: user.username, deviceId, address: request.ip } };
}

const route = <N extends keyof typeof ROUTES>(name: N) => ({
  method: ROUTES[name].method,
  url: ROUTES[name].url,
  config: { authz: ROUTES[name].authz },
});

/** The admin API: accounts, devices and the audit trail of the admin's own office (server/authz/table.ts). */
export function registerAdminRoutes(app: FastifyInstance, { db, closeSessions }: AdminDeps): void {
  /** Staff names and devices are personal data: every listing is recorded with what it showed. */
  const auditListRead = (
    request: FastifyRequest,
    action: 'admin.users_viewed' | 'admin.devices_viewed',
    offices: readonly string[] | 'all',
    items: { id: string }[],
  ) =>
    audit(db, {
      action,
      ...actorFields(caller(request).actor),
      officeId: request.auth!.user.officeId,
      details: { offices: offices === 'all' ? 'all' : [...offices], count: items.length, ids: items.map((i) => i.id) },
    });

  app.route({
    ...route('listUsers'),
    schema: { querystring: OFFICE_QUERY },
    handler: async (request) => {
      const { officeId } = request.query as { officeId?: string };
      const offices = officesFor(request.auth!.user, 'users', 'read', officeId);
      const users = await listUsers(db, offices);
      await auditListRead(request, 'admin.users_viewed', offices, users);
      return { users };
    },
  });

  app.route({
    ...route('createUser'),
    schema: {
      body: {
        type: 'object',
        required: ['username', 'displayName', 'officeId', 'roles', 'password'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 200 },
          displayName: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            pattern: '^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$',
          },
          officeId: { type: 'string', enum: OFFICE_IDS },
          roles: {
            type: 'array',
            minItems: 1,
            maxItems: ROLES.length,
            uniqueItems: true,
            items: { type: 'string', enum: ROLES },
          },
          password: PASSWORD,
        },
      },
    },
    handler: async (request, reply) => {
      const user = await createUser(db, caller(request), request.body as CreateUserRequest);
      return reply.status(201).send(user);
    },
  });

  app.route({
    ...route('setPassword'),
    schema: {
      params: ID_PARAMS,
      body: { type: 'object', required: ['password'], additionalProperties: false, properties: { password: PASSWORD } },
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      closeSessions(await resetPassword(db, caller(request), id, (request.body as SetPasswordRequest).password));
      return reply.status(204).send();
    },
  });

  for (const [name, disabled] of [
    ['disableUser', true],
    ['enableUser', false],
  ] as const) {
    app.route({
      ...route(name),
      schema: { params: ID_PARAMS },
      handler: async (request, reply) => {
        const { id } = request.params as { id: string };
        closeSessions(await setDisabled(db, caller(request), id, disabled));
        return reply.status(204).send();
      },
    });
  }

  app.route({
    ...route('listDevices'),
    schema: { querystring: OFFICE_QUERY },
    handler: async (request) => {
      const { officeId } = request.query as { officeId?: string };
      const offices = officesFor(request.auth!.user, 'devices', 'read', officeId);
      const devices = await listDevices(db, offices);
      await auditListRead(request, 'admin.devices_viewed', offices, devices);
      return { devices };
    },
  });

  app.route({
    ...route('revokeDevice'),
    schema: { params: ID_PARAMS },
    handler: async (request, reply) => {
      const { id } = request.params as { id: string };
      closeSessions(await revokeDevice(db, caller(request), id));
      return reply.status(204).send();
    },
  });

  app.route({
    ...route('readAudit'),
    schema: {
      querystring: {
        type: 'object',
        properties: {
          officeId: OFFICE_QUERY.properties.officeId,
          after: { type: 'integer', minimum: 0 },
          limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
        },
      },
    },
    handler: async (request): Promise<AuditPage> => {
      const query = request.query as { officeId?: string; after?: number; limit: number };
      const offices = officesFor(request.auth!.user, 'audit', 'read', query.officeId);
      const [rows, head] = await Promise.all([
        readAudit(db, { offices, after: query.after, limit: query.limit }),
        auditHead(db),
      ]);
      await audit(db, {
        action: 'audit.viewed',
        ...actorFields(caller(request).actor),
        officeId: request.auth!.user.officeId,
        details: { offices: offices === 'all' ? 'all' : [...offices], after: query.after ?? 0, count: rows.length },
      });
      return { entries: rows.map(toAuditEntry), head };
    },
  });

  app.route({
    ...route('exportAudit'),
    schema: { querystring: OFFICE_QUERY },
    handler: async (request, reply: FastifyReply) => {
      const { officeId } = request.query as { officeId?: string };
      const offices = officesFor(request.auth!.user, 'audit', 'export', officeId);
      // Recorded before the download starts: an export that breaks off half-way was still an export.
      await audit(db, {
        action: 'audit.exported',
        ...actorFields(caller(request).actor),
        officeId: request.auth!.user.officeId,
        details: { offices: offices === 'all' ? 'all' : [...offices] },
      });
      const head = await auditHead(db);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${labels.csvFileName}-${day}.csv"`)
        .header('x-obhut-audit-head', `${head.seq}:${head.hash}`)
        .send(Readable.from(auditCsv(db, offices)));
    },
  });
}
