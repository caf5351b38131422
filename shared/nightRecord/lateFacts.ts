import { jsonEqual } from '../equal';
import { isObject } from '../is-object';
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
  'custodians.interpreter',
  'custodians.reaction',
  'custodians.locationDisclosed',
  'custodians.locationNotDisclosedReason',
  'custodians.attempts',
  'custodians.objection',
  'custodians.objectionAt',
  'freedomDeprivation.endAt',
  'freedomDeprivation.courtDecisionAt',
  'provisional.stateOfficeReportedAt',
  'provisional.distributionDecidedAt',
  'handover.caseworker',
  'handover.handedOverAt',
  // Duties of issue 13 completed after the night: each is the fact that closes an obligation or follows later.
  'custodians.unreachableAt',
  'risk.jointAssessmentAt',
  'decision.childInformedAt',
  'decision.childInformedHow',
  'provisional.distributionOutcome',
  'provisional.initialAssessmentAt',
  'provisional.healthCheckAt',
  'provisional.identityCheckAt',
  'responsibility.allocatedOfficeId',
  'handover.helpPlanStartedAt',
  'health.medicalExamination',
  'health.medicalExaminationAt',
  'health.medicalExaminationConsent',
]);

/** A field path (shared/sync/paths.ts, e.g. `custodians[c1].informedAt`) that may be filled after the lock. */
export function isLateFactPath(path: string): boolean {
  const key = labelKeyOf(path);
  return LATE_FIELDS.has(key) || (LATE_SECTIONS.has(key.split('.')[0]) && key.includes('.'));
}

/**
 * Empty as the form sees it: never written, cleared text, no codes chosen, a box not ticked. An unticked box is
 * empty so that what happens later can still be ticked once: an objection of the custodians made the next day
 * starts the family court's deadline.
 */
export const isEmptyFact = (v: unknown) =>
  v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0);

/**
 * Bookkeeping of a write, the review itself and the marks of entrusted data: not content the countersignature
 * covers. A mark or its legal basis (e.g. consent given later) may be recorded after the lock (§ 65 SGB VIII).
 */
const NOT_CONTENT = new Set([
  'review',
  'entrusted',
  'updatedAt',
  'updatedBy',
  'conflicts',
  '_deleted',
  '_meta',
  '_rev',
  '_attachments',
]);

const isItemList = (v: unknown): v is { id: string }[] =>
  Array.isArray(v) && v.every((x) => isObject(x) && typeof x.id === 'string');

/**
 * The late facts a change of a locked record adds (their paths), or `{ violation }`: the first path it changes
 * that is not an empty late-fact field being filled.
 */
export function lateFactChange(
  stored: Partial<Intake>,
  next: Partial<Intake>,
): { added: string[] } | { violation: string } {
  const added: string[] = [];
  const walk = (before: unknown, after: unknown, path: string): string | null => {
    if (jsonEqual(before, after)) return null;
    if (isObject(after) && (before === undefined || isObject(before))) {
      const b = before ?? {};
      for (const key of new Set([...Object.keys(b), ...Object.keys(after)])) {
        if (path === '' && NOT_CONTENT.has(key)) continue;
        const v = walk(b[key], after[key], path ? `${path}.${key}` : key);
        if (v) return v;
      }
      return null;
    }
    if (isItemList(before) && isItemList(after)) {
      // The same people in the same order: a new custodian after the lock is an addendum, not an edit.
      if (
        !jsonEqual(
          before.map((i) => i.id),
          after.map((i) => i.id),
        )
      )
        return path;
      for (let i = 0; i < after.length; i++) {
        const v = walk(before[i], after[i], `${path}[${after[i].id}]`);
        if (v) return v;
      }
      return null;
    }
    if (isLateFactPath(path) && isEmptyFact(before)) {
      if (!isEmptyFact(after)) added.push(path);
      return null;
    }
    return path || 'record';
  };
  const violation = walk(stored, next, '') ?? conflictsViolation(stored.conflicts ?? [], next.conflicts ?? []);
  return violation ? { violation } : { added };
}

/**
 * Two devices filling the same late fact meet in the merge, which keeps the losing value as a conflict: such
 * records may be added, and any record may go (the value was kept or dismissed); nothing else about them changes.
 */
function conflictsViolation(before: Intake['conflicts'], after: Intake['conflicts']): string | null {
  const known = new Map(before.map((c) => [c.id, c]));
  for (const c of after) {
    const was = known.get(c.id);
    if (was ? !jsonEqual(was, c) : !isLateFactPath(c.field)) return 'conflicts';
  }
  return null;
}
