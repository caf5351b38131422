import type { Facility } from '../schema/facility';
import type { Hold } from '../schema/hold';
import { effectiveHoldStatus, isActiveHold } from './expiry';
import { latestFreeReport } from './reports';

/** What the placement functions need of a hold (a full Hold, an RxDB document's JSON or a wire document). */
export type HoldLike = Pick<Hold, 'id' | 'facilityId' | 'status' | 'createdAt' | 'expiresAt'> &
  Partial<Pick<Hold, 'admittedAt'>> & { _deleted?: boolean };
export type FacilityLike = Pick<Facility, 'id' | 'freeReports' | 'totalPlaces'>;

export type FreePlaces = {
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

/**
 * The placements of this facility that take a place its latest report did not count, in creation order
 * (createdAt, then id, so every replica orders alike): every hold and confirmation still taking a place - a report
 * counts free beds, and a bed held or promised is still empty when the coordinator looks - and every child
 * admitted at or after the report. When in doubt a place less is shown rather than one too many; a report alone
 * therefore never makes an over-booking of live holds disappear (issue 12).
 */
export function holdsSinceReport<H extends HoldLike>(facility: FacilityLike, holds: readonly H[], now: number): H[] {
  const { reportedAt } = latestFreeReport(facility);
  return holds
    .filter(
      (h) =>
        h.facilityId === facility.id &&
        isActiveHold(h, now) &&
        (effectiveHoldStatus(h, now) !== 'occupied' || admittedAt(h) >= reportedAt),
    )
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The places there are to take before the placements the report did not count: the reported free places, but
 * never more than the capacity less the children admitted before the report (holds + admissions against capacity).
 */
export function placesToTake(facility: FacilityLike, holds: readonly HoldLike[], now: number): number {
  const report = latestFreeReport(facility);
  const counted = holds.filter(
    (h) =>
      h.facilityId === facility.id &&
      isActiveHold(h, now) &&
      effectiveHoldStatus(h, now) === 'occupied' &&
      admittedAt(h) < report.reportedAt,
  ).length;
  return Math.min(report.free, Math.max(facility.totalPlaces - counted, 0));
}

/** Free places shown at `now` (see FreePlaces.free). */
export function freePlaces(facility: FacilityLike, holds: readonly HoldLike[], now: number): FreePlaces {
  const report = latestFreeReport(facility);
  const since = holdsSinceReport(facility, holds, now).length;
  const free = placesToTake(facility, holds, now) - since;
  return { reported: report.free, reportedAt: report.reportedAt, holdsSinceReport: since, free, overbooked: free < 0 };
}
