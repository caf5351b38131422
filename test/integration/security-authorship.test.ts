import { randomUUID } from 'node:crypto';

import type { ErrorCode } from '../../shared/i18n/de/errors';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import type { LoginResponse, PushResponse } from '../../shared/sync/protocol';
import { login, makeIntake, pullAll, push } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';

/**
 * Issue 11, Show 1 for findings 2, 3 and 5, against a server child process on PostgreSQL with plain HTTP: each test
 * makes the attack the review reproduced on the old server, and asserts that it is refused with its code and that
 * nothing stored changed. The rules are the rule book's (shared/rules/intake.ts, entries.ts).
 */
let pgdb: TestDatabase;
let server: RunningServer;
let worker: LoginResponse;
let boss: LoginResponse;
let otherBoss: LoginResponse;
let stranger: LoginResponse;
let receiver: LoginResponse;

beforeAll(async () => {
  pgdb = await createTestDatabase('obhut_authorship');
  server = await startServer({ databaseUrl: pgdb.url });
  worker = await login(server.url, 'bereitschaft.segeberg');
  boss = await login(server.url, 'leitung.segeberg');
  stranger = await login(server.url, 'bereitschaft.stormarn');
  receiver = await login(server.url, 'bereitschaft.pinneberg');
  // Someone else, where only the name matters.
  otherBoss = await login(server.url, 'leitung.pinneberg');
});
afterAll(async () => {
  await server?.stop();
  await pgdb?.drop();
});

const storedRow = async (collection: string, id: string) =>
  (
    await pgdb.query<{ data: IntakeWire; deleted: boolean }>(
      `SELECT data, deleted FROM documents WHERE collection = $1 AND id = $2`,
      [collection, id],
    )
  )[0];
const stored = async (id: string) => (await storedRow('intakes', id))?.data;

/** Pushes `next` over what the server has, as a client in sync would. */
const change = async (who: LoginResponse, next: IntakeWire): Promise<PushResponse> =>
  push(server.url, who.token, 'intakes', [{ assumedMasterState: await stored(next.id), newDocumentState: next }]);
const create = (who: LoginResponse, doc: IntakeWire) =>
  push(server.url, who.token, 'intakes', [{ newDocumentState: doc }]);
const codes = (res: PushResponse): ErrorCode[] => res.rejected.map((r) => r.code);

/** A record of `who`'s office, written by `who`, as the app makes one. */
const recordBy = (who: LoginResponse, overrides: Partial<IntakeWire> = {}) =>
  makeIntake(who.user.officeId, { createdBy: who.user.id, updatedBy: who.user.id, ...overrides });

/** The worker's record, submitted and on the server. */
async function submittedRecord(): Promise<IntakeWire> {
  const doc = recordBy(worker, { status: 'submitted' });
  expect((await create(worker, doc)).rejected).toEqual([]);
  return doc;
}

/** The step as the supervisor's app writes it: the new review, stamped with the supervisor and a later time. */
const byBoss = (doc: IntakeWire, review: IntakeWire['review'], who = boss): IntakeWire => ({
  ...doc,
  updatedAt: doc.updatedAt + 1,
  updatedBy: who.user.id,
  review,
});
const countersignedBy = (doc: IntakeWire, who = boss) =>
  byBoss(doc, { state: 'countersigned', countersignedBy: who.user.id, countersignedAt: doc.updatedAt + 1 }, who);

