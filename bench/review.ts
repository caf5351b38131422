/**
 * `npm run bench:review`: the morning-review features with a year of data. Prints a table and the JSON of every
 * figure (`BENCH_OUT=file.json` also writes it); no assertions. Runs the real code:
 *
 * (o) the Verbund overview: `server/main.ts` as a child process on PostgreSQL (DATABASE_URL, else the local one),
 *     seeded through the sync API by each office's on-call worker as test/integration/verbund-overview.test.ts
 *     does: BENCH_REVIEW_INTAKES fictional intakes (20,000) over the five offices and 53 weeks, with placement
 *     log lines (refusals with and without reason, requests, acceptances, corrected lines), places in the five
 *     areas and outside, and occupied holds for places known only from a hold. Then GET /api/v1/overview as a
 *     supervisor for 12 and 53 weeks, BENCH_REVIEW_CALLS times each (10), p50/p95; and each of the route's five
 *     statements alone (EXPLAIN ANALYZE, execution time in PostgreSQL) for the 53 weeks.
 * (q) the review queue model (renderer/src/features/review/queue-model.ts) and (b) the obligations model
 *     (renderer/src/features/obligations/obligations-model.ts) in Node over BENCH_REVIEW_RECORDS fictional records
 *     (10,000) of one office's client, BENCH_REVIEW_RUNS runs each (20), p50/p95.
 *
 * A call or statement that takes longer than BENCH_REVIEW_TIMEOUT_MS (20,000) is cut off (its statements cancelled in
 * PostgreSQL) and printed as such, so a run stays within minutes. BENCH_ONLY=overview or BENCH_ONLY=models runs one
 * part.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

import pg from 'pg';

import {
  applyFilter,
  dueObligations,
  summarize as summarizeDue,
} from '../renderer/src/features/obligations/obligations-model';
import {
  DEFAULT_QUEUE_FILTER,
  filterRows,
  type QueueContext,
  scopedRows,
} from '../renderer/src/features/review/queue-model';
import { submittedRecord } from '../renderer/src/test-fixtures/intake';
import type { Queryable, Row as DbRow } from '../server/db/db';
import { verbundOverview } from '../server/overview/query';
import { AGE_GROUPS } from '../shared/catalogues/ageGroup';
import { type PlacementAnswer, REFUSAL_REASONS } from '../shared/catalogues/entry';
import { demoFacilities } from '../shared/demo/facilities';
import { demoNightRecord } from '../shared/demo/nightRecord';
import { OFFICE_IDS, type OfficeId } from '../shared/offices';
import { addDays, type VerbundOverview } from '../shared/overview';
import { newHold } from '../shared/placement/newHold';
import type { EntryWire } from '../shared/schema/entry';
import type { FacilityWire } from '../shared/schema/facility';
import type { HoldWire } from '../shared/schema/hold';
import type { Intake, IntakeWire, ReviewState } from '../shared/schema/intake';
import type { LoginResponse } from '../shared/sync/protocol';
import { login, makeIntake, push } from '../test/support/api';
import { createTestDatabase } from '../test/support/pg';
import { startServer } from '../test/support/server';
import { env, round, type Row, summarize, type Summary, table } from './stats';

const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
const only = (process.env.BENCH_ONLY ?? 'overview,models').split(',');

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The last day of the measured periods (a Sunday) and the first days of its 53 and 12 weeks (Mondays). */
const TO = '2026-11-22';
const FROM_53 = addDays(TO, -(53 * 7 - 1));
const FROM_12 = addDays(TO, -(12 * 7 - 1));

