import { jsonEqual } from '../equal';
import { isObject } from '../is-object';

/**
 * Three-way merge of one document against the common ancestor (docs/architecture.md, sync rules).
 * - A field changed on one side only takes that side's value; nested sections merge field by field.
 * - A field changed on both sides to different values keeps the remote (server) value; the local value is
 *   recorded in `conflicts` with its author and time and who last wrote the remote state that stayed, so no edit
 *   disappears without trace (the server stamps the devices: shared/rules/conflicts.ts).
 * - Lists of items with an `id` merge item by item; lists of codes merge as sets (additions and removals of
 *   both sides); `conflicts` itself merges by id and keeps one record per field and lost value.
 * The function is pure and deterministic, so every replica that merges the same three states gets the same
 * result.
 */
export type ConflictRecord = {
  id: string;
  field: string;
  value: string;
  by: string;
  at: number;
  deviceId?: string;
  deviceName?: string;
  winner?: ConflictWinner;
};

/** Who wrote the state whose value stayed (shared/schema/common.ts): the server stamps the device. */
export type ConflictWinner = { by: string; at: number; deviceId?: string; deviceName?: string };

export type MergeableDocument = {
  id: string;
  updatedAt: number;
  updatedBy: string;
  conflicts: ConflictRecord[];
  _deleted: boolean;
};

/** Bookkeeping that describes the write, not the content: never a conflict. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'conflicts']);

type Lose = (field: string, value: unknown) => void;

export function mergeDocuments<D extends MergeableDocument>(base: D | undefined, local: D, remote: D): D {
  const found: ConflictRecord[] = [];
  const winner: ConflictWinner = { by: remote.updatedBy, at: remote.updatedAt };
  const lose: Lose = (field, value) =>
    found.push({ ...conflictRecord(field, value, local.updatedBy, local.updatedAt), winner });

  const merged = mergeObject(omitBookkeeping(base ?? {}), omitBookkeeping(local), omitBookkeeping(remote), '', lose);
  const conflicts = mergeListById(base?.conflicts ?? [], local.conflicts, remote.conflicts, 'conflicts', () => {});
  merged.conflicts = distinctAlternatives([...conflicts, ...found]);

  merged.updatedAt = remote.updatedAt;
  merged.updatedBy = remote.updatedBy;
  if (jsonEqual(merged, remote)) return remote;
  merged.updatedAt = Math.max(local.updatedAt, remote.updatedAt);
  merged.updatedBy = local.updatedBy;
  return merged as D;
}

/**
 * One record per field and lost value, the first kept. Two writers (or one on two laptops) may lose the same value
 * in separate merges, or two replicas may record it under different ids; the reviewer chooses among values, and
 * the same alternative twice would only be noise. The value itself stays on the record, so nothing is lost.
 */
function distinctAlternatives(conflicts: ConflictRecord[]): ConflictRecord[] {
  const seen = new Set<string>();
  return conflicts.filter((c) => {
    const key = `${c.field}\u0000${c.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function omitBookkeeping(doc: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([k]) => !BOOKKEEPING.has(k)));
}

function mergeValue(base: unknown, local: unknown, remote: unknown, field: string, lose: Lose): unknown {
  if (jsonEqual(local, remote)) return remote;
  if (jsonEqual(local, base)) return remote;
  if (jsonEqual(remote, base)) return local;
  if (isObject(local) && isObject(remote) && (base === undefined || isObject(base))) {
    return mergeObject(base ?? {}, local, remote, `${field}.`, lose);
  }
  if (Array.isArray(local) && Array.isArray(remote) && (base === undefined || Array.isArray(base))) {
    const b = (base ?? []) as unknown[];
    if ([b, local, remote].every(isItemList)) {
      return mergeListById(b as Item[], local as Item[], remote as Item[], field, lose);
    }
    if ([b, local, remote].every((list) => list.every(isPrimitive))) return mergeSet(b, local, remote);
  }
  lose(field, local);
  return remote;
}

function mergeObject(
  base: Record<string, unknown>,
  local: Record<string, unknown>,
  remote: Record<string, unknown>,
  prefix: string,
  lose: Lose,
): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(remote), ...Object.keys(local)])) {
    const value = mergeValue(base[key], local[key], remote[key], `${prefix}${key}`, lose);
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** Codes added on either side are kept, codes removed on either side go; order: the remote's, then local additions. */
function mergeSet(base: unknown[], local: unknown[], remote: unknown[]): unknown[] {
  const removedLocally = base.filter((v) => !local.includes(v));
  const out = remote.filter((v) => !removedLocally.includes(v));
  for (const v of local) if (!base.includes(v) && !out.includes(v)) out.push(v);
  return out;
}

type Item = { id: string };
const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const isItemList = (list: unknown[]) => list.every((v) => isObject(v) && typeof v.id === 'string');

/**
 * Merge two edited lists of items with ids. Order: the remote's, then items only the local side added.
 * An item deleted on one side and edited on the other is kept: an edit is never lost to a delete.
 * An item edited on both sides merges field by field like a section.
 */
export function mergeListById<T extends Item>(
  base: readonly T[],
  local: readonly T[],
  remote: readonly T[],
  field: string,
  lose: Lose,
): T[] {
  const byId = (list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const b = byId(base);
  const l = byId(local);
  const out: T[] = [];
  for (const r of remote) {
    const li = l.get(r.id);
    const bi = b.get(r.id);
    if (li) out.push(mergeValue(bi, li, r, `${field}[${r.id}]`, lose) as T);
    else if (!bi || !jsonEqual(r, bi)) out.push(r); // new remotely, or deleted locally but edited remotely
  }
  const remoteIds = new Set(remote.map((item) => item.id));
  for (const li of local) {
    if (remoteIds.has(li.id)) continue;
    const bi = b.get(li.id);
    if (!bi || !jsonEqual(li, bi)) out.push(li); // new locally, or deleted remotely but edited locally
  }
  return out;
}

export function conflictRecord(field: string, value: unknown, by: string, at: number): ConflictRecord {
  const text = JSON.stringify(value ?? null);
  return { id: `${at.toString(36)}-${fnv1a(`${field}\u0000${by}\u0000${text}`)}`, field, value: text, by, at };
}

/** Short stable hash for conflict ids (not a security function). */
function fnv1a(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(36) + (h2 >>> 0).toString(36);
}

/** Drop one recorded conflict once a user has chosen a value (the chosen value is written by the caller). */
export function resolveConflict<D extends MergeableDocument>(doc: D, conflictId: string): D {
  return { ...doc, conflicts: doc.conflicts.filter((c) => c.id !== conflictId) };
}