describe('finding 2: the server stamps who wrote and who signed', () => {
  it('refuses a record a supervisor creates in the on-call worker’s name, so she cannot countersign it', async () => {
    const forged = recordBy(boss, { status: 'submitted', createdBy: worker.user.id });
    expect(codes(await create(boss, forged))).toEqual(['author_mismatch']);
    expect(await stored(forged.id)).toBeUndefined();
    // With her own name it is stored, and then the Vier-Augen-Prinzip keeps her from signing it.
    const own = { ...forged, createdBy: boss.user.id };
    expect((await create(boss, own)).rejected).toEqual([]);
    expect(codes(await change(boss, countersignedBy(own)))).toEqual(['four_eyes']);
    expect(await stored(own.id)).toEqual(own);
  });

  it('refuses a record that arrives already countersigned, returned or handed over', async () => {
    const t = Date.now();
    const reviews: IntakeWire['review'][] = [
      { state: 'countersigned', countersignedBy: boss.user.id, countersignedAt: t },
      { state: 'returned', returnedBy: boss.user.id, returnedAt: t, returnComment: 'Bitte ergänzen.' },
      { state: 'in_review' },
      { state: 'new', countersignedBy: boss.user.id, countersignedAt: t },
    ];
    for (const review of reviews) {
      const doc = recordBy(worker, { status: 'submitted', review });
      expect(codes(await create(worker, doc)), review?.state).toEqual(['review_at_creation']);
      // Also when the supervisor sends it: nobody creates a record past its review.
      const theirs = recordBy(boss, { status: 'submitted', review });
      expect(codes(await create(boss, theirs)), review?.state).toEqual(['review_at_creation']);
      expect(await stored(doc.id)).toBeUndefined();
    }
  });

  it('refuses a countersignature that rewrites the record in the same push', async () => {
    const doc = await submittedRecord();
    const rewritten: IntakeWire = {
      ...countersignedBy(doc),
      decision: { ...doc.decision, reasons: 'Nachträglich umformulierte Begründung.' },
    };
    expect(codes(await change(boss, rewritten))).toEqual(['countersign_with_changes']);
    expect(await stored(doc.id)).toEqual(doc);
    // The signature alone is accepted.
    expect((await change(boss, countersignedBy(doc))).rejected).toEqual([]);
  });

  it('refuses writes that name someone else as author, writer or signer, bidi-disguised names included', async () => {
    expect(codes(await create(worker, recordBy(worker, { createdBy: boss.user.id })))).toEqual(['author_mismatch']);
    expect(codes(await create(worker, recordBy(worker, { updatedBy: boss.user.id })))).toEqual(['author_mismatch']);
    const disguised = `\u202e${worker.user.id}`;
    expect(codes(await create(worker, recordBy(worker, { createdBy: disguised })))).toEqual(['author_mismatch']);
    const bidiChild = recordBy(worker, { child: { firstName: '\u202eMax', lastName: 'Muster', estimatedAge: 9 } });
    expect(codes(await create(worker, bidiChild))).toEqual(['unsafe_characters']);

    const doc = await submittedRecord();
    // The worker's edit stamped with the colleague's name, and an author changed later.
    expect(codes(await change(worker, { ...doc, situation: 'x', updatedBy: boss.user.id }))).toEqual([
      'author_mismatch',
    ]);
    expect(codes(await change(worker, { ...doc, updatedAt: doc.updatedAt + 1, createdBy: boss.user.id }))).toEqual([
      'field_not_writable',
    ]);
    // A countersignature in another supervisor's name.
    const signedForOther = {
      ...countersignedBy(doc),
      review: { state: 'countersigned' as const, countersignedBy: otherBoss.user.id, countersignedAt: Date.now() },
    };
    expect(codes(await change(boss, signedForOther))).toEqual(['author_mismatch']);
    expect(await stored(doc.id)).toEqual(doc);
  });
});

describe('finding 3: deleting is a step with its own rule', () => {
  it('never deletes a countersigned, handed-over or closed record', async () => {
    const doc = await submittedRecord();
    const signed = countersignedBy(doc);
    expect((await change(boss, signed)).rejected).toEqual([]);
    for (const who of [boss, worker]) {
      const tombstone = { ...signed, updatedAt: signed.updatedAt + 1, updatedBy: who.user.id, _deleted: true };
      expect(codes(await change(who, tombstone))).toEqual(['record_not_deletable']);
    }
    const closed = byBoss(
      { ...signed, end: { endedAt: signed.updatedAt, reason: 'return_to_custodians' } },
      { ...signed.review!, state: 'closed' },
    );
    // The end of the measure is a late fact; closing needs it (two writes: the fact, then the step).
    const ended = { ...closed, review: signed.review };
    expect((await change(boss, ended)).rejected).toEqual([]);
    expect((await change(boss, { ...closed, updatedAt: closed.updatedAt + 1 })).rejected).toEqual([]);
    const closedStored = await stored(doc.id);
    expect(closedStored?.review?.state).toBe('closed');
    const gone = { ...closedStored, updatedAt: closedStored.updatedAt + 1, _deleted: true };
    expect(codes(await change(boss, gone))).toEqual(['record_not_deletable']);
    expect((await storedRow('intakes', doc.id)).deleted).toBe(false);
    // Still there for the office.
    const pulled = await pullAll<IntakeWire>(server.url, worker.token, 'intakes');
    expect(pulled.documents.find((d) => d.id === doc.id)?._deleted).toBe(false);
  });

  it('does not bring back a countersigned record that was deleted before this rule', async () => {
    const doc = await submittedRecord();
    const signed = countersignedBy(doc);
    expect((await change(boss, signed)).rejected).toEqual([]);
    // What the old server accepted: the tombstone of a countersigned record.
    const tombstone = { ...signed, _deleted: true };
    await pgdb.query(`UPDATE documents SET data = $2, deleted = true WHERE collection = 'intakes' AND id = $1`, [
      doc.id,
      JSON.stringify(tombstone),
    ]);
    const undeleted = { ...tombstone, updatedAt: tombstone.updatedAt + 1, _deleted: false };
    expect(codes(await change(boss, undeleted))).toEqual(['record_not_deletable']);
    expect(await stored(doc.id)).toEqual(tombstone);
  });

  it('lets on-call staff delete only their own draft that was never submitted; supervisors any unsigned record', async () => {
    const tomb = (doc: IntakeWire, who: LoginResponse): IntakeWire => ({
      ...doc,
      updatedAt: doc.updatedAt + 1,
      updatedBy: who.user.id,
      _deleted: true,
    });
    const submitted = await submittedRecord();
    expect(codes(await change(worker, tomb(submitted, worker)))).toEqual(['delete_not_allowed']);
    const theirDraft = recordBy(boss);
    expect((await create(boss, theirDraft)).rejected).toEqual([]);
    expect(codes(await change(worker, tomb(theirDraft, worker)))).toEqual(['delete_not_allowed']);
    expect(await stored(theirDraft.id)).toEqual(theirDraft);

    const ownDraft = recordBy(worker);
    expect((await create(worker, ownDraft)).rejected).toEqual([]);
    expect((await change(worker, tomb(ownDraft, worker))).rejected).toEqual([]);
    expect((await storedRow('intakes', ownDraft.id)).deleted).toBe(true);
    // A draft made and deleted offline arrives as a tombstone: the same rule.
    expect((await create(worker, { ...recordBy(worker), _deleted: true })).rejected).toEqual([]);

    expect((await change(boss, tomb(submitted, boss))).rejected).toEqual([]);
    expect((await storedRow('intakes', submitted.id)).deleted).toBe(true);
  });
});

