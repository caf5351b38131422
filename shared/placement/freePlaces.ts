import type { Hold, HoldRoom } from '../schema/hold';
import { effectiveHoldStatus, isActiveHold } from './expiry';
import { roomOf, type RoomsFacility, type RoomUnit, roomUnit } from './rooms';

/** What the placement functions need of a hold (a full Hold, an RxDB document's JSON or a wire document). */
export type HoldLike = Pick<Hold, 'id' | 'facilityId' | 'status' | 'createdAt' | 'expiresAt'> &
  Partial<Pick<Hold, 'admittedAt' | 'room'>> & { _deleted?: boolean };
export type FacilityLike = RoomsFacility;

export type FreePlaces = {
  room: HoldRoom;
  /** The room's places: `totalPlaces`, or `motherChildPlaces` for the mother-and-child room. */
  capacity: number;
  /** Free places in the latest report. */
  reported: number;
  reportedAt: number;
  /** Placements that take a place the report did not count (see holdsSinceReport). */
  holdsSinceReport: number;
  /**
   * What is left: the reported free places, at most the capacity less the children the report counted, less the
   * placements the report did not count. Negative means over-booked, and is shown as such, never clamped to 0.
   */
  free: number;
  overbooked: boolean;
};

/**
 * When a child took its bed: at admission (or, for an admission recorded without a time, when the placement was
 * made). A report counts beds, so it counted the children admitted before it.
 */
const admittedAt = (h: HoldLike) => h.admittedAt ?? h.createdAt;

/** The placements of the room that still take a place (active, of this facility, naming this room). */
const takingRoom = (unit: RoomUnit, h: HoldLike, now: number) =>
  h.facilityId === unit.facilityId && roomOf(h) === unit.room && isActiveHold(h, now);

/**
 * The placements of this facility's room (ordinary places unless said) that take a place its latest report did
 * not count, in creation order
 * (createdAt, then id, so every replica orders alike): every hold and confirmation still taking a place - a report
 * counts free beds, and a bed held or promised is still empty when the coordinator looks - and every child
 * admitted at or after the report. When in doubt a place less is shown rather than one too many; a report alone
 * therefore never makes an over-booking of live holds disappear (issue 12).
 */
export function holdsSinceReport<H extends HoldLike>(
  facility: FacilityLike,
  holds: readonly H[],
  now: number,
  room: HoldRoom = 'ordinary',
): H[] {
  const unit = roomUnit(facility, room);
  const { reportedAt } = unit.report;
  return holds
    .filter(
      (h) => takingRoom(unit, h, now) && (effectiveHoldStatus(h, now) !== 'occupied' || admittedAt(h) >= reportedAt),
    )
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The places there are to take before the placements the report did not count: the reported free places, but
 * never more than the capacity less the children admitted before the report (holds + admissions against capacity).
 */
export function placesToTake(
  facility: FacilityLike,
  holds: readonly HoldLike[],
  now: number,
  room: HoldRoom = 'ordinary',
): number {
  const unit = roomUnit(facility, room);
  const counted = holds.filter(
    (h) =>
      takingRoom(unit, h, now) && effectiveHoldStatus(h, now) === 'occupied' && admittedAt(h) < unit.report.reportedAt,
  ).length;
  return Math.min(unit.report.free, Math.max(unit.capacity - counted, 0));
}

/** Free places of the room (ordinary places unless said) shown at `now` (see FreePlaces.free). */
export function freePlaces(
  facility: FacilityLike,
  holds: readonly HoldLike[],
  now: number,
  room: HoldRoom = 'ordinary',
): FreePlaces {
  const { capacity, report } = roomUnit(facility, room);
  const since = holdsSinceReport(facility, holds, now, room).length;
  const free = placesToTake(facility, holds, now, room) - since;
  return {
    room,
    capacity,
    reported: report.free,
    reportedAt: report.reportedAt,
    holdsSinceReport: since,
    free,
    overbooked: free < 0,
  };
}
