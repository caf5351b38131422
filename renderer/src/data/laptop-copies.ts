import {
  createRevision,
  getAssumedMasterState,
  getHeightOfRevision,
  getMetaWriteRow,
  now as rxNow,
  type RxDocumentData,
  type WithDeleted,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject } from 'rxjs';

import { jsonEqual } from '../../../shared/equal';
import {
  type LaptopCopy,
  laptopPurgeDue,
  purgedEntry,
  purgedIntake,
  type RemovedCopy,
} from '../../../shared/privacy/laptop-purge';
import type { Entry } from '../../../shared/schema/entry';
import { type Intake, reviewStateOf } from '../../../shared/schema/intake';
import type { Checkpoint } from '../../../shared/sync/protocol';
import type { ObhutDatabase } from './database';
import { ApiError } from './http';
import type { PendingWrites } from './pending';
import type { LocalDocument } from './replication';

type LocalState = { removed: RemovedCopy[]; fetchedAgain: Record<string, number> };
const LOCAL_ID = 'laptop-copies';

export type LaptopCopiesOptions = {
  db: ObhutDatabase;
  intakes: RxReplicationState<Intake, Checkpoint>;
  entries: RxReplicationState<Entry, Checkpoint>;
  pending: PendingWrites;
  /** The record and its log as the server shows them to this user (GET /api/v1/privacy/laptop-copy/:id). */
  fetchCopy: (intakeId: string) => Promise<LaptopCopy>;
  now: () => number;
};

/**
 * This laptop's copies of finished records (shared/privacy/laptop-purge.ts): removes those that are due, keeps the
 * list of what went (no content), and fetches one again from the server when a user opens it. Both directions are
 * written as the replication writes what comes from the server - into the store and into the replication's record
 * of the server state - so nothing of it is ever pushed: the server keeps the record as it is.
 */
export class LaptopCopies {
  readonly removed$ = new BehaviorSubject<RemovedCopy[]>([]);
  private state: LocalState = { removed: [], fetchedAgain: {} };
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: LaptopCopiesOptions) {}

  static async open(options: LaptopCopiesOptions): Promise<LaptopCopies> {
    const copies = new LaptopCopies(options);
    const doc = await options.db.getLocal<LocalState>(LOCAL_ID);
    if (doc) copies.state = doc.toMutableJSON().data;
    copies.removed$.next(copies.state.removed);
    return copies;
  }

  /** Removes the copies that are due after `days` (the machine policy's); returns their ids. */
  purge(days: number): Promise<string[]> {
    return this.serially(async () => {
      const { db, pending, now } = this.options;
      await this.started();
      const at = now();
      const rejected = await db.rejections.find().exec();
      const unconfirmed = new Set([...pending.ids, ...rejected.map((r) => r.id)]);
      const candidates = (await db.intakes.find().exec()).map((d) => d.toMutableJSON());
      const removed: RemovedCopy[] = [];
      for (const intake of candidates) {
        const entries = (await db.entries.find({ selector: { intakeId: intake.id } }).exec()).map((d) =>
          d.toMutableJSON(),
        );
        const due = laptopPurgeDue(intake, {
          now: at,
          days,
          unconfirmed,
          entries,
          fetchedAgainAt: this.state.fetchedAgain[intake.id],
        });
        if (!due) continue;
        // The log first: a record whose log went but not the record itself is purged again next time.
        const logGone = await writeAsServerState(
          this.options.entries,
          entries.map((e) => ({ ...purgedEntry(e), _deleted: true })),
        );
        if (logGone.length !== entries.length) continue;
        const gone = await writeAsServerState(this.options.intakes, [{ ...purgedIntake(intake), _deleted: true }]);
        if (gone.length !== 1) continue;
        const state = reviewStateOf(intake) === 'closed' ? 'closed' : 'handed_over';
        removed.push({ id: intake.id, receivedAt: intake.receivedAt, state, removedAt: at });
      }
      if (removed.length > 0) {
        const ids = new Set(removed.map((r) => r.id));
        const fetchedAgain = Object.fromEntries(Object.entries(this.state.fetchedAgain).filter(([id]) => !ids.has(id)));
        await this.save({ removed: [...this.state.removed.filter((r) => !ids.has(r.id)), ...removed], fetchedAgain });
      }
      return removed.map((r) => r.id);
    });
  }

  /** Fetches a removed record and its log again (online only); it then stays for another purge period. */
  fetchAgain(intakeId: string): Promise<void> {
    return this.serially(async () => {
      await this.started();
      let copy: LaptopCopy;
      try {
        copy = await this.options.fetchCopy(intakeId);
      } catch (err) {
        // Deleted on the server meanwhile (its retention), or no longer readable here: nothing left to fetch.
        if (err instanceof ApiError && err.status === 404) {
          await this.save({ ...this.state, removed: this.state.removed.filter((r) => r.id !== intakeId) });
        }
        throw err;
      }
      await writeAsServerState(this.options.entries, copy.entries);
      const written = await writeAsServerState(this.options.intakes, [copy.intake]);
      if (written.length !== 1) throw new Error('the record changed on this laptop while it was fetched');
      await this.save({
        removed: this.state.removed.filter((r) => r.id !== intakeId),
        fetchedAgain: { ...this.state.fetchedAgain, [intakeId]: this.options.now() },
      });
    });
  }

  private async started(): Promise<void> {
    await Promise.all([this.options.intakes.startPromise, this.options.entries.startPromise]);
  }

  private async save(next: LocalState): Promise<void> {
    await this.options.db.upsertLocal<LocalState>(LOCAL_ID, next);
    this.state = next;
    this.removed$.next(next.removed);
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => {});
    return next;
  }
}

