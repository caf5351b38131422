import { describe, expect, it } from 'vitest';

import { effectiveHoldStatus, holdExpiresAt, isActiveHold, lapsedHolds } from './expiry';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 10, 24, 1, 0);

describe('hold expiry', () => {
  it("sets expiry the facility's hours after the start of the hold", () => {
    expect(holdExpiresAt(T0, { holdExpiryHours: 4 })).toBe(T0 + 4 * HOUR);
    expect(holdExpiresAt(T0, { holdExpiryHours: 1 })).toBe(T0 + HOUR);
  });

  it('expires an unconfirmed hold at expiresAt, not a millisecond before', () => {
    const hold = { status: 'held' as const, expiresAt: T0 + 4 * HOUR };
    expect(effectiveHoldStatus(hold, T0 + 4 * HOUR - 1)).toBe('held');
    expect(effectiveHoldStatus(hold, T0 + 4 * HOUR)).toBe('expired');
    expect(effectiveHoldStatus(hold, T0 + 30 * HOUR)).toBe('expired');
  });

  it.each(['occupied', 'released', 'expired'] as const)('keeps a %s hold as it is after expiresAt', (status) => {
    expect(effectiveHoldStatus({ status, expiresAt: T0 }, T0 + 10 * HOUR)).toBe(status);
  });

  it('counts held and occupied holds as taking a place, not lapsed, released, expired or deleted ones', () => {
    const at = T0 + HOUR;
    expect(isActiveHold({ status: 'held', expiresAt: T0 + 4 * HOUR }, at)).toBe(true);
    expect(isActiveHold({ status: 'occupied', expiresAt: T0 }, at)).toBe(true);
    expect(isActiveHold({ status: 'held', expiresAt: T0 }, at)).toBe(false);
    expect(isActiveHold({ status: 'released', expiresAt: T0 + 4 * HOUR }, at)).toBe(false);
    expect(isActiveHold({ status: 'expired', expiresAt: T0 + 4 * HOUR }, at)).toBe(false);
    expect(isActiveHold({ status: 'held', expiresAt: T0 + 4 * HOUR, _deleted: true }, at)).toBe(false);
  });

  it('lists the holds still stored as held that have lapsed', () => {
    const holds = [
      { id: 'lapsed', status: 'held' as const, expiresAt: T0 },
      { id: 'running', status: 'held' as const, expiresAt: T0 + 2 * HOUR },
      { id: 'written', status: 'expired' as const, expiresAt: T0 },
      { id: 'confirmed', status: 'occupied' as const, expiresAt: T0 },
      { id: 'deleted', status: 'held' as const, expiresAt: T0, _deleted: true },
    ];
    expect(lapsedHolds(holds, T0 + HOUR).map((h) => h.id)).toEqual(['lapsed']);
  });
});
