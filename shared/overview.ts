import type { RefusalReason } from './catalogues/entry';
import { OFFICE_IDS, type OfficeId } from './offices';

/**
 * The Verbund overview (coordinators and supervisors): counts across the five offices, never a single case.
 * The server aggregates in SQL (server/overview/) and answers with nothing but numbers, week dates and codes:
 * no document id, no name, no free text. Shared by the server and the page (renderer/src/features/verbund-overview).
 *
 * Periods are calendar days in Europe/Berlin, `from` and `to` both included. Weeks are ISO weeks (Monday to
 * Sunday, Berlin time), named by their Monday; the first and last week may be cut by the period.
 */

/** The longest period one request may cover: 53 weeks. */
export const OVERVIEW_MAX_DAYS = 371;
/** What the page asks for first: the last twelve weeks. */
export const OVERVIEW_DEFAULT_WEEKS = 12;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Time from the call (receivedAt) to the admission at the place (placement.admittedAt), in these ranges. */
export const DURATION_BUCKETS = ['under_1h', '1h_to_2h', '2h_to_4h', '4h_to_8h', '8h_or_more'] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];
/** Upper bounds (exclusive) of the buckets in minutes; the last one is open. */
export const DURATION_BUCKET_LIMITS_MIN = [60, 120, 240, 480] as const;

/** Where the chosen place lies, seen from the office that placed the child. */
export const PLACEMENT_AREAS = ['own', 'other_office', 'outside_verbund', 'unknown'] as const;
export type PlacementArea = (typeof PLACEMENT_AREAS)[number];

/** A refusal whose line names no reason. */
export const REFUSAL_UNSPECIFIED = 'unspecified';
export type RefusalReasonKey = RefusalReason | typeof REFUSAL_UNSPECIFIED;

/** One count per office. */
export type PerOffice<T = number> = Record<OfficeId, T>;
/** One week (its Monday, YYYY-MM-DD) with a count per office: the rows of the weekly charts. */
export type WeekRow = { week: string } & PerOffice;

export type CallToPlacement = {
  /** Intakes of the period with both times, the admission not before the call. */
  measured: number;
  /** Median in whole minutes; null when nothing was measured. */
  medianMinutes: number | null;
  buckets: Record<DurationBucket, number>;
  /** Intakes with an admission time before the call time (a typing error): left out of the median. */
  implausible: number;
};

export type PlacementAreas = Record<PlacementArea, number>;

export type VerbundOverview = {
  from: string;
  to: string;
  /** Every week touched by the period, oldest first (also those with no intake). */
  weeks: string[];
  intakes: { byWeek: WeekRow[]; total: PerOffice };
  callToPlacement: { byOffice: PerOffice<CallToPlacement>; verbund: CallToPlacement };
  /** Places that said no ("abgelehnt" lines of the placement log, not later corrected), by the week of the answer. */
  refusals: { byWeek: WeekRow[]; total: PerOffice; byReason: PerOffice<Record<RefusalReasonKey, number>> };
  /** Intakes of the period that found a place, by where the place lies. */
  placementAreas: PerOffice<PlacementAreas>;
};

export function perOffice<T>(make: (office: OfficeId) => T): PerOffice<T> {
  return Object.fromEntries(OFFICE_IDS.map((o) => [o, make(o)])) as PerOffice<T>;
}

/** A calendar date as days since 1970-01-01, or null when the text is not a real date. */
export function dayNumber(iso: string): number | null {
  if (!ISO_DATE_PATTERN.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return null;
  return ms / 86_400_000;
}

export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso)! + days);
}

export type PeriodProblem = 'invalid_date' | 'from_after_to' | 'too_long';

/** Why a period cannot be asked for, or null when it can. */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) return 'invalid_date';
  if (a > b) return 'from_after_to';
  if (b - a + 1 > OVERVIEW_MAX_DAYS) return 'too_long';
  return null;
}

/** The Mondays of every week the period touches. */
export function weeksOf(from: string, to: string): string[] {
  const monday = (day: number) => day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const weeks: string[] = [];
  for (let d = monday(dayNumber(from)!); d <= dayNumber(to)!; d += 7) weeks.push(isoOfDay(d));
  return weeks;
}

/** The default period: the last `weeks` full and current weeks up to `today` (YYYY-MM-DD). */
export function defaultPeriod(today: string, weeks = OVERVIEW_DEFAULT_WEEKS): { from: string; to: string } {
  const first = weeksOf(today, today)[0];
  return { from: addDays(first, -7 * (weeks - 1)), to: today };
}
