import { BehaviorSubject, combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs';

import { jsonEqual } from '../../../shared/equal';
import type { RejectionView } from './rejections';

/**
 * What the status bar shows, and what tests and the fuzzer read. `connection` is 'online' only when the
 * machine says it is online and the server answered the last request; 'connecting' until the first answer.
 */
export type Connection = 'online' | 'offline' | 'connecting';
export type AuthState = { state: 'ok' } | { state: 'failed'; code: string; message: string };

export type SyncStatus = {
  connection: Connection;
  /** The server answered the last request (null: not asked yet). */
  serverReachable: boolean | null;
  /** navigator.onLine, true where there is no navigator (Node). */
  machineOnline: boolean;
  streamConnected: boolean;
  lastSyncedAt: number | null;
  pendingIds: string[];
  pendingCount: number;
  rejections: RejectionView[];
  /** Conflict entries recorded on the records (each one a losing value someone should look at). */
  conflictCount: number;
  /** Ids of the records that carry conflict entries. */
  conflictIds: string[];
  auth: AuthState;
  /** The last replication error in German words (data/sync-error.ts), until the next successful sync. */
  lastError: string | null;
};

export type ConnectionFacts = {
  serverReachable: boolean | null;
  machineOnline: boolean;
  streamConnected: boolean;
  lastSyncedAt: number | null;
  auth: AuthState;
  lastError: string | null;
};

export function connectionOf(facts: Pick<ConnectionFacts, 'serverReachable' | 'machineOnline'>): Connection {
  if (!facts.machineOnline || facts.serverReachable === false) return 'offline';
  return facts.serverReachable ? 'online' : 'connecting';
}

export function machineOnline(): boolean {
  return typeof navigator === 'undefined' || typeof navigator.onLine !== 'boolean' ? true : navigator.onLine;
}

export function combineStatus(
  facts$: Observable<ConnectionFacts>,
  pendingIds$: Observable<string[]>,
  rejections$: Observable<RejectionView[]>,
  conflicts$: Observable<{ ids: string[]; count: number }>,
): Observable<SyncStatus> {
  return combineLatest([facts$, pendingIds$, rejections$, conflicts$]).pipe(
    map(([facts, pendingIds, rejections, conflicts]) => ({
      ...facts,
      connection: connectionOf(facts),
      pendingIds,
      pendingCount: pendingIds.length,
      rejections,
      conflictCount: conflicts.count,
      conflictIds: conflicts.ids,
    })),
    distinctUntilChanged<SyncStatus>(jsonEqual),
  );
}

/** Mutable connection facts with an observable view. */
export class ConnectionState {
  readonly facts$: BehaviorSubject<ConnectionFacts>;

  constructor(lastSyncedAt: number | null = null) {
    this.facts$ = new BehaviorSubject<ConnectionFacts>({
      serverReachable: null,
      machineOnline: machineOnline(),
      streamConnected: false,
      lastSyncedAt,
      auth: { state: 'ok' },
      lastError: null,
    });
  }

  set(patch: Partial<ConnectionFacts>): void {
    const next = { ...this.facts$.value, ...patch };
    if (!jsonEqual(next, this.facts$.value)) this.facts$.next(next);
  }
}
