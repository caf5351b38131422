import { jsonEqual } from '../../shared/equal';
import { isObject } from '../../shared/is-object';
import type { WireDocument } from '../../shared/sync/protocol';
import { actorFields, type AuditActor, type AuditEvent, type JsonValue } from './chain';

/** Bookkeeping that changes with every write and says nothing about what was done. */
const IGNORED = new Set(['updatedAt']);

/**
 * Paths of the fields that differ ("child.firstName", "status"), never their values. Objects are compared
 * field by field down to `depth`, arrays and deeper objects as a whole.
 */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  depth = 2,
): string[] {
  const walk = (
    a: Record<string, unknown> | undefined,
    b: Record<string, unknown>,
    prefix: string,
    level: number,
  ): string[] => {
    const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => {
      if (!prefix && (IGNORED.has(key) || key === 'id')) return [];
      const x = a?.[key];
      const y = b[key];
      if (jsonEqual(x, y)) return [];
      const path = prefix + key;
      if (level < depth && isObject(y) && (x === undefined || isObject(x))) {
        const inner = walk(x, y, `${path}.`, level + 1);
        return inner.length ? inner : [path];
      }
      return [path];
    });
  };
  return walk(before, after, '', 1);
}

type Written = { next: WireDocument; stored: WireDocument | undefined };

const byOffice = <T>(items: T[], officeOf: (item: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(officeOf(item), [...(groups.get(officeOf(item)) ?? []), item]);
  return groups;
};

/** One event per office whose documents a push wrote: which documents, created/changed/deleted, which fields. */
export function pushEvents(actor: AuditActor, collection: string, written: Written[]): AuditEvent[] {
  return [...byOffice(written, (w) => w.next.officeId)].map(([officeId, rows]) => ({
    action: 'sync.push',
    ...actorFields(actor),
    officeId,
    target: collection,
    details: {
      collection,
      documents: rows.map(({ next, stored }): JsonValue => ({
        id: next.id,
        op: !stored ? 'create' : next._deleted && !stored._deleted ? 'delete' : 'update',
        fields: changedFields(stored, next),
      })),
    },
  }));
}

/** One event per office whose documents a pull (or stream) handed out: how many, which ids. */
export function pullEvents(actor: AuditActor, collection: string, documents: WireDocument[]): AuditEvent[] {
  return readEvents('sync.pull', actor, collection, documents);
}

/** A push's conflict answer hands out the stored documents in full: recorded like a pull. */
export function conflictEvents(actor: AuditActor, collection: string, documents: WireDocument[]): AuditEvent[] {
  return readEvents('sync.conflict_read', actor, collection, documents);
}

function readEvents(
  action: 'sync.pull' | 'sync.conflict_read',
  actor: AuditActor,
  collection: string,
  documents: WireDocument[],
): AuditEvent[] {
  return [...byOffice(documents, (d) => d.officeId)].map(([officeId, docs]) => ({
    action,
    ...actorFields(actor),
    officeId,
    target: collection,
    details: { collection, count: docs.length, ids: docs.map((d) => d.id) },
  }));
}
