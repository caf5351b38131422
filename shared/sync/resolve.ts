import { type MergeableDocument, mergeDocuments } from './merge';
import type { CollectionName, WireDocument } from './protocol';

/**
 * How a conflicting write of one collection is resolved (docs/architecture.md, sync rules), wherever it is resolved:
 * the renderer's conflict handlers, and the server when it delivers a logged-out author's outbox
 * (docs/outbox.md). Log lines are immutable: the stored one stands. A hold's `overbooked` is the server's alone.
 * Every other document is merged three-way, so no edit is lost.
 */
export function resolveConflict<D extends WireDocument>(
  collection: CollectionName,
  assumed: D | undefined,
  local: D,
  real: D,
): D {
  if (collection === 'entries') return real;
  const merge = (a: object | undefined, l: object, r: object) =>
    mergeDocuments(a as MergeableDocument | undefined, l as MergeableDocument, r as MergeableDocument) as unknown as D;
  if (collection === 'holds') {
    const flag = { overbooked: (real as D & { overbooked?: unknown }).overbooked };
    return merge(assumed && { ...assumed, ...flag }, { ...local, ...flag }, real);
  }
  return merge(assumed, local, real);
}