/** A deterministic pseudo-random sequence (as bench/placement-board.ts), so every run measures the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

const FIRST = [
  'Mia',
  'Leon',
  'Emma',
  'Noah',
  'Lina',
  'Finn',
  'Ella',
  'Paul',
  'Ida',
  'Ben',
  'Jörg',
  'Özlem',
  'Lüsa',
  'Amélie',
];
const LAST = [
  'Musterkind',
  'Beispiel',
  'Erfunden',
  'Probe',
  'Testfall',
  'Platzhalter',
  'Vorlage',
  'Müller-Fiktiv',
  'Weiß-Muster',
];

// ---------------------------------------------------------------------------------------------------------------
// (o) the Verbund overview on PostgreSQL

type Seed = {
  facilities: FacilityWire[];
  intakes: Map<OfficeId, IntakeWire[]>;
  entries: Map<OfficeId, EntryWire[]>;
  holds: Map<OfficeId, HoldWire[]>;
};

/**
 * Places: ten in each office's area and ten outside the Verbund. Intakes: call times spread evenly over the 53
 * weeks (Berlin); 70 % placed at a known facility (half in the own area), 10 % placed by name with the facility
 * known only from an occupied hold, 5 % a foster family typed in by name, the rest without a place yet; call to
 * admission 5 minutes to 15 hours, 2 % with an admission before the call (a typing error). Log: 0-4 placement
 * lines per intake, 60 % refusals (one in five without reason), 3 % of the refusals corrected by a later line.
 */
function makeSeed(intakeCount: number, users: Record<OfficeId, string>, coordinatorId: string, now: number): Seed {
  const rnd = random(7);
  const base = demoFacilities(now)[0];
  const areas: FacilityWire['area'][] = [...OFFICE_IDS, 'outside'];
  const facilities: FacilityWire[] = areas.flatMap((area, a) =>
    Array.from({ length: 10 }, (_, k) => ({
      ...base,
      id: `bench-review-f-${a}-${k}`,
      name: `Fiktive Einrichtung ${a}-${k}`,
      officeId: area === 'outside' ? 'segeberg' : area,
      area,
      updatedAt: now,
      updatedBy: coordinatorId,
      freeReports: [{ id: randomUUID(), free: 3, reportedAt: now, reportedBy: coordinatorId }],
      conflicts: [],
      _deleted: false,
    })),
  );
  const inArea = (area: string) => facilities.filter((f) => f.area === area);

  const start = Date.parse(`${FROM_53}T00:00:00+01:00`);
  const end = Date.parse(`${addDays(TO, 1)}T00:00:00+01:00`);
  const intakes = new Map<OfficeId, IntakeWire[]>(OFFICE_IDS.map((o) => [o, []]));
  const entries = new Map<OfficeId, EntryWire[]>(OFFICE_IDS.map((o) => [o, []]));
  const holds = new Map<OfficeId, HoldWire[]>(OFFICE_IDS.map((o) => [o, []]));

  for (let i = 0; i < intakeCount; i++) {
    const office = OFFICE_IDS[i % OFFICE_IDS.length];
    const userId = users[office];
    const receivedAt = start + Math.floor(rnd() * (end - start));
    const child = {
      firstName: pick(rnd, FIRST),
      lastName: `${pick(rnd, LAST)} ${i}`,
      estimatedAge: Math.floor(rnd() * 18),
    };
    const night = demoNightRecord(receivedAt, child);
    const minutes = rnd() < 0.02 ? -Math.floor(5 + rnd() * 60) : Math.floor(5 + rnd() ** 2 * 895);
    const admittedAt = receivedAt + minutes * MIN;
    const roll = rnd();
    let placement: IntakeWire['placement'];
    let holdAt: FacilityWire | undefined;
    if (roll < 0.7) {
      const r = rnd();
      const area =
        r < 0.5
          ? office
          : r < 0.85
            ? pick(
                rnd,
                OFFICE_IDS.filter((o) => o !== office),
              )
            : 'outside';
      const facility = pick(rnd, inArea(area));
      placement = { ...night.placement, facilityId: facility.id, facilityName: facility.name, admittedAt };
    } else if (roll < 0.8) {
      holdAt = pick(rnd, facilities);
      placement = { ...night.placement, facilityName: holdAt.name, admittedAt };
    } else if (roll < 0.85) {
      placement = { ...night.placement, facilityName: 'Bereitschaftspflege Fiktiv', admittedAt };
    }
    const intake = makeIntake(office, {
      ...night,
      id: randomUUID(),
      child,
      placement,
      createdBy: userId,
      updatedBy: userId,
    });
    if (!placement) delete intake.placement;
    intakes.get(office)!.push(intake);

    const lines = Math.floor(rnd() * 5);
    for (let j = 0; j < lines; j++) {
      const at = receivedAt + (j + 1) * 12 * MIN;
      const a = rnd();
      const answer: PlacementAnswer = a < 0.6 ? 'refused' : a < 0.8 ? 'requested' : 'accepted';
      const reason = answer === 'refused' && rnd() < 0.8 ? pick(rnd, REFUSAL_REASONS) : undefined;
      const line: EntryWire = {
        id: randomUUID(),
        officeId: office,
        intakeId: intake.id,
        kind: 'placement',
        at,
        createdBy: userId,
        createdAt: at,
        updatedAt: at,
        text: 'Fiktive Anfrage bei einer Einrichtung.',
        placement: { facilityName: 'Kinderschutzhaus Fiktiv', answer, ...(reason ? { reason } : {}) },
        _deleted: false,
      };
      entries.get(office)!.push(line);
      if (answer === 'refused' && rnd() < 0.03) {
        entries.get(office)!.push({
          ...line,
          id: randomUUID(),
          kind: 'note',
          at: at + 5 * MIN,
          createdAt: at + 5 * MIN,
          updatedAt: at + 5 * MIN,
          text: 'Korrektur: keine Absage, versehentlich erfasst.',
          placement: undefined,
          correctsId: line.id,
        });
      }
    }

    if (holdAt) {
      const made = receivedAt + 30 * MIN;
      const hold = newHold({
        id: randomUUID(),
        facility: holdAt,
        officeId: office,
        intakeRef: intake.id,
        ageGroup: pick(rnd, AGE_GROUPS),
        sex: rnd() < 0.5 ? 'female' : 'male',
        userId,
        now: made,
      });
      holds.get(office)!.push({ ...hold, status: 'occupied', _deleted: false });
    }
  }
  return { facilities, intakes, entries, holds };
}

