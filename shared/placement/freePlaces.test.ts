import { describe, expect, it } from 'vitest';

import type { HoldStatus } from '../schema/hold';
import { freePlaces, holdsSinceReport } from './freePlaces';

const HOUR = 3_600_000;
const MIN = 60_000;
const REPORT = Date.UTC(2025, 10, 24, 0, 0);
const NOW = REPORT + 2 * HOUR;

const facility = (free: number) => ({
  id: 'jsh',
  totalPlaces: 20,
  freeReports: [{ id: 'r1', free, reportedAt: REPORT, reportedBy: 'k' }],
});
const hold = (id: string, createdAt: number, status: HoldStatus = 'held', facilityId = 'jsh') => ({
  id,
  facilityId,
  status,
  createdAt,
  expiresAt: createdAt + 4 * HOUR,
});

describe('free places shown', () => {
  it('is the reported number when nothing was held since', () => {
    expect(freePlaces(facility(3), [], NOW)).toEqual({
      room: 'ordinary',
      capacity: 20,
      reported: 3,
      reportedAt: REPORT,
      holdsSinceReport: 0,
      free: 3,
      overbooked: false,
    });
  });

  it('subtracts held and occupied holds made since the report', () => {
    const holds = [hold('a', REPORT + MIN), hold('b', REPORT + 2 * MIN, 'occupied')];
    expect(freePlaces(facility(3), holds, NOW)).toMatchObject({ holdsSinceReport: 2, free: 1, overbooked: false });
  });

  it('ignores children admitted before the report (counted), released, expired, lapsed, deleted or elsewhere', () => {
    const holds = [
      hold('before', REPORT - MIN, 'occupied'),
      hold('released', REPORT + MIN, 'released'),
      hold('expired', REPORT + MIN, 'expired'),
      hold('lapsed', REPORT + MIN),
      { ...hold('deleted', REPORT + MIN), _deleted: true },
      hold('other-facility', REPORT + MIN, 'held', 'elmshorn'),
    ];
    // 'lapsed' was made at REPORT + 1 min with 4 h expiry; at REPORT + 5 h it no longer holds a place.
    expect(freePlaces(facility(2), holds, REPORT + 5 * HOUR)).toMatchObject({ holdsSinceReport: 0, free: 2 });
    expect(freePlaces(facility(2), holds, NOW)).toMatchObject({ holdsSinceReport: 1, free: 1 });
  });

  it('counts a hold made in the same millisecond as the report', () => {
    expect(freePlaces(facility(1), [hold('same', REPORT)], NOW).free).toBe(0);
  });

  it('goes below zero when over-booked instead of hiding it', () => {
    const holds = [hold('a', REPORT + MIN), hold('b', REPORT + 2 * MIN)];
    expect(freePlaces(facility(1), holds, NOW)).toMatchObject({ free: -1, overbooked: true });
    expect(freePlaces(facility(0), holds, NOW)).toMatchObject({ free: -2, overbooked: true });
  });

  it('a newer report counts the children admitted before it, never the places only held or promised', () => {
    const holds = [
      { ...hold('a', REPORT + MIN, 'occupied'), admittedAt: REPORT + 10 * MIN },
      hold('b', REPORT + 2 * MIN),
      hold('c', REPORT + 3 * MIN, 'confirmed'),
    ];
    const reported = facility(3);
    const newer = {
      ...reported,
      freeReports: [...reported.freeReports, { id: 'r2', free: 1, reportedAt: REPORT + HOUR, reportedBy: 'k' }],
    };
    // Issue 12: "1 frei" from the coordinator does not make two live holds fit into one place.
    expect(freePlaces(newer, holds, NOW)).toMatchObject({
      reported: 1,
      reportedAt: REPORT + HOUR,
      holdsSinceReport: 2,
      free: -1,
      overbooked: true,
    });
  });

  it('counts a hold made before the report: a held bed is still empty when the coordinator counts', () => {
    expect(freePlaces(facility(1), [hold('before', REPORT - MIN)], NOW)).toMatchObject({
      holdsSinceReport: 1,
      free: 0,
    });
  });

  it('counts an admission after the report, by its admission time', () => {
    const admitted = { ...hold('a', REPORT - HOUR, 'occupied'), admittedAt: REPORT + MIN };
    expect(freePlaces(facility(1), [admitted], NOW)).toMatchObject({ holdsSinceReport: 1, free: 0 });
  });

  it('never shows more than the capacity less the children the report counted (holds + admissions)', () => {
    const small = { ...facility(3), totalPlaces: 3 };
    const holds = [
      hold('x', REPORT - 2 * HOUR, 'occupied'),
      hold('y', REPORT - HOUR, 'occupied'),
      hold('z', REPORT + MIN),
    ];
    expect(freePlaces(small, holds, NOW)).toMatchObject({
      reported: 3,
      holdsSinceReport: 1,
      free: 0,
      overbooked: false,
    });
    expect(freePlaces(small, [...holds, hold('w', REPORT + 2 * MIN)], NOW)).toMatchObject({
      free: -1,
      overbooked: true,
    });
  });

  it('an enquiry or a refusal takes no place', () => {
    const holds = [hold('q', REPORT + MIN, 'requested'), hold('r', REPORT + MIN, 'refused')];
    expect(freePlaces(facility(1), holds, NOW)).toMatchObject({ holdsSinceReport: 0, free: 1 });
  });

  it('orders the holds since the report by creation, then id', () => {
    const holds = [hold('c', REPORT + 2 * MIN), hold('b', REPORT + MIN), hold('a', REPORT + 2 * MIN)];
    expect(holdsSinceReport(facility(5), holds, NOW).map((h) => h.id)).toEqual(['b', 'a', 'c']);
  });
});