describe('finding 5: log lines only for records of the own office', () => {
  const line = (who: LoginResponse, intakeId: string, text: string): EntryWire => {
    const now = Date.now();
    return {
      id: `e-${randomUUID()}`,
      officeId: who.user.officeId as EntryWire['officeId'],
      intakeId,
      kind: 'note',
      at: now,
      createdBy: who.user.id,
      createdAt: now,
      updatedAt: now,
      text,
      _deleted: false,
    };
  };

  it('refuses a line another office writes into a record, and keeps such lines out of a handover', async () => {
    const doc = await submittedRecord();
    const forged = line(stranger, doc.id, 'Eingeschleuster Eintrag aus Stormarn.');
    const res = await push(server.url, stranger.token, 'entries', [{ newDocumentState: forged }]);
    expect(codes(res)).toEqual(['other_office']);
    expect(await storedRow('entries', forged.id)).toBeUndefined();

    // A line that named the record before it reached the server (the old server's flaw, or a line pushed first)
    // stays with its own office: it does not travel with the record at its handover.
    const early = recordBy(worker, { status: 'submitted' });
    const before = line(stranger, early.id, 'Vorab geschriebener fremder Eintrag.');
    expect((await push(server.url, stranger.token, 'entries', [{ newDocumentState: before }])).rejected).toEqual([]);
    const own = line(worker, early.id, 'Eigener Eintrag der Bereitschaft.');
    expect((await create(worker, early)).rejected).toEqual([]);
    expect((await push(server.url, worker.token, 'entries', [{ newDocumentState: own }])).rejected).toEqual([]);

    const signed = countersignedBy(early);
    expect((await change(boss, signed)).rejected).toEqual([]);
    const t = Date.now();
    const handed = byBoss(signed, {
      ...signed.review!,
      state: 'handed_over',
      handedOverTo: 'pinneberg',
      handedOverBy: boss.user.id,
      handedOverAt: t,
    });
    expect((await change(boss, handed)).rejected).toEqual([]);
    const log = (await pullAll<EntryWire>(server.url, receiver.token, 'entries')).documents.filter(
      (e) => e.intakeId === early.id,
    );
    expect(log.map((e) => e.text)).toContain(own.text);
    expect(log.map((e) => e.id)).not.toContain(before.id);

    // The receiving office logs what happens next; a third office still may not.
    const next = line(receiver, early.id, 'Fall in Pinneberg übernommen.');
    expect((await push(server.url, receiver.token, 'entries', [{ newDocumentState: next }])).rejected).toEqual([]);
    const third = line(stranger, early.id, 'Noch ein fremder Eintrag.');
    expect(codes(await push(server.url, stranger.token, 'entries', [{ newDocumentState: third }]))).toEqual([
      'other_office',
    ]);
  });
});
