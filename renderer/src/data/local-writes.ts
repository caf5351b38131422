import type { RxCollection, RxDocument, WithDeleted } from 'rxdb';

import type { SessionUser } from '../../../shared/sync/protocol';
import type { PendingWrites } from './pending';

/** The fields every edited document carries: who wrote it last, and when. */
type Stamped = { id: string; updatedAt: number; updatedBy: string };

/**
 * The one way the repositories write a replicated document, so that the status bar never claims "synchronised" for
 * a change the server lacks.
 *
 * Every write is marked pending before it reaches the store and marked again after it landed:
 * - before, so that a crash in between leaves a mark without a write (over-counted until the next sync settles it)
 *   rather than a write without a mark;
 * - after, because a settle that ran while the write was under way (the client's reconcile: idle and in sync, then
 *   drop the marks of its snapshot) may have taken the first mark for a state that did not have this write yet.
 *
 * The mark and the document are two IndexedDB transactions: RxDB's Dexie storage keeps every collection and the
 * local documents in IndexedDB databases of their own, and RxDB has no transaction across them.
 */
export class LocalWrites<T extends { id: string }> {
  constructor(
    readonly collection: RxCollection<T>,
    private readonly pending: PendingWrites,
    private readonly user: SessionUser,
    private readonly now: () => number,
  ) {}

  /** Runs `write`, which writes the document `id` (one write or several), marked pending before and after. */
  async marked<R>(id: string, write: () => Promise<R>): Promise<R> {
    await this.pending.mark(id);
    const result = await write();
    await this.pending.mark(id);
    return result;
  }

  async insert(doc: T): Promise<T> {
    await this.marked(doc.id, () => this.collection.insert(doc));
    return doc;
  }

  async find(id: string, what: string): Promise<RxDocument<T>> {
    const doc = await this.collection.findOne(id).exec();
    if (!doc) throw new Error(`${what} ${id} not found`);
    return doc;
  }

  /**
   * Writes `change` of the document as it is at the moment of writing (RxDB runs it again when another write landed
   * first), stamped as this user's write: `at` is now, but never before the document's last write, so the newest
   * write always carries the latest time even when this laptop's clock is behind the writer before.
   */
  modify<S extends T & Stamped>(
    this: LocalWrites<S>,
    doc: RxDocument<S>,
    change: (current: WithDeleted<S>, at: number) => WithDeleted<S>,
  ): Promise<RxDocument<S>> {
    return this.marked(doc.primary, () =>
      doc.incrementalModify((current) => {
        const at = this.now();
        return { ...change(current, at), ...this.stamp(current, at) };
      }),
    );
  }

  /**
   * Writes `next`, computed from `doc` as read, only if no other write landed since (RxDB's CONFLICT otherwise):
   * true when written. A write that did not happen takes its mark back, unless the document was waiting for the
   * server already (or another write marked it meanwhile).
   */
  async attempt<S extends T & Stamped>(
    this: LocalWrites<S>,
    doc: RxDocument<S>,
    next: (current: S, at: number) => S,
  ): Promise<RxDocument<S> | null> {
    const id = doc.primary;
    const markedBefore = this.pending.ids.includes(id);
    await this.pending.mark(id);
    const ours = this.pending.snapshot();
    try {
      const current = doc.toMutableJSON();
      const written = await doc.modify(() => {
        const at = this.now();
        return { ...next(current, at), ...this.stamp(current, at) };
      });
      await this.pending.mark(id);
      return written;
    } catch (err) {
      if ((err as { code?: unknown }).code !== 'CONFLICT') throw err;
      if (!markedBefore) await this.pending.settleSnapshot(ours, [id]);
      return null;
    }
  }

  private stamp(current: Stamped, at: number): Pick<Stamped, 'updatedAt' | 'updatedBy'> {
    return { updatedAt: Math.max(at, current.updatedAt + 1), updatedBy: this.user.id };
  }
}
