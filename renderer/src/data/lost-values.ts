import { jsonEqual } from '../../../shared/equal';
import { isObject } from '../../../shared/is-object';
import { getAtPath } from '../../../shared/sync/paths';

/** A value this device held at a field path (shared/sync/paths.ts) that another state lacks. */
export type LostValue = { path: string; value: unknown };

/** Bookkeeping and workflow: not what anybody typed into the record. */
const SKIPPED = new Set([
  'id',
  'officeId',
  'createdBy',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'conflicts',
  'status',
  'review',
  '_deleted',
  '_rev',
  '_meta',
  '_attachments',
]);

const isItemList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.length > 0 && v.every((item) => isObject(item) && typeof item.id === 'string');

/**
 * The leaf values of `local` that `server` does not hold (absent or different), by path: what would be lost if the
 * device took the server's state. A list of items (custodians) is compared item by item, by id; a list of codes
 * is one value.
 */
export function lostValues(local: unknown, server: unknown): LostValue[] {
  const out: LostValue[] = [];
  const walk = (value: unknown, path: string, top: boolean) => {
    if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (top && SKIPPED.has(key)) continue;
        if (!top && key === 'id') continue;
        walk(v, path ? `${path}.${key}` : key, false);
      }
      return;
    }
    if (isItemList(value)) {
      for (const item of value) walk(item, `${path}[${item.id as string}]`, false);
      return;
    }
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
    if (!jsonEqual(value, getAtPath(server, path))) out.push({ path, value });
  };
  walk(local, '', true);
  return out;
}
