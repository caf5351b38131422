import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import type { Intake } from '../../../../shared/schema/intake';
import { reviewQueue } from './steps';

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

describe('review steps', () => {
  it('lists submitted records newest first and leaves drafts out', () => {
    const queue = reviewQueue([intake('a', 1_000), intake('b', 3_000), intake('c', 2_000, 'draft')]);
    expect(queue.map((i) => i.id)).toEqual(['b', 'a']);
  });
});
