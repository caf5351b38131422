import type { Facility } from '../schema/facility';
import type { Hold, HoldStatus } from '../schema/hold';

const HOUR_MS = 3_600_000;

/** When a hold made from `from` lapses unless confirmed: the facility's holdExpiryHours later. */
export function holdExpiresAt(from: number, facility: Pick<Facility, 'holdExpiryHours'>): number {
  return from + facility.holdExpiryHours * HOUR_MS;
}

/**
 * The status that holds at `now`. A hold still `held` (not confirmed) at or after expiresAt is expired even
 * if no one has written that yet: an offline laptop must not keep a place blocked because the write that
 * expires it has not arrived. Confirmed (occupied), released and expired holds keep their status.
 */
export function effectiveHoldStatus(hold: Pick<Hold, 'status' | 'expiresAt'>, now: number): HoldStatus {
  return hold.status === 'held' && now >= hold.expiresAt ? 'expired' : hold.status;
}

/** Whether a hold takes a place at `now`: held (and not lapsed) or occupied, and not deleted. */
export function isActiveHold(hold: Pick<Hold, 'status' | 'expiresAt'> & { _deleted?: boolean }, now: number): boolean {
  if (hold._deleted) return false;
  const status = effectiveHoldStatus(hold, now);
  return status === 'held' || status === 'occupied';
}

/** Holds still stored as `held` that have lapsed: what a client or the server writes as `expired`. */
export function lapsedHolds<H extends Pick<Hold, 'status' | 'expiresAt'> & { _deleted?: boolean }>(
  holds: readonly H[],
  now: number,
): H[] {
  return holds.filter((h) => !h._deleted && h.status === 'held' && effectiveHoldStatus(h, now) === 'expired');
}
