import type { Facility, FreeReport } from '../schema/facility';
import type { HoldRoom } from '../schema/hold';

/** Reports kept on a facility: enough to see the last changes; older ones only grow the document. */
export const FREE_REPORTS_KEPT = 10;

/** The report that counts: the latest by reportedAt; on a tie the larger id, so every replica picks the same. */
export function latestFreeReport(facility: Pick<Facility, 'freeReports'>): FreeReport {
  return facility.freeReports.reduce((a, b) =>
    b.reportedAt > a.reportedAt || (b.reportedAt === a.reportedAt && b.id > a.id) ? b : a,
  );
}

/** The facility with one more report, oldest first, the oldest dropped beyond FREE_REPORTS_KEPT. */
export function withFreeReport<F extends Pick<Facility, 'freeReports'>>(facility: F, report: FreeReport): F {
  const reports = [...facility.freeReports.filter((r) => r.id !== report.id), report]
    .sort((a, b) => a.reportedAt - b.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(-FREE_REPORTS_KEPT);
  return { ...facility, freeReports: reports };
}

/** The facility with one more report on the room: its ordinary places or its mother-and-child room. */
export function withRoomFreeReport<F extends Pick<Facility, 'freeReports' | 'motherChildFreeReports'>>(
  facility: F,
  room: HoldRoom,
  report: FreeReport,
): F {
  if (room === 'ordinary') return withFreeReport(facility, report);
  const { freeReports } = withFreeReport({ freeReports: facility.motherChildFreeReports }, report);
  return { ...facility, motherChildFreeReports: freeReports };
}
