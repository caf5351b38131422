import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import { statisticsOf } from './statistics';

const at = (s: string) => Date.parse(s);

describe('statistics codes derived from the night record', () => {
  it('derives every category of the demo record', () => {
    const night = demoNightRecord(at('2025-05-17T23:30+02:00'));
    const record = { ...night, end: { endedAt: at('2025-05-19T10:00+02:00'), reason: 'foster_family' as const } };
    expect(statisticsOf(record)).toEqual({
      measure: '42',
      occasion: 'urgent_danger',
      providerType: 'public',
      sex: 'female',
      ageGroup: '6_to_9',
      foreignOriginParent: 'no',
      residenceBefore: 'single_parent',
      accommodation: 'suitable_person',
      initiatedBy: 'police',
      previousAssessment8a: false,
      repeatedThisYear: undefined,
      objection: false,
      ranAwayBefore: undefined,
      reasons: ['neglect'],
      startAt: night.decision!.startAt,
      endAt: record.end.endedAt,
      // Started 18.05. 00:15 Berlin, ended 19.05.: two calendar days.
      durationDays: 2,
      endReason: 'foster_family',
    });
  });

  it.each([
    ['§42 Abs. 1 Nr. 1', '42_1_1', '42', 'self_referral'],
    ['§42 Abs. 1 Nr. 2b', '42_1_2b', '42', 'urgent_danger'],
    ['§42 Abs. 1 Nr. 3', '42_1_3', '42', 'unaccompanied_entry'],
    ['§42a', '42a', '42a', 'unaccompanied_entry'],
  ] as const)('maps %s to measure and occasion', (_name, ground, measure, occasion) => {
    expect(statisticsOf({ child: { firstName: '', lastName: '' }, decision: { ground } })).toMatchObject({
      measure,
      occasion,
    });
  });

  it('takes the age from the §42f assessment when neither birth date nor estimate is known, and counts any objection', () => {
    const codes = statisticsOf({
      child: { firstName: 'A', lastName: 'B' },
      decision: { ground: '42a', startAt: at('2025-03-01T12:00+01:00') },
      provisional: { startAt: at('2025-03-01T13:00+01:00') },
      ageAssessment: { assessedAge: 16 },
      custodians: [{ id: 'a' }, { id: 'b', objection: true }],
      placement: { freeProvider: true },
    });
    expect(codes).toMatchObject({
      ageGroup: '16_to_18',
      objection: true,
      providerType: 'free',
      startAt: at('2025-03-01T13:00+01:00'),
    });
  });
});
