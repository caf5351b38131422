import type { OfficeId } from '../offices';
import { OFFICE_IDS } from '../offices';
import type { Hold } from '../schema/hold';

type OccupancyHold = Pick<Hold, 'officeId' | 'status' | 'from' | 'expiresAt' | 'updatedAt'> & { _deleted?: boolean };

/**
 * When a hold took a place: from `from` until it was given back (released: its last edit), lapsed (expired or
 * still held past expiresAt: expiresAt), or until now (occupied, or held and not yet lapsed). The end is
 * exclusive. The history of a hold is not kept, so a released hold counts until its last write.
 */
export function holdInterval(hold: OccupancyHold, now: number): [number, number] {
  // "Until now" includes now: the end is exclusive.
  const open = now + 1;
  switch (hold.status) {
    case 'requested':
    case 'refused':
      // An enquiry or a refusal never took a place.
      return [hold.from, hold.from];
    case 'released':
      return [hold.from, Math.min(hold.updatedAt, open)];
    case 'expired':
      return [hold.from, Math.min(hold.expiresAt, open)];
    case 'held':
      return [hold.from, hold.expiresAt <= now ? hold.expiresAt : open];
    case 'confirmed':
    case 'occupied':
      return [hold.from, open];
  }
}

export type OccupancyPoint = { at: number } & Record<OfficeId, number>;

/**
 * Places taken by each office at `points` evenly spaced moments from `from` to `to` (both included): the
 * coordinator's chart of occupancy by office over time.
 */
export function occupancyByOffice(
  holds: readonly OccupancyHold[],
  range: { from: number; to: number; points: number },
  now: number,
): OccupancyPoint[] {
  const step = range.points > 1 ? (range.to - range.from) / (range.points - 1) : 0;
  const moments = Array.from({ length: Math.max(range.points, 1) }, (_, i) => Math.round(range.from + i * step));
  const out = moments.map((at) => ({ at, ...Object.fromEntries(OFFICE_IDS.map((o) => [o, 0])) }) as OccupancyPoint);
  for (const hold of holds) {
    if (hold._deleted) continue;
    const [start, end] = holdInterval(hold, now);
    if (end <= start) continue;
    // The moments are sorted: find the first inside the interval, count until the end.
    for (let i = lowerBound(moments, start); i < moments.length && moments[i] < end; i++) out[i][hold.officeId] += 1;
  }
  return out;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
