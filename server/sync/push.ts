import { jsonEqual } from '../../shared/equal';
import { errors } from '../../shared/i18n/de/errors';
import { stampConflicts, type StoredOrigin, type WriteOrigin } from '../../shared/rules/conflicts';
import type {
  CollectionName,
  PushResponse,
  PushRow,
  Rejection,
  SessionUser,
  WireDocument,
} from '../../shared/sync/protocol';
import type { Db, Queryable } from '../db/db';
import { canRead, type CollectionDef, type DerivedWrites, presentTo } from './collections';

export const CHANGES_CHANNEL = 'obhut_changes';
export type ChangeNotice = { c: string; seq: number };

export type Decision =
  | { kind: 'write'; doc: WireDocument }
  | { kind: 'noop' }
  | { kind: 'conflict'; doc: WireDocument }
  | { kind: 'reject'; rejection: Rejection };

const reject = (id: string, code: Rejection['code'], message: string = errors[code]): Decision => ({
  kind: 'reject',
  rejection: { id, code, message },
});

/** Who writes a row and who wrote the state it replaces: the server's knowledge, not the pushed document's. */
export type RowOrigins = { writer: WriteOrigin; stored: StoredOrigin | null };

/**
 * What to do with one pushed row, given the stored state (undefined = none). Pure: the transaction in `push`
 * supplies `stored` under the feed lock. Order matters: a caller learns nothing about a document it may not read.
 */
export function decideRow(
  def: CollectionDef,
  user: SessionUser,
  row: PushRow,
  stored: WireDocument | undefined,
  origins?: RowOrigins,
): Decision {
  const sent = row.newDocumentState;
  const invalid = def.validate(sent);
  if (invalid) return reject(sent.id, invalid.code, invalid.message);
  // Stamped before anything compares: a row sent again equals what was stored, a forged author never survives.
  const next = origins ? stampConflicts(sent, stored, origins.writer, origins.stored) : sent;
  if (row.assumedMasterState !== undefined && row.assumedMasterState.id !== next.id) {
    return reject(next.id, 'id_mismatch');
  }
  const denied = def.checkWrite(user, next, stored);
  if (denied) return reject(next.id, denied);
  if (stored && !canRead(def.readScope(user), stored)) return reject(next.id, 'forbidden');
  // Idempotent: the same row sent twice (e.g. the answer was lost) is simply accepted again.
  if (stored && jsonEqual(stored, next)) return { kind: 'noop' };
  // Like RxDB's own servers: with nothing stored there is nothing to conflict with, whatever the client assumed.
  if (stored && !jsonEqual(stored, row.assumedMasterState)) return { kind: 'conflict', doc: stored };
  const step = def.checkStep?.(user, next, stored);
  if (step) return reject(next.id, step);
  const bad = def.checkChange(next, stored);
  if (bad) return reject(next.id, bad.code, bad.message);
  return { kind: 'write', doc: next };
}

export type Writer = { userId: string; deviceId: string | null };

/**
 * Applies pushed rows in one transaction.
 *
 * Why the feed row is locked first: a change feed read as "rows with seq > checkpoint" is only correct if no row
 * with a smaller seq can become visible after a reader has seen a larger one. With a plain sequence, transaction
 * A could take seq 5, transaction B seq 6, B commits, a reader sees 6 and moves its checkpoint past 5, then A
 * commits: row 5 is skipped forever. Taking `SELECT ... FOR UPDATE` on the collection's counter row serialises
 * writers of a collection across all server instances: the next writer gets its seqs only after the previous one
 * committed (PostgreSQL makes a commit visible before it releases row locks), so seq order equals commit order.
 * The same lock makes the read of stored states and the compare-and-write atomic per collection.
 */
export async function push(
  db: Db,
  def: CollectionDef,
  user: SessionUser,
  rows: PushRow[],
  writer: Writer,
  /** Told the feed positions once the transaction committed (this instance's streams need not wait for NOTIFY). */
  onCommitted?: (notices: ChangeNotice[]) => void,
): Promise<PushResponse> {
  const conflicts: WireDocument[] = [];
  const rejected: Rejection[] = [];
  if (rows.length === 0) return { conflicts, rejected };

  const notices: (ChangeNotice | null)[] = [];
  await db.transaction(async (tx) => {
    await lockFeed(tx, def.name);
    const ids = [...new Set(rows.map((r) => r.newDocumentState.id))];
    const { rows: storedRows } = await tx.query<StoredRow>(
      `SELECT doc.id, doc.data, doc.device_id, dev.name AS device_name
         FROM documents doc LEFT JOIN devices dev ON dev.id = doc.device_id
        WHERE doc.collection = $1 AND doc.id = ANY($2::text[])`,
      [def.name, ids],
    );
    const before: ReadonlyMap<string, WireDocument> = new Map(storedRows.map((r) => [r.id, r.data]));
    // Rows of one push are applied in order: a later row for the same id sees the earlier one as stored.
    const current = new Map(before);
    const origins = new Map(storedRows.map((r) => [r.id, storedOrigin(r.data, r.device_id, r.device_name)]));
    const origin: WriteOrigin = { by: writer.userId, deviceId: writer.deviceId, deviceName: null };
    if (writer.deviceId !== null && rows.some((r) => hasConflicts(r.newDocumentState))) {
      origin.deviceName = await deviceName(tx, writer.deviceId);
    }
    const writes = new Map<string, WireDocument>();
    for (const row of rows) {
      const id = row.newDocumentState.id;
      const decision = decideRow(def, user, row, current.get(id), { writer: origin, stored: origins.get(id) ?? null });
      if (decision.kind === 'conflict') conflicts.push(decision.doc);
      else if (decision.kind === 'reject') rejected.push(decision.rejection);
      else if (decision.kind === 'write') {
        current.set(decision.doc.id, decision.doc);
        origins.set(decision.doc.id, storedOrigin(decision.doc, origin.deviceId, origin.deviceName));
        writes.delete(decision.doc.id); // re-insert so the last write of an id gets the later position
        writes.set(decision.doc.id, decision.doc);
      }
    }
    if (writes.size === 0) return;

    let derived: DerivedWrites[] = [];
    if (def.settle) {
      const settled = await def.settle([...writes.values()], before, {
        tx,
        user,
        now: Date.now(),
        lockFeed: (collection) => lockFeed(tx, collection).then(() => undefined),
      });
      for (const r of settled.rejected) {
        writes.delete(r.id);
        rejected.push(r);
      }
      for (const doc of settled.adjusted) if (writes.has(doc.id)) writes.set(doc.id, doc);
      derived = settled.derived;
    }
    notices.push(await storeDocuments(tx, def.name, [...writes.values()], writer));
    for (const d of derived) notices.push(await storeDocuments(tx, d.collection, d.docs, SERVER_WRITER));
  });
  const stored = notices.filter((n): n is ChangeNotice => n !== null);
  if (stored.length > 0) onCommitted?.(stored);
  // A conflict answer shows the stored document as a pull would.
  return { conflicts: await presentTo(def, db, user, conflicts), rejected };
}

