import { OFFICE_IDS } from '../../shared/offices';
import {
  policyOf,
  type PurgeReason,
  type RetentionConfig,
  retentionDecision,
  type RetentionPolicy,
} from '../../shared/retention';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { AuditEvent } from '../audit/chain';
import { appendAudit, audit } from '../audit/log';
import type { Db, Queryable } from '../db/db';
import { SERVER_WRITER, writeAsServer } from '../sync/push';
import { CONTENT_COLLECTIONS, entryTombstone, intakeTombstone, tombstoneOf } from './tombstone';

/**
 * The server's deletion run (`npm run purge`, server/privacy/purge-cli.ts) under the retention rule of
 * shared/retention.ts:
 * 1. intakes due (closed measures after N years, the statistics exported; drafts never submitted after M days)
 *    become bare tombstones through the change feed, so every laptop drops its copy; one audit row each (id,
 *    reason - never content), in the same transaction;
 * 2. the log entries of every deleted intake become tombstones the same way;
 * 3. documents deleted by users still hold their last content in `data`: it is replaced by the tombstone;
 * 4. tombstones older than the office's `tombstoneDays` (every laptop had the time to see them) are removed;
 * 5. one audit row per office with the figures.
 * Each step is its own transaction and idempotent: a run cut off is completed by the next one.
 */

/** Who the purge is recorded as in the audit trail. */
export const PURGE_ACTOR = { actorId: 'obhut-purge', actorName: 'npm run purge' } as const;

export type PlannedRecord = { id: string; reason: PurgeReason };
export type OfficePlan = {
  officeId: string;
  policy: RetentionPolicy;
  /** Intakes whose content goes now. */
  purge: PlannedRecord[];
  /** Intakes due by age but held back: the statistics of the year their measure ended was not exported yet. */
  held: { id: string; statisticsYear: number }[];
  /** Log entries that go with the intakes above or belong to intakes already deleted. */
  entries: number;
  /** Documents deleted by users whose last content is still stored. */
  unstripped: number;
  /** Tombstones old enough to be removed. */
  expiredTombstones: number;
};

type IntakeFacts = { id: string; office_id: string; status: string; updated_at: string; ended_at: string | null };

const SQL_INTAKES = `
  SELECT id, office_id, data->>'status' AS status, data->>'updatedAt' AS updated_at,
         data#>>'{end,endedAt}' AS ended_at
    FROM documents WHERE collection = 'intakes' AND NOT deleted`;

/** Office and year of every federal statistics export recorded in the audit trail (renderer: statistics CSV). */
async function statisticsExports(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ office_id: string; year: string }>(
    `SELECT DISTINCT office_id, details->>'year' AS year FROM audit_log
      WHERE action = 'case.export' AND details->>'kind' = 'statistics' AND details->>'year' IS NOT NULL`,
  );
  return new Set(rows.map((r) => `${r.office_id}/${r.year}`));
}

function decide(facts: IntakeFacts, config: RetentionConfig, now: number, exported: Set<string>) {
  return retentionDecision(
    {
      status: facts.status,
      updatedAt: Number(facts.updated_at),
      endedAt: facts.ended_at === null ? undefined : Number(facts.ended_at),
    },
    policyOf(config, facts.office_id),
    now,
    (year) => exported.has(`${facts.office_id}/${year}`),
  );
}

/** Entries (not yet deleted) of the given intakes or of intakes stored as deleted. */
const SQL_ENTRIES_TO_GO = `
  SELECT e.data FROM documents e
   WHERE e.collection = 'entries' AND NOT e.deleted
     AND (e.data->>'intakeId' = ANY($1::text[])
          OR EXISTS (SELECT 1 FROM documents i WHERE i.collection = 'intakes' AND i.id = e.data->>'intakeId' AND i.deleted))`;

const tombstoneCutoff = (now: number, days: number) => new Date(now - days * 86_400_000).toISOString();

