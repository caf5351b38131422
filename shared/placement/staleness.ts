import { formatDate, formatDateTime } from '../format';
import { placement } from '../i18n/de/placement';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A free-places report older than this is marked stale on the board: places change within a night. */
export const STALE_AFTER_MS = 12 * HOUR_MS;

/** Whether a report made at `reportedAt` is stale at `now`. Exactly the threshold is not yet stale. */
export function isReportStale(reportedAt: number, now: number, staleAfterMs: number = STALE_AFTER_MS): boolean {
  return now - reportedAt > staleAfterMs;
}

/**
 * "vor 37 min", "vor 2 Std. 5 min", "vor 3 Tagen". Units are cut off, never rounded up, so a report is never
 * shown younger than it is. A time up to a minute ahead (clocks drift) reads "gerade eben"; more is named.
 */
export function timeAgoLabel(at: number, now: number): string {
  const age = now - at;
  const labels = placement.stand;
  if (age < -MINUTE_MS) return labels.inFuture;
  if (age < MINUTE_MS) return labels.justNow;
  if (age < HOUR_MS) return labels.minutesAgo(Math.floor(age / MINUTE_MS));
  if (age < DAY_MS) return labels.hoursAgo(Math.floor(age / HOUR_MS), Math.floor((age % HOUR_MS) / MINUTE_MS));
  return labels.daysAgo(Math.floor(age / DAY_MS));
}

/**
 * "Stand: 02:14 (vor 37 min)". The clock time alone while it is unambiguous (same day in Berlin), with the
 * date otherwise: "Stand: 23.11.2025 23:50 (vor 2 Tagen)".
 */
export function reportStandLabel(reportedAt: number, now: number): string {
  const dateTime = formatDateTime(reportedAt);
  const time = formatDate(reportedAt) === formatDate(now) ? dateTime.slice(dateTime.indexOf(' ') + 1) : dateTime;
  return placement.stand.label(time, timeAgoLabel(reportedAt, now));
}
