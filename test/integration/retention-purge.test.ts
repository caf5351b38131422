import { randomUUID } from 'node:crypto';

import { audit } from '../../server/audit/log';
import type { Db } from '../../server/db/db';
import { openPostgres } from '../../server/db/postgres';
import { describePlan } from '../../server/privacy/purge-cli';
import { dryRun, runPurge } from '../../server/privacy/retention';
import { DEFAULT_RETENTION, parseRetentionConfig } from '../../shared/retention';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse } from '../../shared/sync/protocol';
import { login, makeIntake, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 16, retention and deletion on the real server and PostgreSQL: fictional records of two offices pushed by
 * their on-call staff, the purge's dry run and run, and then a look at the rows themselves: deleted content must be
 * gone from the database, not only flagged; the audit trail keeps ids and the fact, never content.
 */
let pgdb: TestDatabase;
let server: RunningServer;
let db: Db;
let seg: LoginResponse;
let sto: LoginResponse;

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const SECRET = 'Vertraulicher Geheimname';
const now = Date.now();
const berlinYear = (ms: number) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(ms));

function closed(officeId: string, endedAt: number): IntakeWire {
  const doc = makeIntake(officeId, { status: 'submitted' });
  doc.child = { firstName: SECRET, lastName: `Kind ${randomUUID().slice(0, 6)}`, estimatedAge: 9 };
  doc.situation = `${SECRET}: fiktiver Sachverhalt.`;
  doc.end = { ...(doc.end ?? {}), endedAt };
  return doc;
}

function entry(intake: IntakeWire, deleted = false): EntryWire {
  return {
    id: `e-${randomUUID()}`,
    officeId: intake.officeId,
    intakeId: intake.id,
    kind: 'note',
    at: now - DAY,
    createdBy: intake.createdBy,
    createdAt: now - DAY,
    updatedAt: now - DAY,
    text: `${SECRET} hat angerufen.`,
    _deleted: deleted,
  };
}

const ids = {} as Record<'old' | 'heldBack' | 'abandoned' | 'freshDraft' | 'recent' | 'stormarn', IntakeWire>;
const entries: EntryWire[] = [];
let deletedDraft: IntakeWire;

async function pushAll(who: LoginResponse, collection: string, docs: unknown[]) {
  const res = await push(
    server.url,
    who.token,
    collection,
    docs.map((d) => ({ newDocumentState: d as never })),
  );
  expect(res, collection).toEqual({ conflicts: [], rejected: [] });
}

async function row(collection: string, id: string) {
  const rows = await pgdb.query<{ data: Record<string, unknown>; deleted: boolean; writer: string }>(
    'SELECT data, deleted, writer FROM documents WHERE collection = $1 AND id = $2',
    [collection, id],
  );
  return rows[0];
}

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_retention');
  server = await startServer({ databaseUrl: pgdb.url });
  db = openPostgres(pgdb.url);
  seg = await login(server.url, 'bereitschaft.segeberg');
  sto = await login(server.url, 'bereitschaft.stormarn');

  ids.old = closed('segeberg', now - 4 * YEAR); // due, statistics of its year exported
  ids.heldBack = closed('segeberg', now - 5 * YEAR - 40 * DAY); // due, statistics of its year not exported
  ids.recent = closed('segeberg', now - YEAR); // not due
  ids.abandoned = makeIntake('segeberg', { updatedAt: now - 100 * DAY, situation: `${SECRET} im Entwurf.` });
  ids.freshDraft = makeIntake('segeberg', { updatedAt: now - 10 * DAY });
  ids.stormarn = closed('stormarn', now - 4 * YEAR); // Stormarn keeps closed measures for 5 years
  expect(berlinYear(ids.old.end!.endedAt!)).not.toBe(berlinYear(ids.heldBack.end!.endedAt!));
  await pushAll(seg, 'intakes', [ids.old, ids.heldBack, ids.recent, ids.abandoned, ids.freshDraft]);
  await pushAll(sto, 'intakes', [ids.stormarn]);
  entries.push(entry(ids.old), entry(ids.old), entry(ids.abandoned), entry(ids.recent));
  await pushAll(seg, 'entries', entries);
  // A draft the worker deleted: the server still holds its last content until the purge strips it.
  deletedDraft = makeIntake('segeberg', { situation: `${SECRET}: verworfen.` });
  await pushAll(seg, 'intakes', [deletedDraft]);
  const deletion = await push(server.url, seg.token, 'intakes', [
    { assumedMasterState: deletedDraft, newDocumentState: { ...deletedDraft, _deleted: true, updatedAt: now + 1 } },
  ]);
  expect(deletion).toEqual({ conflicts: [], rejected: [] });

  // The federal statistics of the year the old measure ended, as the statistics page records its export.
  await audit(db, {
    action: 'case.export',
    actorId: seg.user.id,
    officeId: 'segeberg',
    details: { kind: 'statistics', year: berlinYear(ids.old.end!.endedAt!) },
  });
  await audit(db, {
    action: 'case.export',
    actorId: sto.user.id,
    officeId: 'stormarn',
    details: { kind: 'statistics', year: berlinYear(ids.stormarn.end!.endedAt!) },
  });
}, 120_000);