/** What a run would do, per office; changes nothing. */
export async function planPurge(db: Queryable, config: RetentionConfig, now: number): Promise<OfficePlan[]> {
  const exported = await statisticsExports(db);
  const { rows: intakes } = await db.query<IntakeFacts>(SQL_INTAKES);
  const plans = new Map<string, OfficePlan>(
    OFFICE_IDS.map((officeId) => [
      officeId,
      {
        officeId,
        policy: policyOf(config, officeId),
        purge: [],
        held: [],
        entries: 0,
        unstripped: 0,
        expiredTombstones: 0,
      },
    ]),
  );
  for (const facts of intakes) {
    const plan = plans.get(facts.office_id);
    if (!plan) continue;
    const d = decide(facts, config, now, exported);
    if (d.kind === 'purge') plan.purge.push({ id: facts.id, reason: d.reason });
    else if (d.kind === 'held') plan.held.push({ id: facts.id, statisticsYear: d.statisticsYear });
  }
  const going = [...plans.values()].flatMap((p) => p.purge.map((r) => r.id));
  const { rows: entries } = await db.query<{ data: EntryWire }>(SQL_ENTRIES_TO_GO, [going]);
  for (const e of entries) {
    const plan = plans.get(e.data.officeId);
    if (plan) plan.entries += 1;
  }
  const { rows: unstripped } = await db.query<{ office_id: string; n: number }>(
    `SELECT office_id, count(*)::int AS n FROM documents
      WHERE deleted AND writer <> $1 AND collection = ANY($2::text[]) GROUP BY 1`,
    [SERVER_WRITER.userId, [...CONTENT_COLLECTIONS]],
  );
  for (const r of unstripped) {
    const plan = plans.get(r.office_id);
    if (plan) plan.unstripped = r.n;
  }
  for (const plan of plans.values()) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM documents WHERE deleted AND office_id = $1 AND received_at < $2::timestamptz`,
      [plan.officeId, tombstoneCutoff(now, plan.policy.tombstoneDays)],
    );
    plan.expiredTombstones = rows[0].n;
  }
  return [...plans.values()];
}

const figures = (p: OfficePlan) => ({
  closedMeasures: p.purge.filter((r) => r.reason === 'closed_measure').length,
  abandonedDrafts: p.purge.filter((r) => r.reason === 'abandoned_draft').length,
  heldForStatistics: p.held.length,
  entries: p.entries,
  unstripped: p.unstripped,
  expiredTombstones: p.expiredTombstones,
});

/** The dry run: the plan, recorded in the audit trail (figures per office, no content). */
export async function dryRun(db: Db, config: RetentionConfig, now: number): Promise<OfficePlan[]> {
  const plans = await planPurge(db, config, now);
  await audit(
    db,
    ...plans.map((p): AuditEvent => ({
      action: 'retention.dry_run',
      ...PURGE_ACTOR,
      officeId: p.officeId,
      details: { ...figures(p), policy: p.policy },
    })),
  );
  return plans;
}

export type PurgeResult = {
  officeId: string;
  intakes: PlannedRecord[];
  entries: number;
  stripped: number;
  removedTombstones: number;
};

/** The run: deletes what is due (steps 1-5 above) and returns what went, per office. */
export async function runPurge(db: Db, config: RetentionConfig, now: number): Promise<PurgeResult[]> {
  const results = new Map<string, PurgeResult>(
    OFFICE_IDS.map((officeId) => [officeId, { officeId, intakes: [], entries: 0, stripped: 0, removedTombstones: 0 }]),
  );
  const exported = await statisticsExports(db);

  // 1. Intakes: decided again under the feed lock, so a record changed since the plan is judged as it is now.
  await writeAsServer(db, 'intakes', async (tx) => {
    const { rows } = await tx.query<IntakeFacts & { data: IntakeWire }>(
      `${SQL_INTAKES.replace('SELECT', 'SELECT data,')}`,
    );
    const tombstones: IntakeWire[] = [];
    const events: AuditEvent[] = [];
    for (const row of rows) {
      const d = decide(row, config, now, exported);
      const result = results.get(row.office_id);
      if (d.kind !== 'purge' || !result) continue;
      tombstones.push(intakeTombstone(row.data, now, SERVER_WRITER.userId));
      result.intakes.push({ id: row.id, reason: d.reason });
      events.push({
        action: 'case.purged',
        ...PURGE_ACTOR,
        officeId: row.office_id,
        target: row.id,
        details: { collection: 'intakes', reason: d.reason },
      });
    }
    await appendAudit(tx, ...events);
    return tombstones;
  });

  // 2. Their log entries, and those of intakes deleted earlier.
  await writeAsServer(db, 'entries', async (tx) => {
    const { rows } = await tx.query<{ data: EntryWire }>(SQL_ENTRIES_TO_GO, [[]]);
    for (const r of rows) {
      const result = results.get(r.data.officeId);
      if (result) result.entries += 1;
    }
    return rows.map((r) => entryTombstone(r.data, now));
  });

  // 3. The last content of documents deleted by users. The feed position stays: the laptops have the deletion.
  for (const collection of CONTENT_COLLECTIONS) {
    await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; office_id: string; data: IntakeWire | EntryWire }>(
        `SELECT id, office_id, data FROM documents WHERE collection = $1 AND deleted AND writer <> $2 FOR UPDATE`,
        [collection, SERVER_WRITER.userId],
      );
      if (rows.length === 0) return;
      const stripped = rows.map((r) => ({
        id: r.id,
        data: tombstoneOf(collection, r.data, now, SERVER_WRITER.userId),
      }));
      await tx.query(
        `UPDATE documents d SET data = r.data, writer = $2, device_id = NULL
           FROM jsonb_to_recordset($3::jsonb) AS r(id text, data jsonb)
          WHERE d.collection = $1 AND d.id = r.id`,
        [collection, SERVER_WRITER.userId, JSON.stringify(stripped)],
      );
      for (const r of rows) {
        const result = results.get(r.office_id);
        if (result) result.stripped += 1;
      }
    });
  }

  // 4. Tombstones every laptop had the time to see; 5. one row per office.
  const events: AuditEvent[] = [];
  for (const result of results.values()) {
    const policy = policyOf(config, result.officeId);
    const { rows } = await db.query<{ n: number }>(
      `WITH gone AS (DELETE FROM documents WHERE deleted AND office_id = $1 AND received_at < $2::timestamptz
                     RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [result.officeId, tombstoneCutoff(now, policy.tombstoneDays)],
    );
    result.removedTombstones = rows[0].n;
    events.push({
      action: 'retention.run',
      ...PURGE_ACTOR,
      officeId: result.officeId,
      details: {
        closedMeasures: result.intakes.filter((r) => r.reason === 'closed_measure').length,
        abandonedDrafts: result.intakes.filter((r) => r.reason === 'abandoned_draft').length,
        entries: result.entries,
        stripped: result.stripped,
        removedTombstones: result.removedTombstones,
        policy,
      },
    });
  }
  await audit(db, ...events);
  return [...results.values()];
}
