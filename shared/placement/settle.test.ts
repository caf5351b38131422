import { describe, expect, it } from 'vitest';

import type { Hold } from '../schema/hold';
import { newHold } from './newHold';
import { isSettledForm, settleFacilityHolds } from './settle';

const HOUR = 3_600_000;
const MIN = 60_000;
const REPORT = Date.UTC(2025, 10, 24, 1, 0);

const facility = (free: number) => ({
  id: 'jsh',
  totalPlaces: 20,
  holdExpiryHours: 4,
  freeReports: [{ id: 'r1', free, reportedAt: REPORT, reportedBy: 'koordination' }],
});

let n = 0;
function hold(createdAt: number, overrides: Partial<Hold> = {}): Hold {
  n += 1;
  return {
    ...newHold({
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      facility: facility(1),
      officeId: 'segeberg',
      intakeRef: '11111111-1111-4111-8111-111111111111',
      ageGroup: '14_to_16',
      sex: 'female',
      userId: 'bereitschaft.segeberg',
      now: createdAt,
    }),
    ...overrides,
  };
}

describe('settling the holds of a facility (the server after each write)', () => {
  it('flags both holds that took the last place and leaves the bookkeeping alone', () => {
    const a = hold(REPORT + 10 * MIN);
    const b = hold(REPORT + 12 * MIN, { officeId: 'pinneberg', updatedBy: 'bereitschaft.pinneberg' });
    const out = settleFacilityHolds(facility(1), [a, b], REPORT + HOUR);
    expect(out).toEqual([
      { ...a, overbooked: true },
      { ...b, overbooked: true },
    ]);
  });

  it('returns nothing when every stored state is already right', () => {
    const a = hold(REPORT + 10 * MIN, { overbooked: true });
    const b = hold(REPORT + 12 * MIN, { overbooked: true });
    expect(settleFacilityHolds(facility(1), [a, b], REPORT + HOUR)).toEqual([]);
    expect(settleFacilityHolds(facility(2), [hold(REPORT + MIN)], REPORT + HOUR)).toEqual([]);
  });

  it('writes a lapsed hold as expired, and its competitor loses the flag', () => {
    const early = hold(REPORT + 10 * MIN, { overbooked: true });
    const late = hold(REPORT + 3 * HOUR, { overbooked: true });
    // Four hours after the first hold it lapses: the second one fits into the one place again.
    const now = REPORT + 10 * MIN + 4 * HOUR;
    expect(settleFacilityHolds(facility(1), [early, late], now)).toEqual([
      { ...early, status: 'expired', overbooked: false },
      { ...late, overbooked: false },
    ]);
  });

  it('leaves confirmed, released and deleted holds and other facilities alone', () => {
    const occupied = hold(REPORT - 10 * HOUR, { status: 'occupied' });
    const released = hold(REPORT + MIN, { status: 'released' });
    const elsewhere = hold(REPORT + MIN, { facilityId: 'other' });
    const deleted = { ...hold(REPORT - 10 * HOUR), _deleted: true };
    expect(settleFacilityHolds(facility(0), [occupied, released, elsewhere, deleted], REPORT + HOUR)).toEqual([]);
  });

  it('unflags children admitted once a new report has counted them, never live holds', () => {
    const a = hold(REPORT + 10 * MIN, { overbooked: true, status: 'occupied', admittedAt: REPORT + 20 * MIN });
    const b = hold(REPORT + 12 * MIN, { overbooked: true, status: 'occupied', admittedAt: REPORT + 25 * MIN });
    const c = hold(REPORT + 14 * MIN, { overbooked: true });
    const reported = {
      ...facility(1),
      freeReports: [...facility(1).freeReports, { id: 'r2', free: 0, reportedAt: REPORT + 30 * MIN, reportedBy: 'k' }],
    };
    expect(settleFacilityHolds(reported, [a, b], REPORT + HOUR)).toEqual([
      { ...a, overbooked: false },
      { ...b, overbooked: false },
    ]);
    // The held one still competes for a place the report says is not there.
    expect(settleFacilityHolds(reported, [a, b, c], REPORT + HOUR)).toEqual([
      { ...a, overbooked: false },
      { ...b, overbooked: false },
    ]);
  });
});

describe('the settled form of a written hold (what the app takes from the server after its push)', () => {
  it("is what settling makes of the writer's hold: the flag, a lapse", () => {
    const early = hold(REPORT + 10 * MIN);
    const late = hold(REPORT + 3 * HOUR);
    const settled = [
      ...settleFacilityHolds(facility(1), [early, late], REPORT + 3 * HOUR + MIN),
      ...settleFacilityHolds(facility(1), [early, late], REPORT + 10 * MIN + 4 * HOUR),
    ];
    expect(settled.map((h) => [h.status, h.overbooked])).toEqual([
      ['held', true],
      ['held', true],
      ['expired', false],
    ]);
    for (const h of settled)
      expect(
        isSettledForm(
          [early, late].find((w) => w.id === h.id)!,
          h,
        ),
      ).toBe(true);
  });

  it('is not the same state, nor a change settling never makes', () => {
    const a = hold(REPORT + 10 * MIN);
    expect(isSettledForm(a, a)).toBe(false);
    expect(isSettledForm(a, { ...a, status: 'confirmed' })).toBe(false);
    expect(isSettledForm(a, { ...a, overbooked: true, updatedBy: 'bereitschaft.pinneberg' })).toBe(false);
    // A reader who may not read the record gets a stand-in for its reference: not the writer's hold settled.
    expect(isSettledForm(a, { ...a, overbooked: true, intakeRef: '22222222-2222-4222-8222-222222222222' })).toBe(false);
  });
});
