import { BehaviorSubject } from 'rxjs';

import type { CollectionName } from '../../../shared/sync/protocol';
import type { ObhutDatabase } from './database';

/**
 * What this laptop sent, received and had refused, and when (issue 16, "sync log readable by users"): counts per
 * collection and the refusals' codes with the document ids, never content. Kept on the laptop for 30 days, in the
 * encrypted store, for the user and for support.
 */
export type SyncLogKind = 'sent' | 'received' | 'refused' | 'conflict';
export type SyncLogEntry = {
  at: number;
  kind: SyncLogKind;
  collection: CollectionName;
  count: number;
  /** A refusal's reason (ErrorCode or the server's code). */
  code?: string;
  /** The refused document. */
  id?: string;
};

export const SYNC_LOG_DAYS = 30;
const LOCAL_ID = 'sync-log';
const DAY_MS = 24 * 60 * 60 * 1000;

export class SyncLog {
  readonly entries$ = new BehaviorSubject<SyncLogEntry[]>([]);
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: ObhutDatabase,
    private readonly now: () => number,
  ) {}

  static async open(db: ObhutDatabase, now: () => number): Promise<SyncLog> {
    const log = new SyncLog(db, now);
    const doc = await db.getLocal<{ entries: SyncLogEntry[] }>(LOCAL_ID);
    log.entries$.next(log.recent(doc?.toMutableJSON().data.entries ?? []));
    return log;
  }

  /** Adds entries (a push's answer may bring several); a write that fails at shutdown only loses the log line. */
  record(...entries: Omit<SyncLogEntry, 'at'>[]): void {
    const at = this.now();
    const added = entries.filter((e) => e.count > 0).map((e) => ({ ...e, at }));
    if (added.length === 0) return;
    this.queue = this.queue
      .then(async () => {
        const next = this.recent([...this.entries$.value, ...added]);
        this.entries$.next(next);
        if (!this.db.closed) await this.db.upsertLocal(LOCAL_ID, { entries: next });
      })
      .catch(() => undefined);
  }

  private recent(entries: SyncLogEntry[]): SyncLogEntry[] {
    const since = this.now() - SYNC_LOG_DAYS * DAY_MS;
    return entries.filter((e) => e.at >= since);
  }
}
