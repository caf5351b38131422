import { BehaviorSubject } from 'rxjs';

import type { ObhutDatabase } from './database';

/**
 * Which local writes the server has not confirmed yet, kept in an RxDB local document so that the count
 * survives a reload. Each write gets a fresh mark; a mark is settled when a push of exactly the current local
 * state was accepted, or when the replication is idle and in sync after the mark was set (RxDB skips pushing a
 * document whose local state equals the server's, and a crash between marking and writing leaves a mark with
 * no write behind it).
 *
 * Only the set of ids must survive a reload: a mark's value is compared with snapshots of the same session, and
 * a new session takes its snapshots from what it loaded. So a mark of an id already on disk is not written again
 * (the form's autosave marks the same record twice per save; rewriting the whole map each time made offline
 * editing several times slower than the write itself, issue 14).
 */
type PendingData = { marks: Record<string, string> };

const LOCAL_ID = 'pending-intakes';

export class PendingWrites {
  readonly marks$ = new BehaviorSubject<Record<string, string>>({});
  private queue: Promise<unknown> = Promise.resolve();
  private counter = 0;

  private constructor(private readonly db: ObhutDatabase) {}

  static async open(db: ObhutDatabase): Promise<PendingWrites> {
    const pending = new PendingWrites(db);
    const doc = await db.getLocal<PendingData>(LOCAL_ID);
    pending.marks$.next((doc?.get('marks') as PendingData['marks'] | undefined) ?? {});
    return pending;
  }

  get ids(): string[] {
    return Object.keys(this.marks$.value);
  }

  /** A fresh mark for `id`; the repositories mark through local-writes.ts, which says when and why. */
  mark(id: string): Promise<void> {
    const mark = `${Date.now().toString(36)}-${(this.counter++).toString(36)}`;
    return this.update((marks) => ({ ...marks, [id]: mark }));
  }

  snapshot(): Record<string, string> {
    return { ...this.marks$.value };
  }

  /** Drop the ids whose mark is still the one of the snapshot (no write since). */
  settleSnapshot(snapshot: Record<string, string>, ids: Iterable<string> = Object.keys(snapshot)): Promise<void> {
    return this.update((marks) => {
      const next = { ...marks };
      for (const id of ids) if (snapshot[id] !== undefined && next[id] === snapshot[id]) delete next[id];
      return next;
    });
  }

  private update(change: (marks: Record<string, string>) => Record<string, string>): Promise<void> {
    const run = this.queue.then(async () => {
      const current = this.marks$.value;
      const next = change(current);
      if (!sameIds(current, next)) await this.db.upsertLocal<PendingData>(LOCAL_ID, { marks: next });
      this.marks$.next(next);
    });
    this.queue = run.catch(() => {});
    return run;
  }
}

/** Whether both hold marks for the same ids (the queue has written every earlier set, so `current`'s is on disk). */
function sameIds(current: Record<string, string>, next: Record<string, string>): boolean {
  const ids = Object.keys(next);
  return ids.length === Object.keys(current).length && ids.every((id) => Object.hasOwn(current, id));
}
