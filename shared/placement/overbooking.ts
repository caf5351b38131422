import type { Hold } from '../schema/hold';
import { type FacilityLike, type HoldLike, holdsSinceReport, placesToTake } from './freePlaces';
import { ROOMS } from './rooms';

/**
 * Which holds of a facility are over-booked at `now`, room by room (placement/rooms.ts: the ordinary places and the
 * mother-and-child room each have their own places, so a hold of one never over-books the other). The rule, simple
 * and the same on every replica, for each room: take the placements the latest report did not count, in creation order (freePlaces.ts: holds and
 * confirmations always, admissions since the report). If they fit into the places there are to take (the reported
 * free places, at most the capacity left), none is over-booked. If they do not, the hold that took the last free place and every hold after it
 * are flagged.
 * Why the last fitting hold too: holds made offline carry the laptop's clock, so "who was first" among the
 * holds competing for the last place is not knowable; all of them are told to call each other. Two offices
 * holding the one last place offline are therefore both flagged (the facility shows -1), and so is a
 * reported-0 facility's every hold. Holds that fit with places to spare stay unflagged. A new report does not
 * clear the flags of live holds: a report counts empty beds, and a held bed is still empty.
 */
export function overbookedHoldIds(facility: FacilityLike, holds: readonly HoldLike[], now: number): string[] {
  return ROOMS.flatMap((room) => {
    const since = holdsSinceReport(facility, holds, now, room);
    const free = placesToTake(facility, holds, now, room);
    if (since.length <= free) return [];
    return since.slice(Math.max(free - 1, 0)).map((h) => h.id);
  });
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
