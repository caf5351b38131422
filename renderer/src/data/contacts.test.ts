import { demoContacts } from '../../../shared/demo/contacts';
import type { SessionUser } from '../../../shared/sync/protocol';
import { openTestDatabase } from '../test-fixtures/database';
import { ContactRepository } from './contacts';
import type { ObhutDatabase } from './database';
import { PendingWrites } from './pending';

const T = 1_790_000_000_000;
const leitung: SessionUser = {
  id: 'leitung.pinneberg',
  username: 'leitung.pinneberg',
  displayName: 'Leitung',
  officeId: 'pinneberg',
  roles: ['supervisor'],
};

let db: ObhutDatabase;
let pending: PendingWrites;
let repo: ContactRepository;

beforeEach(async () => {
  db = await openTestDatabase('contacts');
  pending = await PendingWrites.open(db);
  repo = new ContactRepository(db.contacts, pending, leitung, () => T);
});
afterEach(async () => {
  await db.close();
});

describe('the night directory on the laptop', () => {
  it('stores the demo directory as pulled (the local schema accepts what the server seeds)', async () => {
    const demo = demoContacts(T);
    await db.contacts.bulkInsert(demo);
    expect((await repo.list()).map((c) => c.id)).toEqual(demo.map((c) => c.id).sort());
  });

  it('creates and changes an own office entry, clearing optional fields the edit left empty', async () => {
    const made = await repo.create({
      officeId: 'pinneberg',
      name: 'Hintergrunddienst Pinneberg: Test',
      category: 'background_duty',
      languages: [],
      phones: [{ id: 'p1', number: '04121 99 99 90' }],
      availability: { kind: 'nights' },
      areas: ['pinneberg'],
      areaNote: 'Elmshorn',
      notes: '',
      validFrom: T,
      validTo: T + 86_400_000,
    });
    const { id, updatedAt, updatedBy, conflicts, areaNote, validFrom, validTo, ...rest } = made;
    void [updatedAt, updatedBy, conflicts, areaNote, validFrom, validTo];
    await repo.update(id, { ...rest, name: 'Rufbereitschaft Pinneberg' }, made);
    const [stored] = await repo.list();
    expect(stored).toMatchObject({ name: 'Rufbereitschaft Pinneberg', updatedBy: 'leitung.pinneberg' });
    expect(stored).not.toHaveProperty('areaNote');
    expect(stored).not.toHaveProperty('validFrom');
  });

  it("merges a colleague's change that arrived while the editor was open, keeping both edits", async () => {
    const demo = demoContacts(T - 10_000).find((c) => c.officeId === 'pinneberg')!;
    await db.contacts.insert(demo);
    const opened = (await repo.list()).find((c) => c.id === demo.id)!;
    // The colleague's save reaches this laptop (as a pull writes it) while the editor is open.
    const doc = await db.contacts.findOne(demo.id).exec();
    await doc!.incrementalPatch({
      name: 'Name der Kollegin',
      notes: 'Notiz der Kollegin',
      updatedAt: T - 5_000,
      updatedBy: 'kollegin',
    });
    const { id, updatedAt, updatedBy, conflicts, ...input } = opened;
    void [updatedAt, updatedBy, conflicts];
    await repo.update(id, { ...input, name: 'Mein Name', areas: ['pinneberg', 'stormarn'] }, opened);

    const stored = (await repo.list()).find((c) => c.id === demo.id)!;
    // Only this editor changed the areas; only the colleague the notes; both the name: hers stays, mine is kept.
    expect(stored).toMatchObject({
      areas: ['pinneberg', 'stormarn'],
      notes: 'Notiz der Kollegin',
      name: 'Name der Kollegin',
    });
    expect(stored.conflicts).toEqual([
      expect.objectContaining({
        field: 'name',
        value: JSON.stringify('Mein Name'),
        by: 'leitung.pinneberg',
        winner: expect.objectContaining({ by: 'kollegin' }),
      }),
    ]);
    expect(pending.ids).toEqual([demo.id]);
  });

  it('removes an entry as one tombstone that names its writer, waiting for the server', async () => {
    const demo = demoContacts(T - 1_000).find((c) => c.officeId === 'pinneberg')!;
    await db.contacts.insert(demo);
    await repo.remove(demo.id);
    expect(await repo.list()).toEqual([]);
    const [tombstone] = await db.contacts.storageInstance.findDocumentsById([demo.id], true);
    expect(tombstone).toMatchObject({ _deleted: true, updatedBy: 'leitung.pinneberg', updatedAt: T });
    expect(pending.ids).toEqual([demo.id]);
  });

  it('refuses to write an entry the user does not keep, before anything is stored', async () => {
    await expect(
      repo.create({
        officeId: 'verbund',
        name: 'Fremd',
        category: 'other',
        languages: [],
        phones: [{ id: 'p1', number: '04121 99 99 91' }],
        availability: { kind: 'always' },
        areas: [],
        notes: '',
      }),
    ).rejects.toThrow();
    expect(await repo.list()).toEqual([]);
  });
});