async function pushBatches<D extends { id: string }>(
  url: string,
  token: string,
  collection: string,
  docs: D[],
  batch: number,
) {
  for (let i = 0; i < docs.length; i += batch) {
    const res = await push(
      url,
      token,
      collection,
      docs.slice(i, i + batch).map((d) => ({ newDocumentState: d as never })),
    );
    if (res.rejected.length || res.conflicts.length)
      throw new Error(`${collection}: ${JSON.stringify(res).slice(0, 400)}`);
  }
}

/** Captures the statements verbundOverview runs, with their parameters, without running them (no rows). */
function capturing(seen: { sql: string; params: unknown[] }[]): Queryable {
  return {
    query<R extends DbRow = DbRow>(sql: string, params: unknown[] = []) {
      seen.push({ sql, params });
      return Promise.resolve({ rows: [] as R[] });
    },
    async exec() {},
  };
}

const STATEMENTS = [
  'intakes per week',
  'call to placement',
  'refusals per week',
  'refusals by reason',
  'placement areas',
];

export type OverviewResult = {
  intakes: number;
  documents: { intakes: number; entries: number; holds: number; facilities: number; tableMb: number };
  seed: { ms: number; docsPerSecond: number };
  route: {
    weeks: number;
    from: string;
    to: string;
    calls: Summary;
    first: number;
    timedOut: boolean;
    intakesCounted: number;
    refusalsCounted: number;
  }[];
  statementTimeoutMs: number;
  statements: { what: string; ms: number | null; estimatedRows: number; plan: string }[];
};

