import type { Hold } from '../schema/hold';
import { effectiveHoldStatus, isActiveHold } from './expiry';

const HOUR_MS = 3_600_000;

/**
 * A place held or occupied for longer than this is worth a look by the coordinator: an Inobhutnahme often ends
 * within one or two days (domain.md, step 13), so a place still taken after two days is either a long stay or a
 * hold someone forgot to give back.
 */
export const LONG_RUNNING_AFTER_MS = 48 * HOUR_MS;
/** How far back the coordinator's list of lapsed holds reaches. */
export const EXPIRED_LOOKBACK_MS = 7 * 24 * HOUR_MS;

type AttentionHold = Pick<Hold, 'id' | 'status' | 'from' | 'expiresAt'> & { _deleted?: boolean };

/** Holds that lapsed without being confirmed within the lookback, latest first (stored expired or past due). */
export function expiredHolds<H extends AttentionHold>(
  holds: readonly H[],
  now: number,
  lookbackMs = EXPIRED_LOOKBACK_MS,
): H[] {
  return holds
    .filter((h) => !h._deleted && effectiveHoldStatus(h, now) === 'expired' && h.expiresAt >= now - lookbackMs)
    .sort((a, b) => b.expiresAt - a.expiresAt || (a.id < b.id ? -1 : 1));
}

/** Holds taking a place for longer than the threshold, longest first. */
export function longRunningHolds<H extends AttentionHold>(
  holds: readonly H[],
  now: number,
  afterMs = LONG_RUNNING_AFTER_MS,
): H[] {
  return holds
    .filter((h) => isActiveHold(h, now) && now - h.from > afterMs)
    .sort((a, b) => a.from - b.from || (a.id < b.id ? -1 : 1));
}