/**
 * Writes documents into the local store as the replication's downstream writes what the server sent: under its
 * write flag (the upstream skips those) and with the replication's assumed server state set to the same document,
 * so the replication sees no local change to push. A document whose local state differs from the server state the
 * replication last saw - a write not yet confirmed - is left alone. Returns the ids written.
 */
async function writeAsServerState<T extends LocalDocument>(
  replication: RxReplicationState<T, Checkpoint>,
  docs: WithDeleted<T>[],
): Promise<string[]> {
  if (docs.length === 0) return [];
  const state = replication.internalReplicationState;
  if (!state) throw new Error('replication not started');
  const ids = docs.map((d) => d.id);
  const flag = await state.downstreamBulkWriteFlag;
  const hash = await state.input.hashFunction(state.input.identifier);
  const current = new Map((await state.input.forkInstance.findDocumentsById(ids, true)).map((d) => [d.id, d]));
  const assumed = await getAssumedMasterState(state, ids);
  const rows = docs.flatMap((doc) => {
    const previous = current.get(doc.id);
    const master = assumed[doc.id]?.docData;
    if (previous && !(master && jsonEqual(withoutMeta(previous), master))) return [];
    const document = {
      ...doc,
      _attachments: {},
      _meta: { ...(previous?._meta ?? {}), lwt: rxNow() },
      _rev: createRevision(hash, previous),
    } as RxDocumentData<T>;
    (document._meta as Record<string, unknown>).o = {
      _rev: previous ? getHeightOfRevision(previous._rev) + 1 : 1,
      hash,
    };
    return [{ previous, document }];
  });
  if (rows.length === 0) return [];
  const result = await state.input.forkInstance.bulkWrite(rows, flag);
  const failed = new Set(result.error.map((e) => e.documentId));
  const written = rows.filter((r) => !failed.has(r.document.id)).map((r) => r.document.id);
  const metaRows = await Promise.all(
    written.map((id) =>
      getMetaWriteRow(
        state,
        docs.find((d) => d.id === id)!,
        assumed[id]?.metaDocument,
      ),
    ),
  );
  if (metaRows.length > 0) await state.input.metaInstance.bulkWrite(metaRows, 'replication-down-write-meta');
  return written;
}

function withoutMeta<T>(doc: RxDocumentData<T>): WithDeleted<T> {
  const { _meta, _rev, _attachments, ...rest } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return rest as WithDeleted<T>;
}
