import type { FastifyRequest } from 'fastify';

import { OFFICE_IDS } from '../../shared/offices';
import { ROLES } from '../../shared/roles';
import type { AdminDevice, AdminUser } from '../../shared/sync/protocol';
import { actorFields } from '../audit/chain';
import { audit } from '../audit/log';
import { actorOf, authOf } from '../auth/caller';
import { PASSWORD_MAX_LENGTH } from '../auth/password-policy';
import { officesFor } from '../authz/enforce';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import { officeQuery } from '../http/schemas';
import type { RoutePlugin } from '../http/type-provider';
import { listDevices, revokeDevice } from './devices';
import { type Caller, createUser, listUsers, resetPassword, setDisabled } from './users';

export type AdminDeps = {
  db: Db;
  /** Ends the open event streams of sessions that were just revoked. */
  closeSessions: (tokenHashes: string[]) => void;
};

/** Ids of users and devices as they appear in URLs: what the app and the demo seed generate. */
const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } },
} as const;
const password = { type: 'string', minLength: 1, maxLength: PASSWORD_MAX_LENGTH * 4 } as const;

const createUserBody = {
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
    password,
  },
} as const;

const setPasswordBody = {
  type: 'object',
  required: ['password'],
  additionalProperties: false,
  properties: { password },
} as const;

const callerOf = (request: FastifyRequest): Caller => ({ user: authOf(request).user, actor: actorOf(request) });

/** Staff names and devices are personal data: every listing is recorded with what it showed. */
const auditListRead = (
  db: Db,
  request: FastifyRequest,
  action: 'admin.users_viewed' | 'admin.devices_viewed',
  offices: readonly string[] | 'all',
  items: { id: string }[],
) =>
  audit(db, {
    action,
    ...actorFields(actorOf(request)),
    officeId: authOf(request).user.officeId,
    details: { offices: offices === 'all' ? 'all' : [...offices], count: items.length, ids: items.map((i) => i.id) },
  });

/** The admin API: accounts and devices of the admin's own office (shared/rules/authz.ts). */
export const adminRoutes: RoutePlugin<AdminDeps> = async (app, { db, closeSessions }) => {
  app.route({
    ...routeOptions('listUsers'),
    schema: { querystring: officeQuery },
    handler: async (request): Promise<{ users: AdminUser[] }> => {
      const offices = officesFor(authOf(request).user, 'users', 'read', request.query.officeId);
      const users = await listUsers(db, offices);
      await auditListRead(db, request, 'admin.users_viewed', offices, users);
      return { users };
    },
  });

  app.route({
    ...routeOptions('createUser'),
    schema: { body: createUserBody },
    handler: async (request, reply) => {
      const user = await createUser(db, callerOf(request), request.body);
      return reply.status(201).send(user);
    },
  });

  app.route({
    ...routeOptions('setPassword'),
    schema: { params: idParams, body: setPasswordBody },
    handler: async (request, reply) => {
      closeSessions(await resetPassword(db, callerOf(request), request.params.id, request.body.password));
      return reply.status(204).send();
    },
  });

  for (const [name, disabled] of [
    ['disableUser', true],
    ['enableUser', false],
  ] as const) {
    app.route({
      ...routeOptions(name),
      schema: { params: idParams },
      handler: async (request, reply) => {
        closeSessions(await setDisabled(db, callerOf(request), request.params.id, disabled));
        return reply.status(204).send();
      },
    });
  }

  app.route({
    ...routeOptions('listDevices'),
    schema: { querystring: officeQuery },
    handler: async (request): Promise<{ devices: AdminDevice[] }> => {
      const offices = officesFor(authOf(request).user, 'devices', 'read', request.query.officeId);
      const devices = await listDevices(db, offices);
      await auditListRead(db, request, 'admin.devices_viewed', offices, devices);
      return { devices };
    },
  });

  app.route({
    ...routeOptions('revokeDevice'),
    schema: { params: idParams },
    handler: async (request, reply) => {
      closeSessions(await revokeDevice(db, callerOf(request), request.params.id));
      return reply.status(204).send();
    },
  });
};
