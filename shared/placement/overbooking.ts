import type { Hold } from '../schema/hold';
import { type FacilityLike, type HoldLike, holdsSinceReport } from './freePlaces';
import { latestFreeReport } from './reports';

/**
 * Which holds of a facility are over-booked at `now`. The rule, simple and the same on every replica:
 * take the active holds made since the latest report in creation order. If they fit into the reported free
 * places, none is over-booked. If they do not, the hold that took the last free place and every hold after it
 * are flagged.
 * Why the last fitting hold too: holds made offline carry the laptop's clock, so "who was first" among the
 * holds competing for the last place is not knowable; all of them are told to call each other. Two offices
 * holding the one last place offline are therefore both flagged (the facility shows -1), and so is a
 * reported-0 facility's every hold. Holds that fit with places to spare stay unflagged. A new report resets
 * the count: the coordinator has then checked with the facility.
 */
export function overbookedHoldIds(facility: FacilityLike, holds: readonly HoldLike[], now: number): string[] {
  const since = holdsSinceReport(facility, holds, now);
  const { free } = latestFreeReport(facility);
  if (since.length <= free) return [];
  return since.slice(Math.max(free - 1, 0)).map((h) => h.id);
}

/**
 * The server's writes after a change to a facility or its holds: each stored hold of this facility whose
 * `overbooked` flag differs from the rule above (a released, expired or no longer competing hold loses its flag).
 * Deleted holds are left alone.
 */
export function overbookingChanges(
  facility: FacilityLike,
  holds: readonly (HoldLike & Pick<Hold, 'overbooked'>)[],
  now: number,
): { id: string; overbooked: boolean }[] {
  const flagged = new Set(overbookedHoldIds(facility, holds, now));
  return holds
    .filter((h) => h.facilityId === facility.id && !h._deleted && h.overbooked !== flagged.has(h.id))
    .map((h) => ({ id: h.id, overbooked: flagged.has(h.id) }));
}
