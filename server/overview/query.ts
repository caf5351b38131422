import { REFUSAL_REASONS } from '../../shared/catalogues/entry';
import { isOfficeId, OFFICE_IDS, type OfficeId } from '../../shared/offices';
import {
  addDays,
  type CallToPlacementOf,
  DURATION_BUCKET_LIMITS_MIN,
  DURATION_BUCKETS,
  type OverviewCounts,
  perOffice,
  PLACEMENT_AREAS,
  type PlacementArea,
  REFUSAL_UNSPECIFIED,
  type RefusalReasonKey,
  type Tally,
  type WeekRowOf,
  weeksOf,
} from '../../shared/overview';
import type { Queryable } from '../db/db';

/**
 * The Verbund overview, aggregated in SQL over every office's documents (they are stored as JSON on the server;
 * the encryption of personal fields is at rest on the devices only). Every query returns counts grouped by
 * office, week and code, never a row per document, and nothing but numbers and codes leaves this module.
 *
 * Sources:
 * - intakes per week: `receivedAt` of each intake (not deleted), week in Europe/Berlin,
 * - call to placement: `placement.admittedAt - receivedAt` of the intakes received in the period,
 * - refusals: log lines of kind `placement` with answer `refused` (`at` in the period), minus lines a later line
 *   corrects (`correctsId`) and lines of deleted intakes,
 * - placement areas: the place of each intake received in the period (`placement.facilityId`, else the facility of
 *   an occupied hold for it) and that facility's `area`; a place typed in by name only has an unknown area.
 */

const TZ = 'Europe/Berlin';
/** Epoch ms of Berlin midnight at the start of a date (parameter $n, a YYYY-MM-DD text). */
const berlinMidnightMs = (param: string) =>
  `(extract(epoch from (${param}::date::timestamp AT TIME ZONE '${TZ}')) * 1000)`;
/** The Monday (YYYY-MM-DD) of the Berlin week an epoch ms falls into. */
const weekOf = (ms: string) =>
  `to_char(date_trunc('week', to_timestamp((${ms}) / 1000) AT TIME ZONE '${TZ}'), 'YYYY-MM-DD')`;
const num = (path: string) => `(${path})::double precision`;

/** The period as [start, end) in epoch ms: $1 = from, $2 = the day after to. */
const IN_PERIOD = (ms: string) => `${ms} >= ${berlinMidnightMs('$1')} AND ${ms} < ${berlinMidnightMs('$2')}`;
const OFFICES = `office_id = ANY($3::text[])`;

const RECEIVED = num(`data->>'receivedAt'`);
const INTAKES_OF_PERIOD = `collection = 'intakes' AND NOT deleted AND ${OFFICES} AND ${IN_PERIOD(RECEIVED)}`;

const SQL_INTAKES_PER_WEEK = `
  SELECT office_id, ${weekOf(RECEIVED)} AS week, count(*)::int AS n
    FROM documents WHERE ${INTAKES_OF_PERIOD}
   GROUP BY 1, 2`;

