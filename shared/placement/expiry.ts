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
 * expires it has not arrived. Every other state is kept: a confirmation by the facility does not lapse.
 */
export function effectiveHoldStatus(hold: Pick<Hold, 'status' | 'expiresAt'>, now: number): HoldStatus {
  return hold.status === 'held' && now >= hold.expiresAt ? 'expired' : hold.status;
}

/** The states in which a placement takes a place: held (until it lapses), confirmed, admitted. */
export const PLACE_TAKING: readonly HoldStatus[] = ['held', 'confirmed', 'occupied'];

/** Whether a placement takes a place at `now` (see PLACE_TAKING), and is not deleted. */
export function isActiveHold(hold: Pick<Hold, 'status' | 'expiresAt'> & { _deleted?: boolean }, now: number): boolean {
  if (hold._deleted) return false;
  return PLACE_TAKING.includes(effectiveHoldStatus(hold, now));
}

/** Holds still stored as `held` that have lapsed: what a client or the server writes as `expired`. */
export function lapsedHolds<H extends Pick<Hold, 'status' | 'expiresAt'> & { _deleted?: boolean }>(
  holds: readonly H[],
  now: number,
): H[] {
  return holds.filter((h) => !h._deleted && h.status === 'held' && effectiveHoldStatus(h, now) === 'expired');
}
