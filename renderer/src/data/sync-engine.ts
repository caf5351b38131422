import type { RxCollection, WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { combineLatest, debounceTime, exhaustMap, filter, from, type Subscription, tap } from 'rxjs';

import { isSettledForm } from '../../../shared/placement/settle';
import { addsConflictEntries, isStampedForm } from '../../../shared/rules/conflicts';
import type { Contact } from '../../../shared/schema/contact';
import type { Entry } from '../../../shared/schema/entry';
import type { Facility } from '../../../shared/schema/facility';
import type { Hold } from '../../../shared/schema/hold';
import type { Intake } from '../../../shared/schema/intake';
import type { Checkpoint, CollectionName, WireDocument } from '../../../shared/sync/protocol';
import type { AuthSession } from './auth-session';
import type { BackoffOptions } from './backoff';
import type { ObhutDatabase } from './database';
import { eventStream } from './event-stream';
import { waitsForRecord } from './holds';
import type { SyncApi } from './http';
import type { PendingWrites } from './pending';
import { type LocalDocument, replicateCollection, type ReplicationOptions, type ServerForm } from './replication';
import type { StatusModel } from './status-model';
import type { SyncLog } from './sync-log';
import { machineOnline } from './sync-status';

/** The collections replicated with the server, each with its own stream. */
export const REPLICATED = [
  'intakes',
  'entries',
  'facilities',
  'holds',
  'contacts',
] as const satisfies readonly CollectionName[];

export type Replications = {
  intakes: RxReplicationState<Intake, Checkpoint>;
  entries: RxReplicationState<Entry, Checkpoint>;
  facilities: RxReplicationState<Facility, Checkpoint>;
  holds: RxReplicationState<Hold, Checkpoint>;
  contacts: RxReplicationState<Contact, Checkpoint>;
};

export type SyncEngineOptions = {
  api: SyncApi;
  db: ObhutDatabase;
  pending: PendingWrites;
  auth: Pick<AuthSession, 'withAuth' | 'awaitToken'>;
  status: Pick<StatusModel, 'set' | 'synced' | 'failed'>;
  /** ms before a failed request is retried. */
  retryTime: number;
  streamBackoff?: BackoffOptions;
  now: () => number;
  /** How long every replication must rest before the pending marks are reconciled. */
  reconcileAfterMs?: number;
  /** The laptop's sync log (sync-log.ts): what was sent, received and refused, no content. */
  syncLog?: SyncLog;
};

/** A push that adds conflict entries is stored with them stamped by the server (shared/rules/conflicts.ts). */
function stamped<T extends LocalDocument>(): ServerForm<T> {
  return { expected: (row) => addsConflictEntries(row.newDocumentState, row.assumedMasterState), is: isStampedForm };
}

/** A hold the server may settle on its own after any push (over-booking, lapse), its conflict entries stamped too. */
const settledHold: ServerForm<Hold> = {
  expected: () => true,
  is: (pushed, stored) =>
    isStampedForm(pushed, stored) || isSettledForm({ ...pushed, conflicts: stored.conflicts }, stored),
};

/**
 * The replications of the session's collections with the server: one live replication and one change stream per
 * collection, started at once. When every replication comes to rest and is in sync, the pending marks the push
 * handlers could not settle are reconciled (pending.ts).
 */
export class SyncEngine {
  readonly replications: Replications;
  private readonly all: RxReplicationState<unknown, Checkpoint>[];
  private readonly subscriptions: Subscription[] = [];
  private readonly streamsUp = new Set<CollectionName>();
  private readonly win = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
  private closed = false;

  constructor(private readonly options: SyncEngineOptions) {
    const { db, pending } = options;
    this.replications = {
      intakes: this.replicate('intakes', db.intakes, { serverForm: stamped() }),
      entries: this.replicate('entries', db.entries),
      facilities: this.replicate('facilities', db.facilities, { serverForm: stamped() }),
      holds: this.replicate('holds', db.holds, { notYet: waitsForRecord(pending), serverForm: settledHold }),
      contacts: this.replicate('contacts', db.contacts, { serverForm: stamped() }),
    };
    this.all = Object.values(this.replications) as RxReplicationState<unknown, Checkpoint>[];
    for (const r of this.all) this.subscriptions.push(r.error$.subscribe((err) => options.status.failed(err)));
    this.subscriptions.push(
      combineLatest(this.all.map((r) => r.active$))
        .pipe(
          filter((active) => !active.some(Boolean)),
          debounceTime(options.reconcileAfterMs ?? 200),
          // A reconcile under way is not started again; the next rest after it starts the next one.
          exhaustMap(() => from(this.reconcile())),
        )
        .subscribe(),
    );
    this.win?.addEventListener('online', this.onOnline);
    this.win?.addEventListener('offline', this.onOffline);
  }

  /** Resolves when every local write is on the server and nothing is being pulled. */
  async awaitInSync(): Promise<void> {
    await Promise.all(this.all.map((r) => r.awaitInSync()));
  }

  /** Pull and push again now (back online, a new token). */
  reSync(): void {
    for (const r of this.all) r.reSync();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.win?.removeEventListener('online', this.onOnline);
    this.win?.removeEventListener('offline', this.onOffline);
    await Promise.all(this.all.map((r) => r.cancel()));
    for (const sub of this.subscriptions) sub.unsubscribe();
  }

  /** Marks of the snapshot that no write changed since are settled once everything is in sync. */
  private async reconcile(): Promise<void> {
    if (this.closed) return;
    const snapshot = this.options.pending.snapshot();
    try {
      await this.awaitInSync();
      if (!this.closed) await this.options.pending.settleSnapshot(snapshot);
    } catch {
      // a replication cancelled meanwhile (closing): the marks stay for the next session
    }
  }

  private readonly onOnline = () => {
    this.options.status.set({ machineOnline: true });
    this.reSync();
  };

  private readonly onOffline = () => this.options.status.set({ machineOnline: machineOnline() });

  private replicate<T extends LocalDocument>(
    name: CollectionName,
    collection: RxCollection<T>,
    special?: Pick<ReplicationOptions<T>, 'notYet' | 'serverForm'>,
  ): RxReplicationState<T, Checkpoint> {
    const { api, db, pending, auth, status, now } = this.options;
    return replicateCollection<T>({
      ...special,
      api,
      name,
      collection,
      rejections: db.rejections,
      pending,
      stream$: this.stream<WithDeleted<T> & WireDocument>(name),
      withAuth: auth.withAuth,
      onSynced: (at) => status.synced(at),
      retryTime: this.options.retryTime,
      now,
      syncLog: this.options.syncLog,
    });
  }

  /** "Connected" means the streams of all collections are. */
  private stream<D extends WireDocument>(collection: CollectionName) {
    const { api, auth, status, now } = this.options;
    return eventStream<D>({
      api,
      collection,
      backoff: this.options.streamBackoff,
      onConnectedChange: (connected) => {
        if (connected) this.streamsUp.add(collection);
        else this.streamsUp.delete(collection);
        status.set({ streamConnected: this.streamsUp.size === REPLICATED.length });
      },
      onUnauthorized: auth.awaitToken,
      onError: (err) => status.failed(err),
    }).pipe(
      tap((event) => {
        status.synced(now());
        if (event !== 'RESYNC') {
          this.options.syncLog?.record({ kind: 'received', collection, count: event.documents.length });
        }
      }),
    );
  }
}
