import { demoNightRecord } from '../demo/nightRecord';
import type { Intake } from '../schema/intake';
import { type Actor, afterStep, intakeWriteDenial, isAllowedReviewStep, offeredSteps, reviewAfter } from './intake';

const T = Date.UTC(2026, 0, 12, 8, 0);
const worker: Actor = { id: 'bereitschaft.pinneberg', officeId: 'pinneberg', roles: ['oncall'] };
const boss: Actor = { id: 'leitung.pinneberg', officeId: 'pinneberg', roles: ['supervisor'] };
const bossOnCall: Actor = { ...boss, roles: ['oncall', 'supervisor'] };
const foreignBoss: Actor = { id: 'leitung.stormarn', officeId: 'stormarn', roles: ['supervisor'] };

const record = (overrides: Partial<Intake> = {}): Intake => ({
  ...demoNightRecord(T - 3_600_000),
  id: 'r1',
  officeId: 'pinneberg',
  createdBy: worker.id,
  createdAt: T - 3_600_000,
  updatedAt: T - 3_600_000,
  updatedBy: worker.id,
  status: 'submitted',
  conflicts: [],
  ...overrides,
});
const at = { at: T };

describe('the rule book: one write of a night record', () => {
  it('lets the review walk its steps: return, resubmission, countersignature, handover, close; never back', () => {
    expect(isAllowedReviewStep('handed_over', 'returned')).toBe(false);
    expect(isAllowedReviewStep('returned', 'countersigned')).toBe(false);
    const start = record();
    expect(offeredSteps(boss, start, T)).toEqual(['start_review', 'return', 'countersign', 'delete']);
    const back = afterStep(start, 'return', boss, { ...at, comment: '  Bitte ergänzen. ' });
    expect(back.review).toEqual({
      state: 'returned',
      returnedBy: boss.id,
      returnedAt: T,
      returnComment: 'Bitte ergänzen.',
    });
    // The supervisor may correct and hand it back herself, as the worker may (both write the office's records).
    expect(offeredSteps(boss, back, T)).toEqual(['start_review', 'resubmit', 'delete']);
    expect(offeredSteps(worker, back, T)).toEqual(['resubmit']);
    const again = afterStep(back, 'resubmit', worker, at);
    expect(again.review).toEqual({ ...back.review, state: 'new' });
    const signed = afterStep(again, 'countersign', boss, at);
    expect(intakeWriteDenial(boss, again, signed)).toBeNull();
    expect(offeredSteps(boss, signed, T)).toEqual(['hand_over']);
    expect(offeredSteps(worker, signed, T)).toEqual([]);
    const gone = afterStep(signed, 'hand_over', boss, { ...at, to: 'segeberg' });
    expect(gone.review).toMatchObject({ state: 'handed_over', countersignedBy: boss.id, handedOverTo: 'segeberg' });
    const ended = { ...gone, end: { endedAt: T, reason: 'foster_family' as const } };
    expect(offeredSteps(boss, ended, T)).toEqual(['close']);
  });

  it('stamps the writer: the caller writes, creates, and signs in their own name only', () => {
    const doc = record({ status: 'draft' });
    expect(intakeWriteDenial(worker, undefined, doc)).toBeNull();
    expect(intakeWriteDenial(boss, undefined, { ...doc, updatedBy: boss.id })).toBe('author_mismatch');
    expect(intakeWriteDenial(worker, undefined, { ...doc, updatedBy: boss.id })).toBe('author_mismatch');
    expect(intakeWriteDenial(worker, doc, { ...doc, createdBy: boss.id })).toBe('field_not_writable');
    const signed = afterStep(record(), 'countersign', boss, at);
    const forOther = { ...signed, review: { ...signed.review!, countersignedBy: 'leitung.segeberg' } };
    expect(intakeWriteDenial(boss, record(), forOther)).toBe('author_mismatch');
    expect(intakeWriteDenial(foreignBoss, record(), { ...signed, updatedBy: foreignBoss.id })).toBe('other_office');
  });

  it('refuses names with control or direction characters', () => {
    const doc = record({ child: { firstName: 'Max\u202e', lastName: 'Muster' } });
    expect(intakeWriteDenial(worker, undefined, doc)).toBe('unsafe_characters');
    expect(
      intakeWriteDenial(worker, undefined, record({ child: { firstName: 'Zoë', lastName: 'Öztürk' } })),
    ).toBeNull();
  });

  it('creates no record already in a review state', () => {
    const signed = afterStep(record(), 'countersign', boss, at);
    expect(intakeWriteDenial(boss, undefined, { ...signed, createdBy: boss.id })).toBe('review_at_creation');
    expect(intakeWriteDenial(worker, undefined, record({ review: { state: 'new' } }))).toBeNull();
  });

  it('keeps four eyes on the stored author, and no edit rides along with a signature', () => {
    const own = record({ createdBy: bossOnCall.id, updatedBy: bossOnCall.id });
    expect(offeredSteps(bossOnCall, own, T)).not.toContain('countersign');
    expect(intakeWriteDenial(bossOnCall, own, afterStep(own, 'countersign', bossOnCall, at))).toBe('four_eyes');
    const rewritten = { ...afterStep(record(), 'countersign', boss, at), situation: 'Anders.' };
    expect(intakeWriteDenial(boss, record(), rewritten)).toBe('countersign_with_changes');
    expect(intakeWriteDenial(boss, record({ conflicts: [] }), afterStep(record(), 'countersign', boss, at))).toBeNull();
  });

  it('deletes: on-call only an own draft never submitted, supervisors unsigned records, nobody a signed one', () => {
    const draft = record({ status: 'draft' });
    expect(offeredSteps(worker, draft, T)).toEqual(['delete']);
    expect(offeredSteps({ ...worker, id: 'bereitschaft.kollegin' }, draft, T)).toEqual([]);
    expect(offeredSteps(worker, record(), T)).toEqual([]);
    expect(offeredSteps(boss, record(), T)).toContain('delete');
    const signed = afterStep(record(), 'countersign', boss, at);
    expect(intakeWriteDenial(boss, signed, afterStep(signed, 'delete', boss, at))).toBe('record_not_deletable');
    const tombstone = { ...signed, _deleted: true };
    expect(intakeWriteDenial(boss, tombstone, { ...tombstone, _deleted: false, updatedAt: T })).toBe(
      'record_not_deletable',
    );
  });

  it('builds the review a step writes from the record as it is', () => {
    const back = afterStep(record(), 'return', boss, { ...at, comment: 'x' });
    expect(reviewAfter(back, 'start_review', boss, at)).toEqual({ ...back.review, state: 'in_review' });
  });
});
