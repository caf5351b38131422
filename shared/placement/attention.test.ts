import { describe, expect, it } from 'vitest';

import type { Hold } from '../schema/hold';
import { expiredHolds, longRunningHolds } from './attention';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 24, 3, 0);
const hold = (id: string, status: Hold['status'], fromAgoH: number, expiryH = 4) => ({
  id,
  status,
  from: NOW - fromAgoH * HOUR,
  expiresAt: NOW - fromAgoH * HOUR + expiryH * HOUR,
});

describe('holds the coordinator should look at', () => {
  it('lists lapsed holds of the last week, stored as expired or still held past due, latest first', () => {
    const holds = [
      hold('stored-expired', 'expired', 10),
      hold('past-due', 'held', 6),
      hold('still-held', 'held', 1),
      hold('confirmed', 'occupied', 6),
      hold('last-month', 'expired', 24 * 30),
      { ...hold('deleted', 'held', 6), _deleted: true },
    ];
    expect(expiredHolds(holds, NOW).map((h) => h.id)).toEqual(['past-due', 'stored-expired']);
  });

  it('lists places taken for more than two days, longest first', () => {
    const holds = [
      hold('two-days-one-hour', 'occupied', 49),
      hold('a-week', 'occupied', 24 * 7),
      hold('one-day', 'occupied', 24),
      hold('released', 'released', 24 * 7),
      hold('held-long', 'held', 60, 72),
    ];
    expect(longRunningHolds(holds, NOW).map((h) => h.id)).toEqual(['a-week', 'held-long', 'two-days-one-hour']);
  });
});
