import { jsonEqual } from '../equal';
import type { Intake } from '../schema/intake';
import { labelKeyOf } from '../sync/paths';

/**
 * What may still be written into a countersigned (locked) record. Countersigning covers what the night recorded;
 * facts that only happen later - the custodians reached the next day, the court's decision, the end of the
 * measure, the statistics completed at the end - may be ADDED to an empty field once, never changed. Everything
 * else goes into the log as an addendum (domain.md: "later facts go in as addendum entries"); without this the
 * deadlines of every countersigned record would stay overdue and its measure could never end.
 */
const LATE_SECTIONS = new Set(['end', 'court', 'ageAssessment', 'guardian', 'statistics']);
const LATE_FIELDS = new Set([
  'custodians.informedAt',
  'custodians.channel',
  'custodians.reaction',
  'custodians.objection',
  'custodians.objectionAt',
  'freedomDeprivation.endAt',
  'freedomDeprivation.courtDecisionAt',
  'provisional.stateOfficeReportedAt',
  'provisional.distributionDecidedAt',
  'handover.caseworker',
  'handover.handedOverAt',
]);

/** A field path (shared/sync/paths.ts, e.g. `custodians[c1].informedAt`) that may be filled after the lock. */
export function isLateFactPath(path: string): boolean {
  const key = labelKeyOf(path);
  return LATE_FIELDS.has(key) || (LATE_SECTIONS.has(key.split('.')[0]) && key.includes('.'));
}

/** Empty as the form sees it: never written, cleared text, no codes chosen. */
export const isEmptyFact = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Bookkeeping of a write and the review itself: not content the countersignature covers. */
const NOT_CONTENT = new Set(['review', 'updatedAt', 'updatedBy', '_deleted', '_meta', '_rev', '_attachments']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isItemList = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * The late facts a change of a locked record adds (their paths), or `{ violation }`: the first path it changes
 * that is not an empty late-fact field being filled.
 */
export function lateFactChange(stored: Partial<Intake>, next: Partial<Intake>): { added: string[] } | { violation: string } {
  const added: string[] = [];
  const walk = (before: unknown, after: unknown, path: string): string | null => {
    if (jsonEqual(before, after)) return null;
    if (isObject(after) && (before === undefined || isObject(before))) {
      const b = (before ?? {}) as Record<string, unknown>;
      for (const key of new Set([...Object.keys(b), ...Object.keys(after)])) {
        if (path === '' && NOT_CONTENT.has(key)) continue;
        const v = walk(b[key], after[key], path ? `${path}.${key}` : key);
        if (v) return v;
      }
      return null;
    }
    if (isItemList(before) && isItemList(after)) {
      // The same people in the same order: a new custodian after the lock is an addendum, not an edit.
      if (!jsonEqual(before.map((i) => i.id), after.map((i) => i.id))) return path;
      for (let i = 0; i < after.length; i++) {
        const v = walk(before[i], after[i], `${path}[${after[i].id}]`);
        if (v) return v;
      }
      return null;
    }
    if (isLateFactPath(path) && isEmptyFact(before) && !isEmptyFact(after)) {
      added.push(path);
      return null;
    }
    return path || 'record';
  };
  const violation = walk(stored, next, '');
  return violation ? { violation } : { added };
}
