import { denial, type Operation, type Resource, scopeOf } from '../../shared/rules/authz';
import { ApiError } from '../http/errors';

/** The rule book's predicates, as the server's routes use them (the table itself: shared/rules/authz.ts). */
export { covers, denial, intersect, mayAtAll, type OfficeSet, scopeOf, writeDenial } from '../../shared/rules/authz';

type Caller = Parameters<typeof scopeOf>[0];

/**
 * The offices a listing covers: the one asked for (refused unless in scope), else the whole scope of the user.
 * Throws the 403 to answer with.
 */
export function officesFor<R extends Resource>(
  user: Caller,
  resource: R,
  operation: Operation<R>,
  requested: string | undefined,
): readonly string[] | 'all' {
  if (requested !== undefined) {
    const denied = denial(user, resource, operation, requested);
    if (denied) throw new ApiError(403, denied);
    return [requested];
  }
  const scope = scopeOf(user, resource, operation);
  if (scope === 'none') throw new ApiError(403, 'forbidden');
  return scope === 'all' ? 'all' : scope.offices;
}