type StoredRow = { id: string; data: WireDocument; device_id: string | null; device_name: string | null };

/** The stored state's last writer as the document names it (checked at its push) and the device it came from. */
function storedOrigin(doc: WireDocument, deviceId: string | null, name: string | null): StoredOrigin | null {
  const { updatedBy } = doc as WireDocument & { updatedBy?: unknown };
  return typeof updatedBy === 'string' ? { by: updatedBy, at: doc.updatedAt, deviceId, deviceName: name } : null;
}

function hasConflicts(doc: WireDocument): boolean {
  const { conflicts } = doc as WireDocument & { conflicts?: unknown };
  return Array.isArray(conflicts) && conflicts.length > 0;
}

async function deviceName(tx: Queryable, id: string): Promise<string | null> {
  const { rows } = await tx.query<{ name: string }>('SELECT name FROM devices WHERE id = $1', [id]);
  return rows[0]?.name ?? null;
}

/** Who the server's own writes (derived flags, lapsed holds) are recorded as in the documents table. */
export const SERVER_WRITER: Writer = { userId: 'obhut-server', deviceId: null };

/**
 * The server's own writes outside a push (e.g. the sweep of lapsed holds): computed and stored in one transaction
 * under the collection's feed lock, so they never race a push. Returns how many documents were written.
 */
export async function writeAsServer(
  db: Db,
  collection: CollectionName,
  compute: (tx: Queryable) => Promise<WireDocument[]>,
): Promise<number> {
  return db.transaction(async (tx) => {
    await lockFeed(tx, collection);
    const docs = await compute(tx);
    await storeDocuments(tx, collection, docs, SERVER_WRITER);
    return docs.length;
  });
}

/**
 * Stores documents of one collection at the next feed positions and tells every instance once committed. Locks
 * the collection's feed first (again, if the transaction already holds it: that is free).
 */
async function storeDocuments(
  tx: Queryable,
  collection: string,
  docs: WireDocument[],
  writer: Writer,
): Promise<ChangeNotice | null> {
  if (docs.length === 0) return null;
  let seq = await lockFeed(tx, collection);
  const records = docs.map((doc) => ({
    id: doc.id,
    office_id: doc.officeId,
    data: doc,
    deleted: doc._deleted,
    seq: ++seq,
  }));
  await tx.query(
    `INSERT INTO documents (collection, id, office_id, data, deleted, seq, writer, device_id)
     SELECT $1, r.id, r.office_id, r.data, r.deleted, r.seq, $2, $3
       FROM jsonb_to_recordset($4::jsonb) AS r(id text, office_id text, data jsonb, deleted boolean, seq bigint)
     ON CONFLICT (collection, id) DO UPDATE SET
       office_id = EXCLUDED.office_id, data = EXCLUDED.data, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq,
       writer = EXCLUDED.writer, device_id = EXCLUDED.device_id, received_at = now()`,
    [collection, writer.userId, writer.deviceId, JSON.stringify(records)],
  );
  await tx.query('UPDATE feeds SET seq = $2 WHERE collection = $1', [collection, seq]);
  // Delivered to every LISTENing instance only when (and if) this transaction commits.
  const notice: ChangeNotice = { c: collection, seq };
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)]);
  return notice;
}

/** Locks the collection's feed counter row until commit and returns the last position handed out. */
async function lockFeed(tx: Queryable, collection: string): Promise<number> {
  const { rows } = await tx.query<{ seq: string | number }>('SELECT seq FROM feeds WHERE collection = $1 FOR UPDATE', [
    collection,
  ]);
  if (!rows[0]) throw new Error(`feed row missing for ${collection}`);
  return Number(rows[0].seq);
}

/** Creates the feed counter rows of all registered collections (idempotent). */
export async function ensureFeeds(db: Db, names: readonly string[]): Promise<void> {
  await db.query('INSERT INTO feeds (collection) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [names]);
}
