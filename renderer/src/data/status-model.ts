import { BehaviorSubject, combineLatest, filter, map, type Observable, of, type Subscription } from 'rxjs';

import { mayAtAll } from '../../../shared/rules/authz';
import type { Hold } from '../../../shared/schema/hold';
import type { SessionUser } from '../../../shared/sync/protocol';
import type { ObhutDatabase } from './database';
import type { PendingWrites } from './pending';
import { type RejectionView, viewOf } from './rejections';
import { syncErrorText } from './sync-error';
import { combineStatus, type ConnectionFacts, ConnectionState, type SyncStatus } from './sync-status';

const SYNC_META = 'sync-meta';

/**
 * What the status bar shows of one session: the connection facts the auth session and the sync engine report, the
 * pending marks, the refused writes and the conflicts this user is asked to look at. The time of the last sync
 * outlives the session (a local document), so the next start, offline, still says since when.
 */
export class StatusModel {
  readonly status$: Observable<SyncStatus>;
  private readonly current = new BehaviorSubject<SyncStatus | null>(null);
  private readonly subscription: Subscription;
  /** The last-sync time is written by one write at a time; `wanted` says another one is due after it. */
  private writing: Promise<void> | null = null;
  private wanted = false;

  /** `connection`: the facts gathered before the database was open (did the server answer the login?). */
  static async open(
    db: ObhutDatabase,
    pending: PendingWrites,
    user: SessionUser,
    connection = new ConnectionState(),
  ): Promise<StatusModel> {
    const meta = await db.getLocal<{ lastSyncedAt: number }>(SYNC_META);
    connection.set({ lastSyncedAt: (meta?.get('lastSyncedAt') as number | undefined) ?? null });
    return new StatusModel(db, pending, user, connection);
  }

  private constructor(
    private readonly db: ObhutDatabase,
    pending: PendingWrites,
    user: SessionUser,
    private readonly connection: ConnectionState,
  ) {
    const pendingIds$ = pending.marks$.pipe(map((marks) => Object.keys(marks).sort()));
    this.subscription = combineStatus(
      this.connection.facts$,
      pendingIds$,
      rejectionsOf(db),
      conflictsFor(db, user),
    ).subscribe(this.current);
    this.status$ = this.current.pipe(filter((s): s is SyncStatus => s !== null));
  }

  get facts$(): Observable<ConnectionFacts> {
    return this.connection.facts$;
  }

  get status(): SyncStatus {
    const s = this.current.value;
    if (!s) throw new Error('status not ready');
    return s;
  }

  set(patch: Partial<ConnectionFacts>): void {
    this.connection.set(patch);
  }

  /** The server answered a sync request or sent a change: in sync as of `at`, signed in, no error. */
  synced(at: number): void {
    this.connection.set({ lastSyncedAt: at, auth: { state: 'ok' }, lastError: null });
    this.keepLastSync();
  }

  failed(error: unknown): void {
    this.connection.set({ lastError: syncErrorText(error) });
  }

  /** Resolves when the last-sync time reported so far is on disk. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  close(): void {
    this.subscription.unsubscribe();
  }

  private keepLastSync(): void {
    this.wanted = true;
    this.writing ??= (async () => {
      try {
        while (this.wanted) {
          this.wanted = false;
          await this.db.upsertLocal(SYNC_META, { lastSyncedAt: this.connection.facts$.value.lastSyncedAt });
        }
      } catch {
        // a database closed at shutdown: the next session shows the previous time, nothing is lost
      } finally {
        this.writing = null;
      }
    })();
  }
}

function rejectionsOf(db: ObhutDatabase): Observable<RejectionView[]> {
  return db.rejections.find({ sort: [{ at: 'desc' }] }).$.pipe(map((docs) => docs.map((d) => viewOf(d.toJSON()))));
}

/** On the office's intakes and holds, and on facilities for those who keep them. */
function conflictsFor(db: ObhutDatabase, user: SessionUser): Observable<{ ids: string[]; count: number }> {
  const withConflicts = (docs: { id: string; conflicts: unknown[] }[]) => docs.filter((d) => d.conflicts.length > 0);
  return combineLatest([
    db.intakes.find().$,
    db.holds.find({ selector: { officeId: user.officeId as Hold['officeId'] } }).$,
    mayAtAll(user, 'facilities', 'write') ? db.facilities.find().$ : of([]),
  ]).pipe(
    map((lists) => {
      const docs = lists.flatMap((docs) => withConflicts(docs));
      return { ids: docs.map((d) => d.id), count: docs.reduce((n, d) => n + d.conflicts.length, 0) };
    }),
  );
}
