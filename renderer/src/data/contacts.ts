import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';

import { mayWriteContact } from '../../../shared/rules/contacts';
import { type Contact, CONTACT_CONTENT_FIELDS } from '../../../shared/schema/contact';
import { mergeDocuments } from '../../../shared/sync/merge';
import type { SessionUser } from '../../../shared/sync/protocol';
import { newId } from './intakes';
import { LocalWrites } from './local-writes';
import type { PendingWrites } from './pending';

export type ContactInput = Pick<
  Contact,
  'officeId' | 'name' | 'category' | 'languages' | 'phones' | 'availability' | 'areas' | 'notes'
> &
  Partial<Pick<Contact, 'areaNote' | 'validFrom' | 'validTo'>>;

/** Optional fields an edit may clear: absent from the input means removed from the entry. */
const OPTIONAL = [
  'areaNote',
  'validFrom',
  'validTo',
] as const satisfies readonly (typeof CONTACT_CONTENT_FIELDS)[number][];

/**
 * The night directory on this laptop: every entry of the Verbund for the search (offline), and the writes of
 * those who keep entries (shared/rules/contacts.ts; the server enforces the same rule).
 */
export class ContactRepository {
  private readonly writes: LocalWrites<Contact>;

  constructor(
    private readonly collection: RxCollection<Contact>,
    pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number = Date.now,
  ) {
    this.writes = new LocalWrites(collection, pending, user, now);
  }

  list$(): Observable<Contact[]> {
    return this.collection
      .find({ sort: [{ id: 'asc' }] })
      .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Contact)));
  }

  async list(): Promise<Contact[]> {
    const docs = await this.collection.find({ sort: [{ id: 'asc' }] }).exec();
    return docs.map((d) => d.toJSON() as Contact);
  }

  mayWrite(owner: string): boolean {
    return mayWriteContact(this.user, owner);
  }

  async create(input: ContactInput, id: string = newId()): Promise<Contact> {
    this.assertMayWrite(input.officeId);
    const contact: Contact = { id, ...input, updatedAt: this.now(), updatedBy: this.user.id, conflicts: [] };
    return this.writes.insert(contact);
  }

  /**
   * Saves the editor's `input` over `base`, the entry as the editor opened it. A colleague's change that reached
   * this laptop meanwhile is merged like a sync conflict (shared/sync/merge.ts): a field only one side changed takes
   * that side's value; a field both changed keeps the colleague's value and records this edit in `conflicts`.
   * Writing the whole form over the newer entry would drop the colleague's change without a trace (the sync fuzzer
   * found it: a directory name pulled a moment before the save was gone).
   */
  async update(id: string, input: ContactInput, base: Contact): Promise<void> {
    const doc = await this.writes.find(id, 'contact');
    this.assertMayWrite(doc.officeId);
    this.assertMayWrite(input.officeId);
    await this.writes.modify(doc, (current, at) => {
      const edited: Contact = { ...base, ...input, updatedAt: at, updatedBy: this.user.id };
      for (const field of OPTIONAL) if (input[field] === undefined) delete edited[field];
      return mergeDocuments({ ...base, _deleted: false }, { ...edited, _deleted: false }, current);
    });
  }

  async remove(id: string): Promise<void> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) return;
    this.assertMayWrite(doc.officeId);
    // The tombstone names its writer too: the server checks the author of every write.
    await this.writes.modify(doc, (current) => ({ ...current, _deleted: true }));
  }

  private assertMayWrite(owner: string) {
    if (!this.mayWrite(owner)) throw new Error(`not allowed to keep directory entries of ${owner}`);
  }
}
