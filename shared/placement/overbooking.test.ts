import { describe, expect, it } from 'vitest';

import type { HoldStatus } from '../schema/hold';
import { freePlaces } from './freePlaces';
import { overbookedHoldIds, overbookingChanges } from './overbooking';

const HOUR = 3_600_000;
const MIN = 60_000;
const REPORT = Date.UTC(2025, 10, 24, 0, 0);
const NOW = REPORT + 2 * HOUR;

const facility = (free: number) => ({
  id: 'jsh',
  totalPlaces: 20,
  freeReports: [{ id: 'r1', free, reportedAt: REPORT, reportedBy: 'k' }],
});
const hold = (id: string, createdAt: number, status: HoldStatus = 'held', overbooked = false) => ({
  id,
  facilityId: 'jsh',
  status,
  createdAt,
  expiresAt: createdAt + 4 * HOUR,
  overbooked,
});

describe('over-booking', () => {
  it('flags both holds when two offices hold the last place offline; the facility shows one place too few', () => {
    // Segeberg and Pinneberg each see "1 frei" in their offline snapshot and hold it; both sync afterwards.
    const segeberg = hold('segeberg-hold', REPORT + 40 * MIN);
    const pinneberg = hold('pinneberg-hold', REPORT + 42 * MIN);
    expect(overbookedHoldIds(facility(1), [pinneberg, segeberg], NOW)).toEqual(['segeberg-hold', 'pinneberg-hold']);
    expect(freePlaces(facility(1), [pinneberg, segeberg], NOW)).toMatchObject({ free: -1, overbooked: true });
  });

  it('flags nothing while the holds fit, even when they take the last place', () => {
    const holds = [hold('a', REPORT + MIN), hold('b', REPORT + 2 * MIN), hold('c', REPORT + 3 * MIN)];
    expect(overbookedHoldIds(facility(3), holds, NOW)).toEqual([]);
    expect(overbookedHoldIds(facility(3), holds.slice(0, 1), NOW)).toEqual([]);
  });

  it('flags the hold that took the last place and every later one, not those with places to spare', () => {
    const holds = [
      hold('d', REPORT + 4 * MIN),
      hold('a', REPORT + MIN),
      hold('c', REPORT + 3 * MIN),
      hold('b', REPORT + 2 * MIN),
    ];
    expect(overbookedHoldIds(facility(3), holds, NOW)).toEqual(['c', 'd']);
  });

  it('flags every hold on a facility reported full', () => {
    expect(overbookedHoldIds(facility(0), [hold('a', REPORT + MIN), hold('b', REPORT + 2 * MIN)], NOW)).toEqual([
      'a',
      'b',
    ]);
  });

  it('lifts the flags once a competing hold is released or lapses, or a report finds room for both', () => {
    const a = hold('a', REPORT + MIN);
    const b = hold('b', REPORT + 2 * MIN);
    expect(overbookedHoldIds(facility(1), [a, { ...b, status: 'released' as const }], NOW)).toEqual([]);
    expect(overbookedHoldIds(facility(1), [a, b], REPORT + 5 * HOUR)).toEqual([]);
    const report = (free: number) => ({
      ...facility(1),
      freeReports: [...facility(1).freeReports, { id: 'r2', free, reportedAt: REPORT + HOUR, reportedBy: 'k' }],
    });
    // Issue 12: a later "1 frei" does not clear the warning while both holds still take a place.
    expect(overbookedHoldIds(report(1), [a, b], NOW)).toEqual(['a', 'b']);
    expect(overbookedHoldIds(report(2), [a, b], NOW)).toEqual([]);
  });

  it('keeps an occupied hold in the count: the child is there, the place is gone', () => {
    const holds = [hold('a', REPORT + MIN, 'occupied'), hold('b', REPORT + 2 * MIN)];
    expect(overbookedHoldIds(facility(1), holds, NOW)).toEqual(['a', 'b']);
  });

  it('gives the server exactly the flags to change', () => {
    const holds = [
      hold('a', REPORT + MIN, 'held', true), // flagged, stays flagged
      hold('b', REPORT + 2 * MIN), // newly competing: gets the flag
      hold('old', REPORT - MIN, 'occupied', true), // admitted before the report (counted there): loses the flag
      hold('gone', REPORT + 3 * MIN, 'released', true), // released: loses the flag
      { ...hold('deleted', REPORT + MIN, 'held', true), _deleted: true }, // left alone
      { ...hold('elsewhere', REPORT + MIN, 'held', true), facilityId: 'elmshorn' }, // another facility
    ];
    expect(overbookingChanges(facility(1), holds, NOW)).toEqual([
      { id: 'b', overbooked: true },
      { id: 'old', overbooked: false },
      { id: 'gone', overbooked: false },
    ]);
  });
});
