import type { FastifyInstance } from 'fastify';

import type { DirectoryResponse, DirectoryUser } from '../../shared/directory';
import { actorFields } from '../audit/chain';
import { audit } from '../audit/log';
import { officesFor } from '../authz/enforce';
import { ROUTES } from '../authz/routes';
import type { Db, Queryable } from '../db/db';

const route = <N extends keyof typeof ROUTES>(name: N) => ({
  method: ROUTES[name].method,
  url: ROUTES[name].url,
  config: { authz: ROUTES[name].authz },
});

/** Id, user name and display name of every account of these offices (disabled ones too), by user name. */
export async function listDirectory(q: Queryable, offices: readonly string[] | 'all'): Promise<DirectoryUser[]> {
  const { rows } = await q.query<{ id: string; username: string; display_name: string }>(
    offices === 'all'
      ? 'SELECT id, username, display_name FROM users ORDER BY username'
      : 'SELECT id, username, display_name FROM users WHERE office_id = ANY($1::text[]) ORDER BY username',
    offices === 'all' ? [] : [[...offices]],
  );
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name }));
}

/**
 * GET /api/v1/directory: the staff of the caller's office (shared/directory.ts). Who may read it, and of which
 * offices, is the table's `directory.read` (server/authz/table.ts: every role, own office only). Names of staff are
 * personal data: every answer is recorded in the audit trail (how many, not who).
 */
export function registerDirectoryRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  app.route({
    ...route('directory'),
    handler: async (request, reply): Promise<DirectoryResponse> => {
      const { user, deviceId } = request.auth!;
      const offices = officesFor(user, 'directory', 'read', undefined);
      const users = await listDirectory(db, offices);
      await audit(db, {
        action: 'directory.read',
        ...actorFields({ userId: user.id, username: user.username, deviceId, address: request.ip }),
        officeId: user.officeId,
        details: { offices: offices === 'all' ? 'all' : [...offices], count: users.length },
      });
      // Names of a moment: not to be kept by caches between the app and the server.
      void reply.header('cache-control', 'no-store');
      return { users };
    },
  });
}
