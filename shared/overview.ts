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

/**
 * Fewer cases than this are never shown as a number (nor a median over them): with one or two cases of an office in
 * a week, the figure would describe a child (shared/overview-suppression.ts). Zero describes no one and is shown.
 */
export const SMALL_COUNT_LIMIT = 3;
/** What the server sends instead of a count of 1 or 2 (or of a count hidden so that it cannot be worked out). */
export const SUPPRESSED = 'lt3' as const;
/** A figure as the server sends it: the number, or SUPPRESSED. */
export type Cell = number | typeof SUPPRESSED;

/** Counts per office with their sum over the offices. */
export type Tally<N> = PerOffice<N> & { verbund: N };
/** One week (its Monday, YYYY-MM-DD) with a count per office and their sum: the rows of the weekly charts. */
export type WeekRowOf<N> = { week: string } & Tally<N>;
export type WeeklyOf<N> = { byWeek: WeekRowOf<N>[]; total: Tally<N> };

export type CallToPlacementOf<N> = {
  /** Intakes of the period with both times, the admission not before the call. */
  measured: N;
  /** Median in whole minutes; null when nothing was measured. */
  medianMinutes: N | null;
  buckets: Record<DurationBucket, N>;
  /** Intakes with an admission time before the call time (a typing error): left out of the median. */
  implausible: N;
};

export type OverviewFigures<N> = {
  from: string;
  to: string;
  /** Every week touched by the period, oldest first (also those with no intake). */
  weeks: string[];
  intakes: WeeklyOf<N>;
  callToPlacement: { byOffice: PerOffice<CallToPlacementOf<N>>; verbund: CallToPlacementOf<N> };
  /** Places that said no ("abgelehnt" lines of the placement log, not later corrected), by the week of the answer. */
  refusals: WeeklyOf<N> & { byReason: PerOffice<Record<RefusalReasonKey, N>> };
  /** Intakes of the period that found a place, by where the place lies. */
  placementAreas: PerOffice<Record<PlacementArea, N>>;
};

/** The exact figures, as the server counts them: they never leave the server. */
export type OverviewCounts = OverviewFigures<number>;
/** What GET /overview answers: the figures with small counts suppressed. */
export type VerbundOverview = OverviewFigures<Cell>;
export type WeekRow = WeekRowOf<Cell>;
export type CallToPlacement = CallToPlacementOf<Cell>;
export type PlacementAreas = Record<PlacementArea, Cell>;

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