const MINUTES = `(admitted - received) / 60000.0`;
const [L1, L2, L3, L4] = DURATION_BUCKET_LIMITS_MIN;
const SQL_CALL_TO_PLACEMENT = `
  WITH t AS (
    SELECT office_id, ${RECEIVED} AS received, ${num(`data#>>'{placement,admittedAt}'`)} AS admitted
      FROM documents WHERE ${INTAKES_OF_PERIOD} AND data#>>'{placement,admittedAt}' IS NOT NULL
  )
  SELECT office_id, GROUPING(office_id) AS verbund,
         count(*) FILTER (WHERE admitted >= received)::int AS measured,
         count(*) FILTER (WHERE admitted < received)::int AS implausible,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY ${MINUTES}) FILTER (WHERE admitted >= received) AS median,
         count(*) FILTER (WHERE admitted >= received AND ${MINUTES} < ${L1})::int AS b0,
         count(*) FILTER (WHERE ${MINUTES} >= ${L1} AND ${MINUTES} < ${L2})::int AS b1,
         count(*) FILTER (WHERE ${MINUTES} >= ${L2} AND ${MINUTES} < ${L3})::int AS b2,
         count(*) FILTER (WHERE ${MINUTES} >= ${L3} AND ${MINUTES} < ${L4})::int AS b3,
         count(*) FILTER (WHERE ${MINUTES} >= ${L4})::int AS b4
    FROM t
   GROUP BY GROUPING SETS ((office_id), ())`;

const AT = num(`e.data->>'at'`);
const REFUSALS = `
  FROM documents e
 WHERE e.collection = 'entries' AND NOT e.deleted AND e.${OFFICES} AND ${IN_PERIOD(AT)}
   AND e.data->>'kind' = 'placement' AND e.data#>>'{placement,answer}' = 'refused'
   AND NOT EXISTS (SELECT 1 FROM documents c
                    WHERE c.collection = 'entries' AND NOT c.deleted AND c.data->>'correctsId' = e.id
                      AND c.data->>'intakeId' = e.data->>'intakeId')
   AND NOT EXISTS (SELECT 1 FROM documents i
                    WHERE i.collection = 'intakes' AND i.id = e.data->>'intakeId' AND i.deleted)`;
const SQL_REFUSALS_PER_WEEK = `SELECT e.office_id, ${weekOf(AT)} AS week, count(*)::int AS n ${REFUSALS} GROUP BY 1, 2`;
const SQL_REFUSALS_BY_REASON = `
  SELECT e.office_id, COALESCE(e.data#>>'{placement,reason}', '${REFUSAL_UNSPECIFIED}') AS reason, count(*)::int AS n
  ${REFUSALS} GROUP BY 1, 2`;

const SQL_PLACEMENT_AREAS = `
  WITH t AS (
    SELECT i.office_id,
           COALESCE(i.data#>>'{placement,facilityId}', h.facility_id) AS facility_id,
           (i.data#>>'{placement,facilityId}') IS NOT NULL OR h.facility_id IS NOT NULL
             OR COALESCE(btrim(i.data#>>'{placement,facilityName}'), '') <> ''
             OR i.data#>>'{placement,admittedAt}' IS NOT NULL AS placed
      FROM documents i
      -- The place of the latest occupied hold of each intake: one pass over the holds, then a hash join.
      LEFT JOIN (
        SELECT DISTINCT ON (hd.data->>'intakeRef') hd.data->>'intakeRef' AS intake_ref, hd.data->>'facilityId' AS facility_id
          FROM documents hd
         WHERE hd.collection = 'holds' AND NOT hd.deleted AND hd.data->>'status' = 'occupied'
         ORDER BY hd.data->>'intakeRef', ${num(`hd.data->>'updatedAt'`)} DESC) h ON h.intake_ref = i.id
     -- Unqualified columns are i's: the subquery exposes only intake_ref and facility_id.
     WHERE ${INTAKES_OF_PERIOD}
  )
  SELECT t.office_id,
         CASE WHEN f.data->>'area' IS NULL THEN 'unknown'
              WHEN f.data->>'area' = t.office_id THEN 'own'
              WHEN f.data->>'area' = 'outside' THEN 'outside_verbund'
              WHEN f.data->>'area' = ANY($4::text[]) THEN 'other_office'
              ELSE 'unknown' END AS area,
         count(*)::int AS n
    FROM t LEFT JOIN documents f ON f.collection = 'facilities' AND f.id = t.facility_id
   WHERE t.placed
   GROUP BY 1, 2`;

type Counted = { office_id: string; n: number };

const emptyTally = (): Tally<number> => ({ ...perOffice(() => 0), verbund: 0 });

function add(tally: Tally<number>, office: OfficeId, n: number) {
  tally[office] += n;
  tally.verbund += n;
}

function weekRows(weeks: string[], rows: (Counted & { week: string })[]): WeekRowOf<number>[] {
  const byWeek = new Map(weeks.map((week) => [week, { week, ...emptyTally() }]));
  for (const r of rows) {
    const row = byWeek.get(r.week);
    if (row && isOfficeId(r.office_id)) add(row, r.office_id, r.n);
  }
  return [...byWeek.values()];
}

function totals(rows: Counted[]) {
  const total = emptyTally();
  for (const r of rows) if (isOfficeId(r.office_id)) add(total, r.office_id, r.n);
  return total;
}

const emptyDurations = (): CallToPlacementOf<number> => ({
  measured: 0,
  medianMinutes: null,
  buckets: Object.fromEntries(DURATION_BUCKETS.map((b) => [b, 0])) as CallToPlacementOf<number>['buckets'],
  implausible: 0,
});

type DurationRow = {
  office_id: string | null;
  verbund: number;
  measured: number;
  implausible: number;
  median: number | null;
} & Record<`b${0 | 1 | 2 | 3 | 4}`, number>;

function durationsOf(row: DurationRow): CallToPlacementOf<number> {
  return {
    measured: row.measured,
    medianMinutes: row.median === null ? null : Math.round(Number(row.median)),
    buckets: Object.fromEntries(
      DURATION_BUCKETS.map((b, i) => [b, row[`b${i as 0 | 1 | 2 | 3 | 4}`]]),
    ) as CallToPlacementOf<number>['buckets'],
    implausible: row.implausible,
  };
}

/**
 * The overview of the period `from`..`to` (both YYYY-MM-DD, Berlin, checked by the caller) over the documents of
 * `offices` (the caller's scope); other offices show zeros. Exact figures: what leaves the server is passed through
 * suppressSmallCounts (shared/overview-suppression.ts) first.
 */
export async function verbundOverview(
  db: Queryable,
  from: string,
  to: string,
  offices: readonly string[] = OFFICE_IDS,
): Promise<OverviewCounts> {
  const params = [from, addDays(to, 1), offices.filter(isOfficeId)];
  const weeks = weeksOf(from, to);
  const [intakeRows, durationRows, refusalRows, reasonRows, areaRows] = await Promise.all([
    db.query<Counted & { week: string }>(SQL_INTAKES_PER_WEEK, params),
    db.query<DurationRow>(SQL_CALL_TO_PLACEMENT, params),
    db.query<Counted & { week: string }>(SQL_REFUSALS_PER_WEEK, params),
    db.query<Counted & { reason: string }>(SQL_REFUSALS_BY_REASON, params),
    db.query<Counted & { area: string }>(SQL_PLACEMENT_AREAS, [...params, [...OFFICE_IDS]]),
  ]);

  const byOffice = perOffice(emptyDurations);
  let verbund = emptyDurations();
  for (const row of durationRows.rows) {
    // GROUPING() is 1 on the row of the grand total. An empty table still yields that row, with zero counts.
    if (Number(row.verbund) === 1) verbund = durationsOf(row);
    else if (isOfficeId(row.office_id)) byOffice[row.office_id] = durationsOf(row);
  }

  const reasonKeys: readonly RefusalReasonKey[] = [...REFUSAL_REASONS, REFUSAL_UNSPECIFIED];
  const byReason = perOffice(
    () => Object.fromEntries(reasonKeys.map((r) => [r, 0])) as Record<RefusalReasonKey, number>,
  );
  for (const r of reasonRows.rows) {
    // A reason outside the catalogue cannot be stored (the schema refuses it); should one appear, it counts as unspecified.
    const key = (reasonKeys as readonly string[]).includes(r.reason)
      ? (r.reason as RefusalReasonKey)
      : REFUSAL_UNSPECIFIED;
    if (isOfficeId(r.office_id)) byReason[r.office_id][key] += r.n;
  }

  const placementAreas = perOffice(
    () => Object.fromEntries(PLACEMENT_AREAS.map((a) => [a, 0])) as Record<PlacementArea, number>,
  );
  for (const r of areaRows.rows) {
    const area = (PLACEMENT_AREAS as readonly string[]).includes(r.area) ? (r.area as PlacementArea) : 'unknown';
    if (isOfficeId(r.office_id)) placementAreas[r.office_id][area] += r.n;
  }

  return {
    from,
    to,
    weeks,
    intakes: { byWeek: weekRows(weeks, intakeRows.rows), total: totals(intakeRows.rows) },
    callToPlacement: { byOffice, verbund },
    refusals: { byWeek: weekRows(weeks, refusalRows.rows), total: totals(refusalRows.rows), byReason },
    placementAreas,
  };
}
