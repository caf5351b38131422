import type { Role } from '../roles';
import { CONTACT_OWNERS, type ContactOwner, VERBUND_OWNER } from '../schema/contact';

/**
 * Who keeps which entries of the night directory (collection `contacts`, docs/api.md): an office's supervisors and
 * administrators keep their own office's entries, the Verbund coordination keeps the Verbund-wide ones. Everyone
 * reads all. The server enforces this (server/sync/contacts.ts); the app offers only these owners in its editor.
 * Part of the rule book (shared/rules/): the authorisation table grants, this narrows the coordination's grant.
 */
type Writer = { officeId: string; roles: readonly string[] };

const OFFICE_KEEPERS: readonly Role[] = ['supervisor', 'admin'];

export function mayWriteContact(user: Writer, owner: string): boolean {
  if (owner === VERBUND_OWNER) return user.roles.includes('coordinator');
  return owner === user.officeId && user.roles.some((r) => (OFFICE_KEEPERS as readonly string[]).includes(r));
}

/** The owners whose entries the user may create or change, in the order the editor offers them. */
export function contactOwnersFor(user: Writer): ContactOwner[] {
  return CONTACT_OWNERS.filter((owner) => mayWriteContact(user, owner));
}
