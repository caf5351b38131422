import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Intake } from '../../../shared/schema/intake';
import { submittedRecord } from '../test-fixtures/intake';
import { openDatabase, type ObhutDatabase } from './database';
import { IntakeRepository } from './intakes';
import { PendingWrites } from './pending';

const user = { id: 'leitung.segeberg', username: 'leitung.segeberg', displayName: 'Lena Leitung', officeId: 'segeberg', roles: ['supervisor'] };
const NOW = Date.parse('2025-05-20T08:00+02:00');

let db: ObhutDatabase;
let repo: IntakeRepository;
let n = 0;

beforeEach(async () => {
  db = await openDatabase({ name: `obhut_intakes_${n++}`, key: 'k'.repeat(64), env: { indexedDB: new IDBFactory(), IDBKeyRange } });
  repo = new IntakeRepository(db.intakes, await PendingWrites.open(db), user, () => NOW);
  await db.intakes.insert(submittedRecord('mia', 'Mia', '2025-05-20T00:00+02:00'));
});
afterEach(async () => {
  await db.close();
});

const stored = async () => (await db.intakes.findOne('mia').exec())!.toMutableJSON() as Intake;
/** "In Prüfung" only from "neu", as the review page does on opening a record. */
const startReview = (current: Intake) => (current.review === undefined ? { review: { state: 'in_review' as const } } : null);
const countersign = (current: Intake) => ({ review: { ...current.review, state: 'countersigned' as const, countersignedBy: user.id, countersignedAt: NOW } });

describe('IntakeRepository.modify', () => {
  it('computes the change from the record as it is when written, so a step that landed first is not reverted', async () => {
    // Both read "neu"; the countersignature is written first, and the late "in Prüfung" must not undo it.
    const [signed, started] = await Promise.all([repo.modify('mia', countersign), repo.modify('mia', startReview)]);
    expect(signed?.review?.state).toBe('countersigned');
    expect(started).toBeNull();
    expect((await stored()).review).toEqual({ state: 'countersigned', countersignedBy: user.id, countersignedAt: NOW });
  });

  it('writes nothing when the record no longer allows the change, also if that is only found at the write', async () => {
    const before = await stored();
    expect(await repo.modify('mia', () => null)).toBeNull();
    let calls = 0;
    // The first look allows it; the record as written does not (a colleague's step arrived in between).
    expect(await repo.modify('mia', (current) => (calls++ === 0 ? countersign(current) : null))).toBeNull();
    expect(calls).toBe(2);
    const after = await stored();
    expect(after.review).toBeUndefined();
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.updatedBy).toBe(before.updatedBy);
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
