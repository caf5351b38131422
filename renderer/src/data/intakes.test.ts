import { BehaviorSubject, filter, firstValueFrom } from 'rxjs';

import type { Intake } from '../../../shared/schema/intake';
import { openTestDatabase } from '../test-fixtures/database';
import { submittedRecord } from '../test-fixtures/intake';
import { type ObhutDatabase } from './database';
import { IntakeRepository } from './intakes';
import { PendingWrites } from './pending';

const user = {
  id: 'leitung.segeberg',
  username: 'leitung.segeberg',
  displayName: 'Lena Leitung',
  officeId: 'segeberg',
  roles: ['supervisor'],
};
const NOW = Date.parse('2025-05-20T08:00+02:00');

let db: ObhutDatabase;
let repo: IntakeRepository;
let pending: PendingWrites;

beforeEach(async () => {
  db = await openTestDatabase('obhut_intakes');
  pending = await PendingWrites.open(db);
  repo = new IntakeRepository(db.intakes, pending, user, () => NOW);
  await db.intakes.insert(submittedRecord('mia', 'Mia', '2025-05-20T00:00+02:00'));
});
afterEach(async () => {
  await db.close();
});

const height = (revision: string) => Number(revision.split('-')[0]);
const stored = async () => (await db.intakes.findOne('mia').exec())!.toMutableJSON();
/** "In Prüfung" only from "neu", as the review page does on opening a record. */
const startReview = (current: Intake) =>
  current.review === undefined ? { review: { state: 'in_review' as const } } : null;
const countersign = (current: Intake) => ({
  review: { ...current.review, state: 'countersigned' as const, countersignedBy: user.id, countersignedAt: NOW },
});

describe('IntakeRepository.modify', () => {
  it('computes the change from the record as it is when written, so a step that landed first is not reverted', async () => {
    // Both read "neu"; the countersignature is written first, and the late "in Prüfung" must not undo it.
    const [signed, started] = await Promise.all([repo.modify('mia', countersign), repo.modify('mia', startReview)]);
    expect(signed?.review?.state).toBe('countersigned');
    expect(started).toBeNull();
    expect((await stored()).review).toEqual({ state: 'countersigned', countersignedBy: user.id, countersignedAt: NOW });
  });

  it('writes and marks nothing when the record no longer allows the change', async () => {
    const before = await stored();
    expect(await repo.modify('mia', () => null)).toBeNull();
    const after = await stored();
    expect(after).toEqual(before);
    expect(pending.ids).toEqual([]);
  });

  it("writes and marks nothing when that is only found at the write (a colleague's step landed in between)", async () => {
    const signed = { state: 'countersigned' as const, countersignedBy: 'leitung2.segeberg', countersignedAt: NOW - 1 };
    // The colleague's countersignature arrives from the server just as this device is about to write "in Prüfung".
    let arrived: string | undefined;
    db.intakes.preSave(async () => {
      if (arrived) return;
      const doc = (await db.intakes.findOne('mia').exec())!;
      const previous = doc.toJSON(true) as never as { _rev: string };
      const result = await db.intakes.storageInstance.bulkWrite(
        [
          {
            previous: previous as never,
            document: { ...(previous as object), review: signed, updatedBy: 'leitung2.segeberg' } as never,
          },
        ],
        'test-colleague',
      );
      expect(result.error).toEqual([]);
      arrived = (await db.intakes.findOne('mia').exec())!.revision;
    }, false);
    expect(await repo.modify('mia', startReview)).toBeNull();
    // One more write through RxDB's write queue lands after anything the queue still held: exactly one revision
    // after the colleague's means this device wrote nothing (not even the unchanged record).
    const after = await (await db.intakes.findOne('mia').exec())!.incrementalPatch({ situation: 'Nachtrag' });
    expect(height(after.revision)).toBe(height(arrived!) + 1);
    expect(after.toMutableJSON().review).toEqual(signed);
    // Not "nicht synchronisiert": nothing of this device waits for the server.
    expect(pending.ids).toEqual([]);
  });

  it('keeps an earlier unconfirmed write of the record marked when a step turns out not to apply', async () => {
    await repo.modify('mia', startReview);
    expect(pending.ids).toEqual(['mia']);
    expect(await repo.modify('mia', startReview)).toBeNull();
    expect(pending.ids).toEqual(['mia']);
  });

  it('keeps the other fields and sets who wrote when', async () => {
    await repo.modify('mia', startReview);
    const after = await stored();
    expect(after.review).toEqual({ state: 'in_review' });
    expect(after.child).toEqual({ firstName: 'Mia', lastName: 'Testkind' });
    expect(after).toMatchObject({ updatedAt: NOW, updatedBy: user.id, createdBy: 'bereitschaft.segeberg' });
  });

  it('refuses a record that does not exist', async () => {
    await expect(repo.modify('nobody', startReview)).rejects.toThrow('intake nobody not found');
  });
});

describe('IntakeRepository reads for the list page', () => {
  beforeEach(async () => {
    await db.intakes.bulkInsert([
      submittedRecord('ole', 'Ole', '2025-05-19T23:00+02:00', { status: 'draft' }),
      submittedRecord('lio', 'Lio', '2025-05-18T23:00+02:00', { officeId: 'pinneberg' }),
      submittedRecord('ben', 'Ben', '2025-05-17T23:00+02:00'),
    ]);
  });
  const ids = (intakes: Intake[]) => intakes.map((i) => i.id);

  it('reads the newest first up to a limit, narrowed by status and call time, and counts all', async () => {
    expect(ids(await firstValueFrom(repo.newest$(2)))).toEqual(['mia', 'ole']);
    expect(ids(await firstValueFrom(repo.newest$(10)))).toEqual(['mia', 'ole', 'lio', 'ben']);
    expect(ids(await firstValueFrom(repo.newest$(10, { status: 'draft' })))).toEqual(['ole']);
    const from = Date.parse('2025-05-18T00:00+02:00');
    const to = Date.parse('2025-05-20T00:00+02:00');
    expect(ids(await firstValueFrom(repo.newest$(10, { from, to })))).toEqual(['ole', 'lio']);
    expect(await firstValueFrom(repo.count$())).toBe(4);
  });

  it('finds by name through the index, newest first, and follows a rename', async () => {
    await repo.update('ben', { child: { firstName: 'Ben', lastName: 'Müller' } });
    const hits = new BehaviorSubject<string[] | null>(null);
    const sub = repo.search$('MULL').subscribe((found) => hits.next(ids(found)));
    expect(await firstValueFrom(hits.pipe(filter(Boolean)))).toEqual(['ben']);
    await repo.update('mia', { child: { firstName: 'Mia', lastName: 'Müllermann' } });
    expect(await firstValueFrom(hits.pipe(filter((h) => h?.length === 2)))).toEqual(['mia', 'ben']);
    sub.unsubscribe();
    repo.close();
  });

  it('reads only the records asked for by id', async () => {
    const found = await firstValueFrom(repo.byIds$(['lio', 'gibt-es-nicht']));
    expect([...found.keys()]).toEqual(['lio']);
  });
});
