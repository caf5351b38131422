import type { IntakeWire } from '../../shared/schema/intake';
import type { SessionUser } from '../../shared/sync/protocol';
import { makeIntake } from '../../test/support/api';
import { openMigratedPglite } from '../../test/support/pglite';
import type { Db } from '../db/db';
import { collectionByName } from './collections';
import { feedHead, readFeed } from './pull';
import { decideRow, push } from './push';

const intakes = collectionByName('intakes')!;
const worker: SessionUser = {
  id: 'bereitschaft.segeberg',
  username: 'w1',
  displayName: 'W',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const stranger: SessionUser = {
  id: 'bereitschaft.stormarn',
  username: 'w2',
  displayName: 'S',
  officeId: 'stormarn',
  roles: ['oncall'],
};
const coordinator: SessionUser = { ...worker, id: 'k', roles: ['coordinator'] };
const writer = { userId: 'w1', deviceId: null };

describe('decideRow: conflict detection', () => {
  const stored = makeIntake('segeberg');
  const edited: IntakeWire = { ...stored, situation: 'geändert', updatedAt: stored.updatedAt + 1 };

  it('writes a new document when nothing is stored, whatever the client assumed', () => {
    expect(decideRow(intakes, worker, { newDocumentState: stored }, undefined)).toEqual({ kind: 'write', doc: stored });
    expect(decideRow(intakes, worker, { assumedMasterState: edited, newDocumentState: stored }, undefined).kind).toBe(
      'write',
    );
  });

  it('writes when the assumed state equals the stored one, key order aside', () => {
    const reordered = Object.fromEntries(Object.entries(stored).reverse()) as IntakeWire;
    expect(decideRow(intakes, worker, { assumedMasterState: reordered, newDocumentState: edited }, stored)).toEqual({
      kind: 'write',
      doc: edited,
    });
  });

  it('returns the stored state as a conflict when the client assumed another or none', () => {
    const stale = { ...stored, situation: 'alt' };
    expect(decideRow(intakes, worker, { assumedMasterState: stale, newDocumentState: edited }, stored)).toEqual({
      kind: 'conflict',
      doc: stored,
    });
    expect(decideRow(intakes, worker, { newDocumentState: edited }, stored)).toEqual({ kind: 'conflict', doc: stored });
  });

  it('is a no-op when the stored state already is the new one (a repeated push)', () => {
    expect(decideRow(intakes, worker, { assumedMasterState: stored, newDocumentState: edited }, edited)).toEqual({
      kind: 'noop',
    });
  });

  it('never leaks a document of another office through a conflict', () => {
    const theirs = makeIntake('stormarn');
    const mine = { ...theirs, officeId: 'segeberg' as const };
    const decision = decideRow(intakes, worker, { newDocumentState: mine }, theirs);
    expect(decision).toMatchObject({ kind: 'reject', rejection: { id: theirs.id, code: 'other_office' } });
    expect(JSON.stringify(decision)).not.toContain(theirs.child.lastName);
  });

  it('rejects writes into another office and by roles without case access', () => {
    expect(decideRow(intakes, stranger, { newDocumentState: stored }, undefined)).toMatchObject({
      kind: 'reject',
      rejection: { code: 'other_office' },
    });
    expect(decideRow(intakes, coordinator, { newDocumentState: stored }, undefined)).toMatchObject({
      kind: 'reject',
      rejection: { code: 'forbidden' },
    });
  });

  it('rejects a mismatched assumed id, a forbidden transition and an incomplete submit', () => {
    expect(
      decideRow(intakes, worker, { assumedMasterState: { ...stored, id: 'x' }, newDocumentState: edited }, stored),
    ).toMatchObject({ kind: 'reject', rejection: { code: 'id_mismatch' } });
    const submitted = { ...stored, status: 'submitted' as const };
    const draftAgain: IntakeWire = { ...submitted, status: 'draft' };
    expect(
      decideRow(intakes, worker, { assumedMasterState: submitted, newDocumentState: draftAgain }, submitted),
    ).toMatchObject({ kind: 'reject', rejection: { code: 'invalid_transition' } });
    const empty = { ...stored, status: 'submitted' as const, situation: '' };
    expect(decideRow(intakes, worker, { newDocumentState: empty }, undefined)).toMatchObject({
      kind: 'reject',
      rejection: { code: 'incomplete_submission' },
    });
  });
});

describe('push and the change feed (PGlite)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openMigratedPglite();
  });
  afterAll(async () => db.close());

  it('assigns feed positions in write order and pages through them with checkpoints', async () => {
    const start = await feedHead(db, 'intakes');
    const docs = Array.from({ length: 5 }, () => makeIntake('segeberg'));
    const other = makeIntake('stormarn');
    expect(
      await push(
        db,
        intakes,
        worker,
        docs.slice(0, 3).map((d) => ({ newDocumentState: d })),
        writer,
      ),
    ).toEqual({
      conflicts: [],
      rejected: [],
    });
    await push(db, intakes, stranger, [{ newDocumentState: other }], { userId: 'w2', deviceId: null });
    await push(
      db,
      intakes,
      worker,
      docs.slice(3).map((d) => ({ newDocumentState: d })),
      writer,
    );
    expect(await feedHead(db, 'intakes')).toBe(start + 6);

    const scope = intakes.readScope(worker);
    const first = await readFeed(db, 'intakes', scope, { seq: start }, 2);
    expect(first.documents.map((d) => d.id)).toEqual([docs[0].id, docs[1].id]);
    const second = await readFeed(db, 'intakes', scope, first.checkpoint, 2);
    expect(second.documents.map((d) => d.id)).toEqual([docs[2].id, docs[3].id]);
    // The other office's write (position start+4) is skipped, not returned.
    expect(second.checkpoint).toEqual({ seq: start + 5 });
    const third = await readFeed(db, 'intakes', scope, second.checkpoint, 2);
    expect(third.documents.map((d) => d.id)).toEqual([docs[4].id]);
    const caughtUp = await readFeed(db, 'intakes', scope, third.checkpoint, 2);
    expect(caughtUp).toEqual({ documents: [], checkpoint: third.checkpoint });
  });

  it('moves an updated document to the end of the feed and returns it once', async () => {
    const doc = makeIntake('segeberg');
    await push(db, intakes, worker, [{ newDocumentState: doc }], writer);
    const before = await feedHead(db, 'intakes');
    const edited = { ...doc, situation: 'neu', updatedAt: doc.updatedAt + 1 };
    await push(db, intakes, worker, [{ assumedMasterState: doc, newDocumentState: edited }], writer);
    const page = await readFeed(db, 'intakes', intakes.readScope(worker), { seq: before - 1 }, 100);
    expect(page.documents).toEqual([edited]);
  });

  it('applies rows of one push in order and stores only the last state of an id', async () => {
    const doc = makeIntake('segeberg');
    const v2 = { ...doc, situation: 'v2' };
    const head = await feedHead(db, 'intakes');
    const res = await push(
      db,
      intakes,
      worker,
      [{ newDocumentState: doc }, { assumedMasterState: doc, newDocumentState: v2 }, { newDocumentState: doc }],
      writer,
    );
    expect(res).toEqual({ conflicts: [v2], rejected: [] });
    expect(await feedHead(db, 'intakes')).toBe(head + 1);
    const { rows } = await db.query<{ data: IntakeWire }>('SELECT data FROM documents WHERE id = $1', [doc.id]);
    expect(rows.map((r) => r.data)).toEqual([v2]);
  });

  it('is idempotent: the same push twice stores nothing new', async () => {
    const rows = [{ newDocumentState: makeIntake('segeberg') }, { newDocumentState: makeIntake('segeberg') }];
    await push(db, intakes, worker, rows, writer);
    const head = await feedHead(db, 'intakes');
    expect(await push(db, intakes, worker, rows, writer)).toEqual({ conflicts: [], rejected: [] });
    expect(await feedHead(db, 'intakes')).toBe(head);
  });

  it('reads nothing for users without case access', async () => {
    const page = await readFeed(db, 'intakes', intakes.readScope(coordinator), null, 100);
    expect(page).toEqual({ documents: [], checkpoint: null });
  });
});