async function benchOverview(intakeCount: number, calls: number, timeoutMs: number): Promise<OverviewResult> {
  const db = await createTestDatabase('obhut_bench_review');
  const server = await startServer({ databaseUrl: db.url });
  try {
    const coordinator = await login(server.url, 'koordination');
    const supervisor = await login(server.url, 'leitung.stormarn');
    const oncall = {} as Record<OfficeId, LoginResponse>;
    for (const office of OFFICE_IDS) oncall[office] = await login(server.url, `bereitschaft.${office}`);
    const now = Date.now();
    const seed = makeSeed(
      intakeCount,
      Object.fromEntries(OFFICE_IDS.map((o) => [o, oncall[o].user.id])) as Record<OfficeId, string>,
      coordinator.user.id,
      now,
    );
    const count = (m: Map<OfficeId, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
    const docs = seed.facilities.length + count(seed.intakes) + count(seed.entries) + count(seed.holds);

    log(`(o) seeding ${docs} documents through the sync API (${intakeCount} intakes, 5 offices, 53 weeks)`);
    const t0 = performance.now();
    await pushBatches(server.url, coordinator.token, 'facilities', seed.facilities, 100);
    // The offices push side by side, as their workers would; each push is serialised per collection on the server.
    await Promise.all(
      OFFICE_IDS.map(async (office) => {
        const { token } = oncall[office];
        await pushBatches(server.url, token, 'intakes', seed.intakes.get(office)!, 200);
        await pushBatches(server.url, token, 'entries', seed.entries.get(office)!, 500);
        await pushBatches(server.url, token, 'holds', seed.holds.get(office)!, 500);
      }),
    );
    const seedMs = performance.now() - t0;
    // Fresh statistics, as autovacuum would have them on a database that grew over a year.
    await db.query('VACUUM ANALYZE documents');
    const [{ mb }] = await db.query<{ mb: number }>(
      `SELECT round(pg_total_relation_size('documents') / 1048576.0)::int AS mb`,
    );

    const route: OverviewResult['route'] = [];
    /** Ends the statements still running in this run's database (a call that timed out leaves them running). */
    const cancelRunning = () =>
      db.query(
        `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      );
    const call = async (from: string): Promise<{ ms: number; body?: VerbundOverview }> => {
      const t = performance.now();
      try {
        const res = await fetch(`${server.url}/api/v1/overview?from=${from}&to=${TO}`, {
          headers: { authorization: `Bearer ${supervisor.token}` },
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await res.json()) as VerbundOverview;
        if (res.status !== 200) throw new Error(`overview: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
        return { ms: performance.now() - t, body };
      } catch (err) {
        if ((err as Error).name !== 'TimeoutError') throw err;
        await cancelRunning();
        return { ms: performance.now() - t };
      }
    };
    for (const [weeks, from] of [
      [12, FROM_12],
      [53, FROM_53],
    ] as const) {
      log(`(o) GET /api/v1/overview, ${weeks} weeks, ${calls} calls (each cut off after ${timeoutMs} ms)`);
      const times: number[] = [];
      let body: VerbundOverview | undefined;
      // One call first, not counted: the server's first query plans and cold caches. A call cut off ends the period.
      const first = await call(from);
      let timedOut = first.body === undefined;
      for (let i = 0; i < calls && !timedOut; i++) {
        const r = await call(from);
        if (r.body === undefined) timedOut = true;
        else {
          times.push(r.ms);
          body = r.body;
        }
      }
      route.push({
        weeks,
        from,
        to: TO,
        calls: times.length ? summarize(times) : { n: 0, p50: NaN, p95: NaN, max: NaN, mean: NaN },
        first: round(first.ms),
        timedOut,
        intakesCounted: body ? Number(body.intakes.total.verbund) : NaN,
        refusalsCounted: body ? Number(body.refusals.total.verbund) : NaN,
      });
    }

    log('(o) the five statements alone, EXPLAIN ANALYZE, 53 weeks');
    const pool = new pg.Pool({ connectionString: db.url, max: 5 });
    const statements: OverviewResult['statements'] = [];
    try {
      const seen: { sql: string; params: unknown[] }[] = [];
      await verbundOverview(capturing(seen), FROM_53, TO);
      for (const [k, { sql, params }] of seen.entries()) {
        type Plan = { 'Execution Time'?: number; Plan: Record<string, unknown> };
        const explain = async (analyze: boolean) => {
          const client = await pool.connect();
          try {
            await client.query(`SET statement_timeout = ${Math.round(timeoutMs)}`);
            const res = await client.query<{ 'QUERY PLAN': Plan[] }>(
              `EXPLAIN (${analyze ? 'ANALYZE, ' : ''}FORMAT JSON) ${sql}`,
              params,
            );
            return res.rows[0]['QUERY PLAN'][0];
          } finally {
            client.release();
          }
        };
        // A statement that runs longer than the timeout is cut off; its plan (estimates only) is still printed.
        const plan = await explain(true).catch(async (err: Error) => {
          if (!/statement timeout/.test(err.message)) throw err;
          return explain(false);
        });
        const ms = plan['Execution Time'];
        statements.push({
          what: STATEMENTS[k] ?? `statement ${k + 1}`,
          ms: ms === undefined ? null : round(ms),
          estimatedRows: Number(plan.Plan['Plan Rows']),
          plan: outline(plan.Plan),
        });
      }
    } finally {
      await pool.end();
    }

    return {
      intakes: intakeCount,
      documents: {
        intakes: count(seed.intakes),
        entries: count(seed.entries),
        holds: count(seed.holds),
        facilities: seed.facilities.length,
        tableMb: mb,
      },
      seed: { ms: Math.round(seedMs), docsPerSecond: Math.round(docs / (seedMs / 1000)) },
      route,
      statementTimeoutMs: timeoutMs,
      statements,
    };
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** The node types of a plan, outermost first, without repeats: enough to see scans, joins and sorts. */
function outline(plan: Record<string, unknown>): string {
  const types: string[] = [];
  const walk = (p: Record<string, unknown>) => {
    const t =
      String(p['Node Type']) +
      (p['Relation Name'] ? ` on ${p['Relation Name'] as string}` : '') +
      (p['Index Name'] ? ` (${p['Index Name'] as string})` : '');
    if (!types.includes(t)) types.push(t);
    for (const child of (p.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  walk(plan);
  return types.join(' > ');
}

// ---------------------------------------------------------------------------------------------------------------
// (q) the review queue model and (b) the obligations model, in Node

/** The morning the models are run for: a Wednesday, 07:30 in Berlin. */
const MORNING = Date.parse('2026-11-25T07:30:00+01:00');

/**
 * One office's client (Segeberg): 90 % its own records, 5 % records of other offices handed to it, 5 % of other
 * offices not for it; calls over the last 180 days, newest more often; 5 % drafts. Review states by age (recent
 * ones new, in review or returned, older ones mostly countersigned or closed); the facts that complete the
 * obligations (custodians informed, handover to the ASD, end of the measure, court) present for some, so the
 * obligations are a mix of done, due soon and overdue.
 */
function makeRecords(n: number): Intake[] {
  const rnd = random(11);
  const others = OFFICE_IDS.filter((o) => o !== 'segeberg');
  return Array.from({ length: n }, (_, i) => {
    const ageDays = rnd() ** 2 * 180;
    const call = MORNING - Math.floor(ageDays * DAY) - Math.floor(rnd() * HOUR);
    const o = rnd();
    const officeId: OfficeId = o < 0.9 ? 'segeberg' : pick(rnd, others);
    const handedToUs = o >= 0.9 && o < 0.95;
    const s = rnd();
    const state: ReviewState = handedToUs
      ? 'handed_over'
      : ageDays < 3
        ? (['new', 'new', 'in_review', 'returned'] as const)[Math.floor(s * 4)]
        : s < 0.05
          ? 'new'
          : s < 0.08
            ? 'returned'
            : s < 0.7
              ? 'countersigned'
              : 'closed';
    const base = submittedRecord(`rec-${String(i).padStart(6, '0')}`, pick(rnd, FIRST), new Date(call).toISOString(), {
      officeId,
      status: rnd() < 0.05 ? 'draft' : 'submitted',
      ...(state === 'new' ? {} : { review: { state } }),
    });
    base.child = { ...base.child, lastName: `${pick(rnd, LAST)} ${i}` };
    if (handedToUs)
      base.review = {
        state: 'handed_over',
        handedOverTo: 'segeberg',
        handedOverBy: `leitung.${officeId}`,
        handedOverAt: call + 10 * HOUR,
      };
    const decided = base.decision?.decidedAt ?? call;
    if (rnd() < 0.6) base.custodians = (base.custodians ?? []).map((c) => ({ ...c, informedAt: decided + 3 * HOUR }));
    if (rnd() < 0.1)
      base.custodians = (base.custodians ?? []).map((c) => ({
        ...c,
        objection: true,
        objectionAt: decided + 4 * HOUR,
      }));
    if (rnd() < 0.05) base.court = { applicationAt: decided + DAY };
    if (ageDays > 1 && rnd() < 0.5) base.handover = { handedOverAt: call + DAY };
    if (ageDays > 7 && rnd() < 0.4) base.end = { endedAt: call + 5 * DAY, reason: 'return_to_custodians' };
    return base;
  });
}

export type ModelResult = {
  records: number;
  runs: number;
  figures: { id: string; what: string; result: string; timing: Summary }[];
};

function timeRuns<T>(runs: number, fn: () => T): { timing: Summary; value: T } {
  let value = fn(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = fn();
    times.push(performance.now() - t);
  }
  return { timing: summarize(times), value };
}

function benchModels(n: number, runs: number): ModelResult {
  log(`(q) building ${n} fictional records`);
  const records = makeRecords(n);
  const ids = records.map((r) => r.id);
  const ctx: QueueContext = {
    officeId: 'segeberg',
    now: MORNING,
    pendingIds: new Set(ids.filter((_, i) => i % 97 === 0)),
    rejectedIds: new Set(ids.filter((_, i) => i % 997 === 0)),
  };
  const figures: ModelResult['figures'] = [];
  const add = (id: string, what: string, run: () => unknown[], note = (v: unknown[]) => `${v.length} rows`) => {
    log(`(${id}) ${what}`);
    const { timing, value } = timeRuns(runs, run);
    figures.push({ id, what, result: note(value), timing });
    return value;
  };

  const recent = add('q', 'scopedRows, scope "recent" (office filter, sort newest first, rows with obligations)', () =>
    scopedRows(records, 'recent', ctx),
  ) as ReturnType<typeof scopedRows>;
  const all = add('q', 'scopedRows, scope "all"', () => scopedRows(records, 'all', ctx)) as ReturnType<
    typeof scopedRows
  >;
  add('q', 'filterRows over "all", no filter (default)', () =>
    filterRows(all, { ...DEFAULT_QUEUE_FILTER, scope: 'all' }),
  );
  add('q', 'filterRows over "recent", no filter (default)', () => filterRows(recent, DEFAULT_QUEUE_FILTER));
  add('q', 'filterRows over "all", state "countersigned"', () =>
    filterRows(all, { ...DEFAULT_QUEUE_FILTER, scope: 'all', state: 'countersigned' }),
  );
  add('q', 'filterRows over "all", overdue only', () =>
    filterRows(all, { ...DEFAULT_QUEUE_FILTER, scope: 'all', overdueOnly: true }),
  );
  add('q', 'filterRows over "all", name search "muller"', () =>
    filterRows(all, { ...DEFAULT_QUEUE_FILTER, scope: 'all', name: 'muller' }),
  );
  add('q', 'filterRows over "all", name search "ozlem weiss 12"', () =>
    filterRows(all, { ...DEFAULT_QUEUE_FILTER, scope: 'all', name: 'ozlem weiss 12' }),
  );
  add('q', 'scopedRows + filterRows, a name typed (the page recomputes both on a new record)', () =>
    filterRows(scopedRows(records, 'all', ctx), { ...DEFAULT_QUEUE_FILTER, scope: 'all', name: 'lina' }),
  );

  const names = new Map(OFFICE_IDS.map((o) => [`bereitschaft.${o}`, `Bereitschaft ${o}`]));
  const due = add(
    'b',
    'dueObligations (open records, derivation, sort)',
    () => dueObligations(records, { officeId: 'segeberg', now: MORNING, names }),
    (v) => {
      const list = v as ReturnType<typeof dueObligations>;
      return `${list.length} due, ${list.filter((d) => d.status === 'overdue').length} overdue`;
    },
  ) as ReturnType<typeof dueObligations>;
  add(
    'b',
    'summarize (counts by kind and person)',
    () => [summarizeDue(due)],
    () => `${due.length} obligations`,
  );
  add('b', 'applyFilter, overdue only', () => applyFilter(due, { kind: null, responsibleId: null, overdueOnly: true }));
  add('b', 'applyFilter, kind "informCustodians"', () =>
    applyFilter(due, { kind: 'informCustodians', responsibleId: null, overdueOnly: false }),
  );

  return { records: n, runs, figures };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg().map((l) => round(l, 1)),
  };
  const rows: Row[] = [];
  const result: Record<string, unknown> = { date: new Date().toISOString(), machine };

  if (only.includes('overview')) {
    const o = await benchOverview(
      env('BENCH_REVIEW_INTAKES', 20_000),
      env('BENCH_REVIEW_CALLS', 10),
      env('BENCH_REVIEW_TIMEOUT_MS', 20_000),
    );
    result.overview = o;
    rows.push({
      id: 'o',
      what: `seed through the sync API (${o.documents.intakes} intakes, ${o.documents.entries} log lines, ${o.documents.holds} holds)`,
      value: `${o.seed.ms} ms`,
      note: `${o.seed.docsPerSecond} docs/s; documents table ${o.documents.tableMb} MB`,
    });
    for (const r of o.route) {
      rows.push({
        id: 'o',
        what: `GET /api/v1/overview, ${r.weeks} weeks (${r.from}..${r.to})`,
        value:
          r.timedOut && r.calls.n === 0
            ? `> ${o.statementTimeoutMs} ms (cut off)`
            : `p50 ${r.calls.p50} ms, p95 ${r.calls.p95} ms`,
        note: r.calls.n
          ? `n=${r.calls.n}${r.timedOut ? ' (then cut off)' : ''}, first ${r.first} ms; ${r.intakesCounted} intakes, ${r.refusalsCounted} refusals counted`
          : 'the first call did not answer in time',
      });
    }
    for (const s of o.statements) {
      rows.push({
        id: 'o',
        what: `  SQL ${s.what}, 53 weeks (EXPLAIN ANALYZE)`,
        value: s.ms === null ? `> ${o.statementTimeoutMs} ms (cut off)` : `${s.ms} ms`,
        note: `estimated ${s.estimatedRows} rows; ${s.plan}`,
      });
    }
  }

  if (only.includes('models')) {
    const m = benchModels(env('BENCH_REVIEW_RECORDS', 10_000), env('BENCH_REVIEW_RUNS', 20));
    result.models = m;
    for (const f of m.figures) {
      rows.push({
        id: f.id,
        what: `${f.what} (${m.records} records)`,
        value: `p50 ${f.timing.p50} ms, p95 ${f.timing.p95} ms`,
        note: `n=${f.timing.n}; ${f.result}`,
      });
    }
  }

  result.seconds = Math.round((Date.now() - started) / 1000);
  result.loadAtEnd = loadavg().map((l) => round(l, 1));
  console.log('');
  console.log(table(rows));
  console.log('');
  console.log(JSON.stringify(result, null, 2));
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
