import { jsonEqual } from '../../shared/equal';
import { placement } from '../../shared/i18n/de/placement';
import { writeDenial } from '../../shared/rules/authz';
import { facilityProblems, type FacilityWire, facilityWireSchema } from '../../shared/schema/facility';
import type { CollectionDef } from './collections';
import { settleHolds } from './placement';
import { compileValidator, type Invalid } from './validate';

const validate = compileValidator(facilityWireSchema, placement.facilityFields);

/**
 * `facilities`: read by every Verbund user (no personal data: see shared/schema/facility.ts), written by
 * coordinators and admins only. A free-places report is immutable once stored and names its reporter; the
 * holds of a facility are settled again after every write (a new report resets over-booking).
 */
export const facilities: CollectionDef = {
  name: 'facilities',
  validate,
  readScope: () => 'all',
  checkWrite(user, nextDoc, storedDoc) {
    const next = nextDoc as FacilityWire;
    const stored = storedDoc as FacilityWire | undefined;
    // Who keeps the list of facilities: the authorisation table's (facilities: write).
    const office = writeDenial(user, 'facilities', next, stored);
    if (office) return office;
    if (next.updatedBy !== user.id) return 'author_mismatch';
    const known = new Set(stored?.freeReports.map((r) => r.id));
    if (next.freeReports.some((r) => !known.has(r.id) && r.reportedBy !== user.id)) return 'author_mismatch';
    return null;
  },
  checkChange(nextDoc, storedDoc) {
    const next = nextDoc as FacilityWire;
    const stored = storedDoc as FacilityWire | undefined;
    const storedReports = new Map(stored?.freeReports.map((r) => [r.id, r]));
    if (next.freeReports.some((r) => storedReports.has(r.id) && !jsonEqual(storedReports.get(r.id), r))) {
      return { code: 'field_not_writable', message: placement.facilityRules.reportChanged };
    }
    if (next._deleted) return null;
    const problems = facilityProblems(next);
    if (problems.length === 0) return null;
    const invalid: Invalid = {
      code: 'validation_failed',
      message: problems.map((p) => placement.facilityProblems[p]).join(' '),
    };
    return invalid;
  },
  async settle(writes, _before, { tx, now, lockFeed }) {
    // Holds are read and written under their own feed lock: a hold push meanwhile either committed before
    // (and is read here) or waits and then sees this facility's new state.
    await lockFeed('holds');
    const written = new Map((writes as FacilityWire[]).map((f) => [f.id, f]));
    const changed = await settleHolds(tx, written, [], now);
    return { rejected: [], adjusted: [], derived: [{ collection: 'holds', docs: changed }] };
  },
};
