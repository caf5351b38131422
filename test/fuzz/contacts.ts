import type { ObhutClient } from '../../renderer/src/data/client';
import type { ContactInput } from '../../renderer/src/data/contacts';
import { contactOwnersFor } from '../../shared/rules/contacts';
import type { Contact } from '../../shared/schema/contact';
import type { ActionResult } from './protocol';
import type { Rng } from './rng';

/**
 * The fuzzer's part for `contacts`, the night directory, through the app's ContactRepository (what the
 * directory's editor does):
 * - contact.create: a keeper (an office's supervisor) adds an entry of the own office.
 * - contact.edit: a keeper changes the name or the notes of one of the office's entries (demo ones included).
 * - contact.forbidden: a user changes an entry the rule does not let them keep (an on-call worker's own office
 *   entry, or another office's or the Verbund's). The editor never offers it; here the write goes straight into the
 *   local collection, as an outdated app would make it. The server must refuse it with the expected code, the entry
 *   must stay as it was on the server, and the writing client must show the refusal.
 * Every client reads every entry, so all of them must converge on the whole directory.
 */
export const CONTACT_TRACKED = ['name', 'notes'] as const;
type Tracked = (typeof CONTACT_TRACKED)[number];

export type ContactAction =
  | { kind: 'contact.create'; token: string }
  | { kind: 'contact.edit'; pick: number; field: Tracked; token: string }
  | { kind: 'contact.forbidden'; pick: number; token: string };

export const CONTACT_WEIGHTS = { 'contact.create': 2, 'contact.edit': 5, 'contact.forbidden': 3 };

export function chooseContactAction(kind: ContactAction['kind'], rng: Rng, token: string): ContactAction {
  switch (kind) {
    case 'contact.create':
      return { kind, token };
    case 'contact.edit':
      return { kind, pick: rng.float(), field: rng.pick(CONTACT_TRACKED), token };
    case 'contact.forbidden':
      return { kind, pick: rng.float(), token };
  }
}

export function contactField(doc: Contact, field: string): unknown {
  if (!(CONTACT_TRACKED as readonly string[]).includes(field)) throw new Error(`untracked field ${field} of a contact`);
  return doc[field as Tracked];
}

/**
 * What the server answers the fuzzer's users (on-call workers and supervisors): the authorisation table gives an
 * on-call worker no write at all, a supervisor her own office only (shared/rules/authz.ts).
 */
function expectedRefusal(client: ObhutClient): string {
  return client.user.roles.includes('supervisor') ? 'other_office' : 'forbidden';
}

const pickOf = <T>(list: T[], pick: number): T | undefined =>
  list.length ? list[Math.floor(pick * list.length)] : undefined;

const textOf = (field: Tracked, token: string) => (field === 'name' ? `Fiktiver Dienst ${token}` : `Hinweis ${token}`);

export async function applyContactAction(client: ObhutClient, action: ContactAction): Promise<ActionResult> {
  const owners = contactOwnersFor(client.user);
  const all = (await client.db.contacts.find({ sort: [{ id: 'asc' }] }).exec()).map((d) => d.toJSON() as Contact);

  if (action.kind === 'contact.create') {
    const owner = owners[0];
    if (!owner) return { ok: false, note: 'keeps no directory entries' };
    const input: ContactInput = {
      officeId: owner,
      name: textOf('name', action.token),
      category: 'transport',
      languages: [],
      phones: [{ id: 'p1', number: '04551 99 99 77' }],
      availability: { kind: 'always' },
      areas: [],
      notes: textOf('notes', action.token),
    };
    const made = await client.contacts.create(input);
    return {
      ok: true,
      writes: CONTACT_TRACKED.map((field) => ({ collection: 'contacts', id: made.id, field, value: made[field] })),
      replaced: [],
      created: { collection: 'contacts', id: made.id, officeId: made.officeId },
      note: `contact ${made.id} of ${owner}`,
    };
  }

  if (action.kind === 'contact.edit') {
    const target = pickOf(
      all.filter((c) => owners.includes(c.officeId)),
      action.pick,
    );
    if (!target) return { ok: false, note: 'no directory entry to keep' };
    const value = textOf(action.field, action.token);
    const { id, updatedAt, updatedBy, conflicts, ...input } = target;
    void updatedAt;
    void updatedBy;
    void conflicts;
    await client.contacts.update(id, { ...input, [action.field]: value }, target);
    const was = target[action.field];
    const write = { collection: 'contacts', id, field: action.field, value };
    return { ok: true, writes: [write], replaced: was === value ? [] : [{ ...write, value: was }], note: `edit ${id}` };
  }

  const target = pickOf(
    all.filter((c) => !owners.includes(c.officeId)),
    action.pick,
  );
  if (!target) return { ok: false, note: 'no entry this user may not keep' };
  const doc = await client.db.contacts.findOne(target.id).exec();
  if (!doc) return { ok: false, note: `${target.id} gone` };
  await doc.incrementalPatch({ notes: `Unerlaubt ${action.token}`, updatedAt: Date.now(), updatedBy: client.user.id });
  return {
    ok: true,
    writes: [],
    replaced: [],
    refused: { collection: 'contacts', id: target.id, code: expectedRefusal(client) },
    note: `change ${target.id} of ${target.officeId} (may not keep it: must be refused)`,
  };
}
