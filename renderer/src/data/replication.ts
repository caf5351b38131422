import type { RxCollection, RxDocumentData, RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { type Observable, tap } from 'rxjs';

import { jsonEqual } from '../../../shared/equal';
import type {
  Checkpoint,
  CollectionName,
  PushRow,
  Rejection,
  StreamEvent,
  WireDocument,
} from '../../../shared/sync/protocol';
import { PULL_LIMIT_MAX } from '../../../shared/sync/protocol';
import type { SyncApi } from './http';
import type { PendingWrites } from './pending';
import { clearRejections, openRejections, recordRejections, type RejectionDoc } from './rejections';
import type { SyncLog } from './sync-log';

/** A replicated document as stored locally: the wire document without `_deleted` (RxDB keeps that itself). */
export type LocalDocument = Omit<WireDocument, '_deleted'>;

export type ReplicationOptions<T extends LocalDocument> = {
  api: SyncApi;
  name: CollectionName;
  collection: RxCollection<T>;
  rejections: RxCollection<RejectionDoc>;
  pending: PendingWrites;
  stream$: Observable<StreamEvent<WithDeleted<T>>>;
  /** Runs a request; renews the token once on 401 where it can. */
  withAuth: <T>(request: () => Promise<T>) => Promise<T>;
  onSynced: (at: number) => void;
  /** ms before a failed request is retried (RxDB's retryTime; going online skips the wait in a browser). */
  retryTime: number;
  /**
   * A refusal that only says "not yet": the push is retried later (RxDB's retryTime) instead of recording it, e.g. a
   * placement whose record is still on its way (holds: `unknown_intake` while the record is pending here).
   */
  notYet?: (rejection: Rejection, doc: T) => boolean;
  /**
   * Whether the server, on accepting a push, may store another form of it on its own (`expected`: holds' over-booking
   * flag and lapse, shared/placement/settle.ts; every collection's stamped conflict entries, shared/rules/conflicts.ts),
   * and whether `stored` is that form of `pushed` (`is`). An accepted push that expects it is followed by a read of
   * the feed (see `serverSettled`).
   */
  serverForm?: ServerForm<T>;
  pullBatchSize?: number;
  pushBatchSize?: number;
  now?: () => number;
  /** The laptop's sync log (sync-log.ts): counts and refusals, no content. */
  syncLog?: SyncLog;
};

/** Replication of one collection over the HTTP contract (docs/api.md) with RxDB's replication primitives. */
export type ServerForm<T> = {
  expected: (row: RxReplicationWriteToMasterRow<T>) => boolean;
  is: (pushed: WithDeleted<T>, stored: WithDeleted<T>) => boolean;
};

export function replicateCollection<T extends LocalDocument>(
  options: ReplicationOptions<T>,
): RxReplicationState<T, Checkpoint> {
  const { api, name, collection, rejections, pending, withAuth } = options;
  const now = options.now ?? Date.now;
  type Wire = WithDeleted<T> & WireDocument;
  // The last feed position this laptop was told of (pull answers, stream events): a push sent after it is stored
  // after it. Undefined before the first answer: the feed from its start.
  let seen: Checkpoint | undefined;

  return replicateRxCollection<T, Checkpoint>({
    replicationIdentifier: `${name}@${api.serverUrl}`,
    collection,
    live: true,
    retryTime: options.retryTime,
    waitForLeadership: false,
    autoStart: true,
    pull: {
      // Pages of 500 (the contract allows 1,000): each page is one request, one local transaction and one status
      // update, so an initial sync of 10,000 records is 20 round trips rather than 50.
      batchSize: options.pullBatchSize ?? 500,
      stream$: options.stream$.pipe(
        tap((event) => {
          if (event !== 'RESYNC' && event.checkpoint) seen = event.checkpoint;
        }),
      ) as never,
      handler: async (checkpoint, batchSize) => {
        const res = await withAuth(() => api.pull<Wire>(name, checkpoint, batchSize));
        seen = res.checkpoint ?? checkpoint ?? seen;
        options.onSynced(now());
        options.syncLog?.record({ kind: 'received', collection: name, count: res.documents.length });
        return { documents: res.documents, checkpoint: res.checkpoint ?? checkpoint };
      },
    },
    push: {
      batchSize: options.pushBatchSize ?? 100,
      handler: async (rows: RxReplicationWriteToMasterRow<T>[]) => {
        const ids = rows.map((row) => row.newDocumentState.id);
        const marks = pending.snapshot();

        // A refused write did not change the server: base the next push on what the server really has. The row
        // objects are the ones RxDB later hands to the conflict handler, so the merge gets the right ancestor.
        const refused = await openRejections<WithDeleted<T>>(rejections, ids);
        for (const row of rows) {
          const open = refused.get(row.newDocumentState.id);
          if (open) row.assumedMasterState = open.assumedMasterState;
        }

        const before = seen;
        const res = await withAuth(() => api.push<Wire>(name, rows as PushRow<Wire>[]));
        options.onSynced(now());
        const docOf = (id: string) => rows.find((row) => row.newDocumentState.id === id)?.newDocumentState as T;
        // Rows the server stored meanwhile come back as unchanged (idempotent) when the whole batch is sent again.
        if (options.notYet && res.rejected.some((r) => options.notYet!(r, docOf(r.id)))) throw new NotYetError();

        const conflictIds = new Set(res.conflicts.map((doc) => doc.id));
        const rejectedIds = new Set(res.rejected.map((r) => r.id));
        const rowsById = new Map(rows.map((row) => [row.newDocumentState.id, row]));
        const accepted = rows.filter(
          (row) => !conflictIds.has(row.newDocumentState.id) && !rejectedIds.has(row.newDocumentState.id),
        );
        const serverForm = options.serverForm;
        const reshaped = serverForm ? accepted.filter(serverForm.expected) : [];
        const settled =
          serverForm && reshaped.length > 0
            ? await withAuth(() => serverSettled(api, name, before, reshaped, serverForm.is))
            : [];
        await recordRejections(rejections, name, res.rejected, rowsById, now());
        options.syncLog?.record(
          { kind: 'sent', collection: name, count: accepted.length },
          { kind: 'conflict', collection: name, count: res.conflicts.length },
          ...res.rejected.map((r) => ({
            kind: 'refused' as const,
            collection: name,
            count: 1,
            code: r.code,
            id: r.id,
          })),
        );
        await clearRejections(
          rejections,
          accepted.map((row) => row.newDocumentState.id),
        );
        await settlePushed(collection, pending, marks, [
          ...accepted,
          ...rows.filter((r) => rejectedIds.has(r.newDocumentState.id)),
        ]);
        return [...res.conflicts, ...settled];
      },
    },
  });
}

/**
 * The accepted rows the server changed on its own right after storing them, in the server's form. The push answer
 * does not say (an accepted row is no conflict: docs/api.md), and the pull or stream event that carries the change
 * may reach RxDB before this answer: its downstream then skips the document (a local write not yet pushed) and
 * afterwards takes the pushed state for the server's, so this laptop would never show the change (the sync fuzzer,
 * seed 20260101: a writer's own hold never shown over-booked). So the feed from before the push is read, and each
 * such row is handed to RxDB as a conflict whose ancestor is the pushed state: the merge takes the server's values,
 * RxDB stores them as the server's state in the same step as the push, and its check-and-set push of the result
 * (answered as unchanged, or with a newer state as a real conflict) confirms them. Feeding the documents into the
 * stream instead would race RxDB's own bookkeeping of this push and could put back an older state than the stream
 * has delivered meanwhile.
 */
async function serverSettled<T extends LocalDocument>(
  api: SyncApi,
  name: CollectionName,
  since: Checkpoint | undefined,
  accepted: RxReplicationWriteToMasterRow<T>[],
  settledByServer: (pushed: WithDeleted<T>, stored: WithDeleted<T>) => boolean,
): Promise<WithDeleted<T>[]> {
  if (accepted.length === 0) return [];
  const wanted = new Map(accepted.map((row) => [row.newDocumentState.id, row]));
  // A document appears once in the feed, at its last write: the last page read has every accepted row's state.
  const stored = new Map<string, WithDeleted<T>>();
  let checkpoint: Checkpoint | null = since ?? null;
  for (;;) {
    const page = await api.pull<WithDeleted<T> & WireDocument>(name, checkpoint, PULL_LIMIT_MAX);
    for (const doc of page.documents) if (wanted.has(doc.id)) stored.set(doc.id, doc);
    if (page.documents.length < PULL_LIMIT_MAX) break;
    checkpoint = page.checkpoint;
  }
  const settled: WithDeleted<T>[] = [];
  for (const [id, doc] of stored) {
    const row = wanted.get(id)!;
    if (!settledByServer(row.newDocumentState, doc)) continue;
    row.assumedMasterState = row.newDocumentState;
    settled.push(doc);
  }
  return settled;
}

/** A push the server refused for now only; RxDB sends it again after its retry time. */
export class NotYetError extends Error {
  constructor() {
    super('not yet');
    this.name = 'NotYetError';
  }
}

/**
 * A pushed row settles its pending mark when the local document is still exactly what was pushed. Refused rows
 * settle too: they now count as rejections, shown with their reason, not as waiting.
 */
async function settlePushed<T extends LocalDocument>(
  collection: RxCollection<T>,
  pending: PendingWrites,
  marks: Record<string, string>,
  rows: RxReplicationWriteToMasterRow<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const current = await collection.storageInstance.findDocumentsById(
    rows.map((row) => row.newDocumentState.id),
    true,
  );
  const byId = new Map(current.map((doc) => [doc.id, withoutMeta(doc)]));
  const settled = rows
    .filter((row) => jsonEqual(byId.get(row.newDocumentState.id), row.newDocumentState))
    .map((row) => row.newDocumentState.id);
  await pending.settleSnapshot(marks, settled);
}

function withoutMeta<T>(doc: RxDocumentData<T>): WithDeleted<T> {
  const { _meta, _rev, _attachments, ...rest } = doc;
  void _meta;
  void _rev;
  void _attachments;
  return rest as WithDeleted<T>;
}
