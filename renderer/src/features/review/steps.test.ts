import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { type Intake, isAllowedReviewStep, reviewStateOf } from '../../../../shared/schema/intake';
import { countersigned, handedOver, resubmitted, returned, reviewQueue } from './steps';

const intake = (id: string, receivedAt: number, status: Intake['status'] = 'submitted'): Intake => ({
  ...demoNightRecord(receivedAt),
  id,
  officeId: 'pinneberg',
  createdBy: 'bereitschaft.pinneberg',
  createdAt: receivedAt,
  updatedAt: receivedAt,
  updatedBy: 'bereitschaft.pinneberg',
  status,
  conflicts: [],
});
const boss = { id: 'leitung.pinneberg' };

describe('review steps', () => {
  it('lists submitted records newest first and leaves drafts out', () => {
    const queue = reviewQueue([intake('a', 1_000), intake('b', 3_000), intake('c', 2_000, 'draft')]);
    expect(queue.map((i) => i.id)).toEqual(['b', 'a']);
  });

  it('walks return, resubmission, countersignature and handover along the allowed steps, keeping who and when', () => {
    const start = intake('a', 1_000);
    const back = { ...start, review: returned(start, boss, 2_000, '  Bitte ergänzen.  ') };
    expect(back.review).toEqual({
      state: 'returned',
      returnedBy: boss.id,
      returnedAt: 2_000,
      returnComment: 'Bitte ergänzen.',
    });
    const again = { ...back, review: resubmitted(back) };
    expect(reviewStateOf(again)).toBe('new');
    expect(again.review?.returnComment).toBe('Bitte ergänzen.');
    const signed = { ...again, review: countersigned(again, boss, 3_000) };
    expect(isAllowedReviewStep(reviewStateOf(again), reviewStateOf(signed))).toBe(true);
    const gone = { ...signed, review: handedOver(signed, boss, 4_000, 'segeberg') };
    expect(gone.review).toMatchObject({
      state: 'handed_over',
      countersignedAt: 3_000,
      handedOverTo: 'segeberg',
      handedOverBy: boss.id,
    });
    expect(isAllowedReviewStep('handed_over', 'returned')).toBe(false);
    // A returned record is signed only after the worker has handed it back.
    expect(isAllowedReviewStep(reviewStateOf(back), 'countersigned')).toBe(false);
  });
});