afterAll(async () => {
  await db?.close();
  await server?.stop();
  await pgdb?.drop();
});

const config = parseRetentionConfig({ offices: { stormarn: { closedMeasureYears: 5 } } });

describe('the purge', () => {
  it('dry run: lists per office what would go and what is held back, deletes nothing, and is audited', async () => {
    const before = await pgdb.query('SELECT collection, id, data FROM documents ORDER BY 1, 2');
    const plans = await dryRun(db, config, now);
    const segeberg = plans.find((p) => p.officeId === 'segeberg')!;
    expect(segeberg.purge.map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [ids.old.id, 'closed_measure'],
        [ids.abandoned.id, 'abandoned_draft'],
      ].sort(),
    );
    expect(segeberg.held).toEqual([{ id: ids.heldBack.id, statisticsYear: berlinYear(ids.heldBack.end!.endedAt!) }]);
    expect(segeberg.entries).toBe(3); // two of the old record, one of the draft
    expect(segeberg.unstripped).toBe(1);
    expect(plans.find((p) => p.officeId === 'stormarn')!.purge).toEqual([]);
    expect(plans.find((p) => p.officeId === 'stormarn')!.policy.closedMeasureYears).toBe(5);
    expect(segeberg.policy).toEqual(DEFAULT_RETENTION);
    const text = describePlan(plans).join('\n');
    expect(text).toContain('Probelauf');
    expect(text).toContain(ids.old.id);
    expect(text).toContain(`zurückgehalten: ${ids.heldBack.id} (Bundesstatistik`);
    expect(text).not.toContain(SECRET);

    expect(await pgdb.query('SELECT collection, id, data FROM documents ORDER BY 1, 2')).toEqual(before);
    const rows = await pgdb.query<{ office_id: string; details: Record<string, unknown> }>(
      `SELECT office_id, details FROM audit_log WHERE action = 'retention.dry_run' ORDER BY office_id`,
    );
    expect(rows.find((r) => r.office_id === 'segeberg')!.details).toMatchObject({
      closedMeasures: 1,
      abandonedDrafts: 1,
      heldForStatistics: 1,
      entries: 3,
    });
  });

  it('run: the content of what is due is gone at SQL level, the rest untouched, the laptops learn of it', async () => {
    const { checkpoint } = await pullAll(server.url, seg.token, 'intakes');
    await runPurge(db, config, now);

    for (const doc of [ids.old, ids.abandoned]) {
      const r = await row('intakes', doc.id);
      expect(r.deleted).toBe(true);
      expect(r.writer).toBe('obhut-server');
      expect(JSON.stringify(r.data)).not.toContain(SECRET);
      expect(r.data).not.toHaveProperty('end');
      expect(r.data).toMatchObject({ id: doc.id, officeId: 'segeberg', situation: '', _deleted: true });
    }
    for (const e of entries.filter((x) => x.intakeId === ids.old.id || x.intakeId === ids.abandoned.id)) {
      const r = await row('entries', e.id);
      expect(r).toMatchObject({ deleted: true, data: { text: '', _deleted: true } });
    }
    // The draft the worker deleted: its content is gone too.
    expect(await row('intakes', deletedDraft.id)).toMatchObject({ deleted: true, data: { situation: '' } });
    // Nothing of the secret is left in any stored document but those kept on purpose.
    const leftovers = await pgdb.query<{ id: string }>(
      `SELECT id FROM documents WHERE data::text LIKE '%' || $1 || '%' ORDER BY id`,
      [SECRET],
    );
    const kept = [
      ids.heldBack.id,
      ids.recent.id,
      ids.stormarn.id,
      ...entries.filter((e) => e.intakeId === ids.recent.id).map((e) => e.id),
    ];
    expect(leftovers.map((r) => r.id).sort()).toEqual(kept.sort());
    for (const doc of [ids.heldBack, ids.recent, ids.freshDraft, ids.stormarn]) {
      expect((await row('intakes', doc.id)).deleted, doc.id).toBe(false);
    }

    // The laptops pull the tombstones and drop their copies.
    const { documents } = await pullAll<IntakeWire>(server.url, seg.token, 'intakes', { checkpoint });
    expect(
      documents
        .filter((d) => d._deleted)
        .map((d) => d.id)
        .sort(),
    ).toEqual([ids.old.id, ids.abandoned.id].sort());

    // The audit trail: ids and the fact, never content.
    const trail = await pgdb.query<{ action: string; target: string | null; office_id: string; details: unknown }>(
      `SELECT action, target, office_id, details FROM audit_log WHERE action IN ('case.purged', 'retention.run') ORDER BY id`,
    );
    expect(
      trail
        .filter((r) => r.action === 'case.purged')
        .map((r) => r.target)
        .sort(),
    ).toEqual([ids.old.id, ids.abandoned.id].sort());
    expect(trail.find((r) => r.action === 'retention.run' && r.office_id === 'segeberg')!.details).toMatchObject({
      closedMeasures: 1,
      abandonedDrafts: 1,
      entries: 3,
      stripped: 1,
    });
    expect(JSON.stringify(await pgdb.query('SELECT * FROM audit_log'))).not.toContain(SECRET);
  });

  it('a second run finds nothing more; tombstones go once every laptop had the time to see them', async () => {
    const again = await runPurge(db, config, now);
    expect(again.every((r) => r.intakes.length === 0 && r.entries === 0 && r.stripped === 0)).toBe(true);
    const tombstones = async () => (await pgdb.query('SELECT id FROM documents WHERE deleted')).length;
    expect(await tombstones()).toBe(2 + 3 + 1);
    // Half a year on (drafts kept longer this time, so only the tombstones are due).
    const patient = parseRetentionConfig({
      default: { draftDays: 3650 },
      offices: { stormarn: { closedMeasureYears: 5 } },
    });
    const later = await runPurge(db, patient, now + (DEFAULT_RETENTION.tombstoneDays + 1) * DAY);
    expect(later.find((r) => r.officeId === 'segeberg')!.removedTombstones).toBe(6);
    expect(await tombstones()).toBe(0);
    expect(await row('intakes', ids.old.id)).toBeUndefined();
    // Records not yet due stay, whatever the clock says about tombstones.
    expect((await row('intakes', ids.freshDraft.id)).deleted).toBe(false);
  });

  it('refuses a retention file with unknown offices, keys or values outside the limits', () => {
    expect(() => parseRetentionConfig({ offices: { hamburg: {} } })).toThrow('unbekanntes Jugendamt');
    expect(() => parseRetentionConfig({ default: { draftDays: 1 } })).toThrow('default.draftDays');
    expect(() => parseRetentionConfig({ default: { keepForever: true } })).toThrow('unbekannter Eintrag');
    expect(parseRetentionConfig({}).default).toEqual(DEFAULT_RETENTION);
  });
});
