import type { ErrorCode } from '../../shared/i18n/de/errors';
import type { SessionUser } from '../../shared/sync/protocol';
import { ApiError } from '../http/errors';
import { grantsOf, type Operation, type Resource } from './table';

/** Offices whose data a user may touch by one operation: structurally the sync layer's ReadScope. */
export type OfficeSet = { offices: readonly string[] } | 'all' | 'none';

type Caller = Pick<SessionUser, 'officeId' | 'roles'>;

/** The widest scope any of the user's roles has for the operation (see table.ts). */
export function scopeOf<R extends Resource>(user: Caller, resource: R, operation: Operation<R>): OfficeSet {
  const grants = grantsOf(resource, operation) as Record<string, string | undefined>;
  const scopes = user.roles.map((role) => (Object.hasOwn(grants, role) ? grants[role] : undefined));
  if (scopes.includes('all')) return 'all';
  if (scopes.includes('own')) return { offices: [user.officeId] };
  return 'none';
}

export function covers(set: OfficeSet, officeId: string): boolean {
  if (set === 'all') return true;
  if (set === 'none') return false;
  return set.offices.includes(officeId);
}

/** May the user do this at all, on some office's data? Routes refuse with 403 forbidden when not. */
export function mayAtAll<R extends Resource>(user: Caller, resource: R, operation: Operation<R>): boolean {
  return scopeOf(user, resource, operation) !== 'none';
}

/** null when allowed on data of `officeId`; else the code to answer with. */
export function denial<R extends Resource>(
  user: Caller,
  resource: R,
  operation: Operation<R>,
  officeId: string,
): Extract<ErrorCode, 'forbidden' | 'other_office'> | null {
  const scope = scopeOf(user, resource, operation);
  if (scope === 'none') return 'forbidden';
  return covers(scope, officeId) ? null : 'other_office';
}

/** A document write: the new state and the stored one (if any) must both lie in the user's write scope. */
export function writeDenial(
  user: Caller,
  resource: Resource & ('intakes' | 'entries' | 'facilities' | 'holds'),
  next: { officeId: string },
  stored: { officeId: string } | undefined,
): Extract<ErrorCode, 'forbidden' | 'other_office'> | null {
  return (
    denial(user, resource, 'write', next.officeId) ?? (stored ? denial(user, resource, 'write', stored.officeId) : null)
  );
}

/** What both may read: the table's scope narrowed by a collection's own rule (never widened). */
export function intersect(a: OfficeSet, b: OfficeSet): OfficeSet {
  if (a === 'none' || b === 'none') return 'none';
  if (a === 'all') return b;
  if (b === 'all') return a;
  const offices = a.offices.filter((o) => b.offices.includes(o));
  return offices.length ? { offices } : 'none';
}

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
