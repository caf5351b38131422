import type { Facility } from '../schema/facility';
import type { Hold } from '../schema/hold';
import { isActiveHold } from './expiry';
import { latestFreeReport } from './reports';

/** What the placement functions need of a hold (a full Hold, an RxDB document's JSON or a wire document). */
export type HoldLike = Pick<Hold, 'id' | 'facilityId' | 'status' | 'createdAt' | 'expiresAt'> & { _deleted?: boolean };
export type FacilityLike = Pick<Facility, 'id' | 'freeReports'>;

export type FreePlaces = {
  /** Free places in the latest report. */
  reported: number;
  reportedAt: number;
  /** Active holds made since that report. */
  holdsSinceReport: number;
  /** reported - holdsSinceReport. Negative means over-booked, and is shown as such, never clamped to 0. */
  free: number;
  overbooked: boolean;
};

/**
 * Active holds of this facility made at or after its latest report, in creation order (createdAt, then id, so
 * every replica orders alike). A hold made in the same millisecond as the report counts: when in doubt, show a
 * place less rather than one too many. Released and expired holds do not count; neither do holds made before
 * the report, which the reporter already counted.
 */
export function holdsSinceReport<H extends HoldLike>(facility: FacilityLike, holds: readonly H[], now: number): H[] {
  const { reportedAt } = latestFreeReport(facility);
  return holds
    .filter((h) => h.facilityId === facility.id && h.createdAt >= reportedAt && isActiveHold(h, now))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Free places shown at `now`: the reported number minus the active holds made since the report. */
export function freePlaces(facility: FacilityLike, holds: readonly HoldLike[], now: number): FreePlaces {
  const report = latestFreeReport(facility);
  const since = holdsSinceReport(facility, holds, now).length;
  const free = report.free - since;
  return { reported: report.free, reportedAt: report.reportedAt, holdsSinceReport: since, free, overbooked: free < 0 };
}
