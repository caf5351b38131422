import { AUTHZ, COLLECTION_RESOURCES, isResource } from '../../shared/rules/authz';
import type { WireDocument } from '../../shared/sync/protocol';
import type { AuditActor } from '../audit/chain';
import { handoverEvents } from '../audit/handover-events';
import { appendAudit } from '../audit/log';
import { pushEvents } from '../audit/sync-events';
import type { CollectionDef, Settlement } from '../sync/collections';
import { intersect, scopeOf, writeDenial } from './enforce';

type CollectionResource = (typeof COLLECTION_RESOURCES)[number];

function resourceOf(def: CollectionDef): CollectionResource {
  const name: string = def.name;
  // A served collection the table does not know is a programming error: fail closed, loudly.
  if (!isResource(name) || !(COLLECTION_RESOURCES as readonly string[]).includes(name)) {
    throw new Error(`Collection ${name} fehlt in der Berechtigungstabelle (shared/rules/authz.ts)`);
  }
  return name as CollectionResource;
}

const NOTHING_TO_SETTLE: Settlement = { rejected: [], adjusted: [], derived: [] };

/**
 * The collection as the routes use it: the table's read scope and write rule come first, the collection's own
 * rules can only narrow them. Pull, push (including the reads a conflict answer makes) and the stream all go
 * through these two functions, so no replication route hands out or accepts more than the table allows.
 *
 * Given the pushing `actor`, the push's writes are recorded in the audit trail inside the push transaction
 * (after the collection's own settle step, which may still refuse some): the documents and their audit row
 * commit together or not at all.
 */
export function guardCollection(def: CollectionDef, actor?: AuditActor): CollectionDef {
  const resource = resourceOf(def);
  const guarded = Object.create(def) as { -readonly [K in keyof CollectionDef]: CollectionDef[K] };
  guarded.readScope = (user) => intersect(scopeOf(user, resource, 'read'), def.readScope(user));
  guarded.checkWrite = (user, next, stored) =>
    writeDenial(user, resource, next, stored) ?? def.checkWrite(user, next, stored);
  if (actor) {
    guarded.settle = async (writes, before, ctx) => {
      const settled = def.settle ? await def.settle(writes, before, ctx) : NOTHING_TO_SETTLE;
      const refused = new Set(settled.rejected.map((r) => r.id));
      const adjusted = new Map(settled.adjusted.map((d) => [d.id, d]));
      const stored: { next: WireDocument; stored: WireDocument | undefined }[] = writes
        .filter((doc) => !refused.has(doc.id))
        .map((doc) => ({ next: adjusted.get(doc.id) ?? doc, stored: before.get(doc.id) }));
      await appendAudit(ctx.tx, ...pushEvents(actor, def.name, stored));
      if (def.name === 'intakes') await appendAudit(ctx.tx, ...handoverEvents(actor, stored));
      return settled;
    };
  }
  return guarded;
}

export function holdsPersonalData(def: CollectionDef): boolean {
  return AUTHZ[resourceOf(def)].personalData;
}
