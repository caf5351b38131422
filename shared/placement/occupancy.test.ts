import { describe, expect, it } from 'vitest';

import type { Hold } from '../schema/hold';
import { holdInterval, occupancyByOffice } from './occupancy';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 10, 20, 0, 0);
const NOW = T0 + 48 * HOUR;

const hold = (officeId: Hold['officeId'], status: Hold['status'], fromH: number, extra: Partial<Hold> = {}) => ({
  officeId,
  status,
  from: T0 + fromH * HOUR,
  expiresAt: T0 + (fromH + 4) * HOUR,
  updatedAt: T0 + fromH * HOUR,
  ...extra,
});

describe('hold intervals', () => {
  it('runs until given back, lapsed, or now', () => {
    expect(holdInterval(hold('segeberg', 'released', 2, { updatedAt: T0 + 10 * HOUR }), NOW)).toEqual([
      T0 + 2 * HOUR,
      T0 + 10 * HOUR,
    ]);
    expect(holdInterval(hold('segeberg', 'expired', 2), NOW)).toEqual([T0 + 2 * HOUR, T0 + 6 * HOUR]);
    expect(holdInterval(hold('segeberg', 'held', 2), NOW)).toEqual([T0 + 2 * HOUR, T0 + 6 * HOUR]);
    expect(holdInterval(hold('segeberg', 'held', 47), NOW)).toEqual([T0 + 47 * HOUR, NOW + 1]);
    expect(holdInterval(hold('segeberg', 'occupied', 2), NOW)).toEqual([T0 + 2 * HOUR, NOW + 1]);
  });
});

describe('occupancy by office over time', () => {
  it('counts the places each office takes at each moment', () => {
    const holds = [
      hold('segeberg', 'occupied', 1),
      hold('segeberg', 'held', 46),
      hold('stormarn', 'released', 5, { updatedAt: T0 + 30 * HOUR }),
      hold('pinneberg', 'expired', 20),
      { ...hold('norderstedt', 'occupied', 1), _deleted: true },
    ];
    const points = occupancyByOffice(holds, { from: T0, to: NOW, points: 5 }, NOW);
    expect(points.map((p) => p.at)).toEqual([0, 12, 24, 36, 48].map((h) => T0 + h * HOUR));
    expect(points.map((p) => p.segeberg)).toEqual([0, 1, 1, 1, 2]);
    expect(points.map((p) => p.stormarn)).toEqual([0, 1, 1, 0, 0]);
    // From 20 h to 24 h: the moment at 24 h is the end, which is exclusive.
    expect(points.map((p) => p.pinneberg)).toEqual([0, 0, 0, 0, 0]);
    expect(points.map((p) => p.norderstedt)).toEqual([0, 0, 0, 0, 0]);
  });
});
