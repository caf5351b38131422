import type { Facility, FreeReport } from '../schema/facility';
import { HOLD_ROOMS, type HoldRoom } from '../schema/hold';
import { latestFreeReport } from './reports';

/**
 * The rooms of a facility that are counted apart (docs/placement.md, "Mother-and-child room"): its ordinary places
 * and its mother-and-child room. Each has its capacity and its reports; a placement takes a place in exactly one
 * of them (hold `room`), so free places and over-booking are computed per room and a full room never hides free
 * ordinary places, nor the other way round.
 */
export const ROOMS: readonly HoldRoom[] = HOLD_ROOMS;

/** The room a placement takes: the one it names, else an ordinary place (every hold before `room` existed). */
export function roomOf(hold: { room?: HoldRoom }): HoldRoom {
  return hold.room ?? 'ordinary';
}

/** What the counting needs of a facility. Without the room's fields (a facility of schema 0) it has no room. */
export type RoomsFacility = Pick<Facility, 'id' | 'totalPlaces' | 'freeReports'> &
  Partial<Pick<Facility, 'motherChildPlaces' | 'motherChildFreeReports'>>;

/** One room as the counting sees it: its capacity and the report that counts. */
export type RoomUnit = { facilityId: string; room: HoldRoom; capacity: number; report: Omit<FreeReport, 'id'> };

/**
 * The room of this facility with the report that counts (its latest). A mother-and-child room nobody has reported
 * on yet counts as free as its places allow (its places less the placements taking it), and is dated like the
 * facility's latest report, so that its staleness is the house's.
 */
export function roomUnit(facility: RoomsFacility, room: HoldRoom): RoomUnit {
  const ordinary = latestFreeReport(facility);
  if (room === 'ordinary') return { facilityId: facility.id, room, capacity: facility.totalPlaces, report: ordinary };
  const capacity = facility.motherChildPlaces ?? 0;
  const reports = facility.motherChildFreeReports ?? [];
  const report =
    reports.length > 0
      ? latestFreeReport({ freeReports: reports })
      : { free: capacity, reportedAt: ordinary.reportedAt, reportedBy: ordinary.reportedBy };
  return { facilityId: facility.id, room, capacity, report };
}

/** Does the facility have a mother-and-child room at all. */
export function hasMotherChildRoom(facility: Partial<Pick<Facility, 'motherChildPlaces'>>): boolean {
  return (facility.motherChildPlaces ?? 0) > 0;
}
