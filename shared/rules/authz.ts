import type { ErrorCode } from '../i18n/de/errors';
import type { Role } from '../roles';

/**
 * THE authorisation table of Obhut: who may do what, on the data of which office. The server enforces it on every
 * route (server/authz/), the app offers only what it grants (same functions), test/integration/authz-matrix.test.ts
 * iterates it against a running server, and docs/security-server.md prints it (docs.ts). Nothing else grants
 * access; the rules of a document (shared/rules/intake.ts, entries.ts) may only narrow what is granted here.
 *
 * A cell is the office scope a role gets for an operation on a resource:
 * - 'own': data of the user's own office only (need-to-know, five separate controllers: domain.md),
 * - 'all': data of every office of the Verbund (only where the resource holds no personal data, or the role is
 *   Verbund-wide by its nature, like the coordination's facility list),
 * - absent: denied.
 * A user with several roles gets the widest scope of any of them.
 */
export type OfficeScope = 'own' | 'all';
export type Grants = Partial<Record<Role, OfficeScope>>;

type ResourceDef<Op extends string> = {
  /** Documents or answers hold personal data (case data, staff accounts): their reads are audited. */
  personalData: boolean;
  operations: Record<Op, Grants>;
};

const CASE_WORK: Grants = { oncall: 'own', supervisor: 'own' };
const EVERYONE_EVERYWHERE: Grants = { oncall: 'all', supervisor: 'all', coordinator: 'all', admin: 'all' };
const EVERYONE_OWN: Grants = { oncall: 'own', supervisor: 'own', coordinator: 'own', admin: 'own' };
const ADMIN_OWN: Grants = { admin: 'own' };

export const AUTHZ = {
  // The night record of one child: case data, need-to-know within the office.
  intakes: {
    personalData: true,
    operations: {
      read: CASE_WORK,
      write: CASE_WORK,
      // The morning review (shared/rules/intake.ts): taking a record into review, returning it with a comment and
      // closing it once the measure has ended.
      review: { supervisor: 'own' },
      // Vier-Augen-Prinzip: the office's supervisor countersigns, never a record they wrote themselves.
      countersign: { supervisor: 'own' },
      // Handing a record over to the responsible office is a deliberate, logged act of the supervisor.
      handover: { supervisor: 'own' },
      // Deleting a record (a tombstone) that is not countersigned yet; a countersigned, handed-over or closed record
      // is never deleted, by anyone: it is closed, or corrected by an addendum.
      delete: { supervisor: 'own' },
      // Deleting one's own draft that was never submitted (a call that turned out to need no measure).
      discardDraft: CASE_WORK,
      // Exporting a record (e.g. the written decision, the statistics) leaves the system: own office only.
      export: CASE_WORK,
      // The office's federal statistics (§§ 98, 99 SGB VIII) are reported by its supervisors.
      statistics: { supervisor: 'own' },
      // A person's request for information (Art. 15 DSGVO, § 83 SGB X): everything the office stores about them,
      // produced by the office's supervisor (server/privacy/routes.ts).
      accessRequest: { supervisor: 'own' },
    },
  },
  // Append-only log lines of an intake: as the intake.
  entries: { personalData: true, operations: { read: CASE_WORK, write: CASE_WORK } },
  // Places of the Verbund: no personal data by schema (shared/schema/facility.ts), read by all; edited only by the
  // coordination (Verbund-wide) and an office's administration (its own office's facilities).
  facilities: {
    personalData: false,
    operations: { read: EVERYONE_EVERYWHERE, write: { coordinator: 'all', admin: 'own' } },
  },
  // A place held for an intake: two statistics codes, no personal data (shared/schema/hold.ts). Those who place
  // children hold places, for their own office's intakes; lapsed holds are settled by the server itself.
  holds: { personalData: false, operations: { read: EVERYONE_EVERYWHERE, write: CASE_WORK } },
  // The night directory: service numbers and rosters, no case data (shared/schema/contact.ts), read by all. An
  // office's supervisors and admins keep their office's entries, the coordination the Verbund-wide ones (owner
  // 'verbund'); the collection narrows the coordinator's 'all' to those (shared/rules/contacts.ts).
  contacts: {
    personalData: false,
    operations: { read: EVERYONE_EVERYWHERE, write: { supervisor: 'own', admin: 'own', coordinator: 'all' } },
  },
  // Staff accounts of an office: managed by that office's administration only.
  users: { personalData: true, operations: { read: ADMIN_OWN, write: ADMIN_OWN } },
  // Installations (laptops) registered by an office's users.
  devices: { personalData: true, operations: { read: ADMIN_OWN, revoke: ADMIN_OWN } },
  // The audit trail: for the office's administration and data protection officer (an admin account).
  audit: { personalData: true, operations: { read: ADMIN_OWN, export: ADMIN_OWN } },
  // The Verbund overview (server/overview/): counts per office and week, no personal data by construction (no id,
  // name or text leaves the aggregation), for the coordination and the offices' supervisors across the Verbund.
  overview: { personalData: false, operations: { read: { supervisor: 'all', coordinator: 'all' } } },
  // The office directory (server/directory/): id, user name and display name of the own office's staff, so records
  // show names instead of ids. Names are personal data: own office only, reads audited.
  directory: { personalData: true, operations: { read: EVERYONE_OWN } },
  // One's own session.
  session: { personalData: false, operations: { logout: EVERYONE_OWN } },
} as const satisfies Record<string, ResourceDef<string>>;

export type Resource = keyof typeof AUTHZ;
export type Operation<R extends Resource = Resource> = R extends Resource
  ? keyof (typeof AUTHZ)[R]['operations']
  : never;
/** Resources that are replicated collections (docs/api.md). */
export const COLLECTION_RESOURCES = [
  'intakes',
  'entries',
  'facilities',
  'holds',
  'contacts',
] as const satisfies readonly Resource[];

export function isResource(name: string): name is Resource {
  return Object.hasOwn(AUTHZ, name);
}

export function grantsOf<R extends Resource>(resource: R, operation: Operation<R>): Grants {
  return (AUTHZ[resource].operations as Record<string, Grants>)[operation as string] ?? {};
}

/** Every (resource, operation) pair of the table, for iteration (tests, documentation). */
export function allPermissions(): { resource: Resource; operation: string; grants: Grants }[] {
  return (Object.keys(AUTHZ) as Resource[]).flatMap((resource) =>
    Object.entries(AUTHZ[resource].operations as Record<string, Grants>).map(([operation, grants]) => ({
      resource,
      operation,
      grants,
    })),
  );
}

/** Offices whose data a user may touch by one operation: structurally the sync layer's ReadScope. */
export type OfficeSet = { offices: readonly string[] } | 'all' | 'none';

/** Who asks: the session's user (shared/sync/protocol.ts SessionUser has these and more). */
export type Caller = { officeId: string; roles: readonly string[] };

/** The widest scope any of the user's roles has for the operation. */
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

/** May the user do this on data of `officeId`? */
export function may<R extends Resource>(user: Caller, resource: R, operation: Operation<R>, officeId: string): boolean {
  return covers(scopeOf(user, resource, operation), officeId);
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
  resource: (typeof COLLECTION_RESOURCES)[number],
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
