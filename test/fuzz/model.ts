import { jsonEqual } from '../../shared/equal';
import type { WireDocument } from '../../shared/sync/protocol';
import { trackedValue } from './intakes';
import type { ActionResult, Written } from './protocol';

export type Failure = { ids: string[]; text: string };

type Conflicted = { conflicts?: { id: string; field: string; value: string }[] };

const key = (w: Written) => `${w.collection}/${w.id}/${w.field}/${JSON.stringify(w.value)}`;

/** Reads a tracked field of a stored document (per collection). */
function readField(collection: string, doc: WireDocument, field: string): unknown {
  if (collection === 'intakes') return trackedValue(doc as never, field);
  if (collection === 'entries' && field === 'text') return (doc as unknown as { text: string }).text;
  throw new Error(`no tracked fields for ${collection}`);
}

/**
 * What must exist at the end: every document a client created, every accepted delete as a tombstone, and every
 * value an accepted write put in place - unless a later writer replaced it knowingly (it was in that writer's local
 * state), it must be the current value or be kept as a conflict on its document.
 */
export class Model {
  readonly created = new Map<string, { collection: string; id: string; officeId: string; by: number; step: number }>();
  readonly deleted = new Map<string, { by: number; step: number }>();
  readonly writes: { w: Written; by: number; step: number }[] = [];
  private readonly replaced = new Map<string, { by: number; step: number }>();

  record(result: ActionResult, by: number, step: number): void {
    if (!result.ok) return;
    if (result.created) this.created.set(`${result.created.collection}/${result.created.id}`, { ...result.created, by, step });
    if (result.deleted) this.deleted.set(`${result.deleted.collection}/${result.deleted.id}`, { by, step });
    for (const w of result.writes) this.writes.push({ w, by, step });
    for (const w of result.replaced) this.replaced.set(key(w), { by, step });
  }

  idsOf(collection: string): string[] {
    return [...this.created.values()].filter((c) => c.collection === collection).map((c) => c.id);
  }

  check(server: Map<string, WireDocument>, collections: readonly string[], preexisting: ReadonlySet<string>): Failure[] {
    const failures: Failure[] = [];
    for (const [k, c] of this.created) {
      const doc = server.get(k);
      if (!doc) failures.push({ ids: [c.id], text: `created by client ${c.by} at step ${c.step}, missing on the server` });
      else if (doc.officeId !== c.officeId) failures.push({ ids: [c.id], text: `office ${doc.officeId}, created in ${c.officeId}` });
    }
    for (const [k, d] of this.deleted) {
      const doc = server.get(k);
      if (doc && !doc._deleted) failures.push({ ids: [k.split('/')[1]], text: `deleted by client ${d.by} at step ${d.step}, alive on the server` });
    }
    for (const { w, by, step } of this.writes) {
      const doc = server.get(`${w.collection}/${w.id}`);
      if (!doc) continue; // reported above
      if (jsonEqual(readField(w.collection, doc, w.field), w.value)) continue;
      const kept = ((doc as Conflicted).conflicts ?? []).some((c) => c.field === w.field && c.value === JSON.stringify(w.value));
      if (kept) continue;
      if (this.replaced.has(key(w))) continue;
      failures.push({
        ids: [w.id],
        text: `value ${JSON.stringify(w.value)} of ${w.field}, written by client ${by} at step ${step}, is lost: neither current (${JSON.stringify(readField(w.collection, doc, w.field))}) nor kept as a conflict nor replaced by a writer who had it`,
      });
    }
    // Nothing duplicated: no document the run did not create, no conflict recorded twice.
    for (const [k, doc] of server) {
      const [collection] = k.split('/');
      if (!collections.includes(collection)) continue;
      if (!this.created.has(k) && !preexisting.has(k)) failures.push({ ids: [doc.id], text: `on the server but created by no one` });
      const conflicts = (doc as Conflicted).conflicts ?? [];
      const seen = new Set<string>();
      for (const c of conflicts) {
        const sig = `${c.field}\u0000${c.value}`;
        if (seen.has(sig)) failures.push({ ids: [doc.id], text: `conflict on ${c.field} with value ${c.value} recorded twice` });
        seen.add(sig);
      }
    }
    return failures;
  }
}
