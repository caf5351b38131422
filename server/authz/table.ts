import type { Role } from '../../shared/roles';

/**
 * THE authorisation table of Obhut: who may do what, on the data of which office. The server consults it on
 * every route (server/authz/enforce.ts) and test/integration/authz-matrix.test.ts iterates it against a running
 * server. Nothing else grants access; a collection's own rules may only narrow what is granted here.
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
      // Vier-Augen-Prinzip: only the office's supervisor countersigns (checked by the intakes collection when a
      // push changes the countersignature; see whoMay()).
      countersign: { supervisor: 'own' },
      // Handing a record over to another office is a deliberate, logged act of the supervisor (later issue).
      handover: { supervisor: 'own' },
      // Exporting a record (e.g. the written decision, the statistics) leaves the system: own office only.
      export: CASE_WORK,
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
/** Resources that are replicated collections (sync-api.md). */
export const COLLECTION_RESOURCES = [
  'intakes',
  'entries',
  'facilities',
  'holds',
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
