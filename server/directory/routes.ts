import type { DirectoryResponse } from '../../shared/directory';
import { actorFields } from '../audit/chain';
import { audit } from '../audit/log';
import { actorOf, authOf } from '../auth/caller';
import { officesFor } from '../authz/enforce';
import { routeOptions } from '../authz/routes';
import type { Db } from '../db/db';
import type { RoutePlugin } from '../http/type-provider';
import { listDirectory } from './repository';

/**
 * GET /api/v1/directory: the staff of the caller's office (shared/directory.ts). Who may read it, and of which
 * offices, is the table's `directory.read` (shared/rules/authz.ts: every role, own office only). Names of staff are
 * personal data: every answer is recorded in the audit trail (how many, not who).
 */
export const directoryRoutes: RoutePlugin<{ db: Db }> = async (app, { db }) => {
  app.route({
    ...routeOptions('directory'),
    handler: async (request, reply): Promise<DirectoryResponse> => {
      const { user } = authOf(request);
      const offices = officesFor(user, 'directory', 'read', undefined);
      const users = await listDirectory(db, offices);
      await audit(db, {
        action: 'directory.read',
        ...actorFields(actorOf(request)),
        officeId: user.officeId,
        details: { offices: offices === 'all' ? 'all' : [...offices], count: users.length },
      });
      // Names of a moment: not to be kept by caches between the app and the server.
      void reply.header('cache-control', 'no-store');
      return { users };
    },
  });
};
