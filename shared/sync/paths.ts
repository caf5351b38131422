import { isObject } from '../is-object';

/**
 * Field paths as the merge names them (shared/sync/merge.ts): `situation`, `child.firstName`,
 * `custodians[c1].name` (an item of a list, by its id). The form writes through them and the conflict view
 * puts a kept value back through them.
 */
type Segment = { key: string; itemId?: string };

const SEGMENT = /^([A-Za-z0-9_]+)(?:\[([A-Za-z0-9_-]+)\])?$/;

export function parsePath(path: string): Segment[] {
  return path.split('.').map((part) => {
    const m = SEGMENT.exec(part);
    if (!m) throw new Error(`not a field path: ${path}`);
    return m[2] === undefined ? { key: m[1] } : { key: m[1], itemId: m[2] };
  });
}

/** The path without item ids: `custodians[c1].name` -> `custodians.name` (the key of its label). */
export function labelKeyOf(path: string): string {
  return path.replace(/\[[^\]]*\]/g, '');
}

export function getAtPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const { key, itemId } of parsePath(path)) {
    if (!isObject(current)) return undefined;
    current = current[key];
    if (itemId !== undefined) {
      current = Array.isArray(current) ? current.find((item) => isObject(item) && item.id === itemId) : undefined;
    }
  }
  return current;
}

/**
 * A copy of `doc` with `value` at `path`; `undefined` removes the field. Missing sections are created, and so is a
 * missing list item (with its id), so that a value kept from a concurrent edit can always be put back.
 */
export function setAtPath<T>(doc: T, path: string, value: unknown): T {
  return setIn(doc, parsePath(path), value) as T;
}

function setIn(target: unknown, segments: Segment[], value: unknown): unknown {
  const [{ key, itemId }, ...rest] = segments;
  const obj: Record<string, unknown> = isObject(target) ? { ...target } : {};
  if (itemId === undefined) {
    const next = rest.length ? setIn(obj[key], rest, value) : value;
    if (next === undefined) delete obj[key];
    else obj[key] = next;
    return obj;
  }
  const list = Array.isArray(obj[key]) ? [...(obj[key] as unknown[])] : [];
  const index = list.findIndex((item) => isObject(item) && item.id === itemId);
  const item = index >= 0 ? list[index] : { id: itemId };
  const next = rest.length ? setIn(item, rest, value) : value;
  if (next === undefined) {
    if (index >= 0) list.splice(index, 1);
  } else if (index >= 0) list[index] = next;
  else list.push(next);
  obj[key] = list;
  return obj;
}
