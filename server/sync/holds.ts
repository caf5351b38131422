import { errors } from '../../shared/i18n/de/errors';
import { placement } from '../../shared/i18n/de/placement';
import { effectiveHoldStatus } from '../../shared/placement/expiry';
import { forbiddenHoldChanges, type HoldWire, holdWireSchema, isAllowedHoldTransition } from '../../shared/schema/hold';
import type { Rejection, SessionUser } from '../../shared/sync/protocol';
import type { CollectionDef } from './collections';
import { loadFacilities, settleHolds } from './placement';
import { compileValidator, withFields } from './validate';

/** Holds are made by the staff who place children: on-call workers and supervisors, for their own office. */
const PLACING_ROLES = ['oncall', 'supervisor'];
const places = (user: SessionUser) => user.roles.some((r) => PLACING_ROLES.includes(r));

/** The longest a hold may be held unconfirmed: the schema's maximum holdExpiryHours of a facility. */
const MAX_HOLD_MS = 72 * 3_600_000;

const validate = compileValidator(holdWireSchema, placement.holdFields);

/**
 * `holds`: every Verbund user reads every hold (they carry no child data: the schema allows codes only), a hold
 * is written only by its own office, and `overbooked` is the server's (set in `settle`, never taken from a client).
 */
export const holds: CollectionDef = {
  name: 'holds',
  validate,
  readScope: () => 'all',
  checkWrite(user, nextDoc, storedDoc) {
    const next = nextDoc as HoldWire;
    if (!places(user)) return 'forbidden';
    if (next.officeId !== user.officeId) return 'other_office';
    if (storedDoc && storedDoc.officeId !== user.officeId) return 'other_office';
    if (next.updatedBy !== user.id) return 'author_mismatch';
    return null;
  },
  checkChange(nextDoc, storedDoc) {
    const next = nextDoc as HoldWire;
    const stored = storedDoc as HoldWire | undefined;
    const fixed = forbiddenHoldChanges(stored, next);
    if (fixed.length) return withFields('field_not_writable', fixed, placement.holdFields);
    // A hold is given back (released), never deleted: its history counts for occupancy and over-booking.
    if (next._deleted) return withFields('invalid_transition', [], {});
    if (next.expiresAt <= next.from || next.expiresAt - next.from > MAX_HOLD_MS || next.from > next.createdAt) {
      return withFields('validation_failed', ['from', 'expiresAt'], placement.holdFields);
    }
    // Confirming a hold that had lapsed when the worker confirmed it is too late: the place may be gone. The
    // worker's clock decides (the confirmation may have been made offline, before the hold lapsed).
    const from = stored && effectiveHoldStatus(stored, next.updatedAt);
    if (!isAllowedHoldTransition(from, next.status)) return withFields('invalid_transition', [], {});
    return null;
  },
  async settle(writes, before, { tx, now }) {
    const accepted = writes as HoldWire[];
    const facilities = await loadFacilities(
      tx,
      accepted.map((h) => h.facilityId),
    );
    const rejected: Rejection[] = [];
    const kept = accepted.filter((h) => {
      const facility = facilities.get(h.facilityId);
      // A new hold needs a facility that exists; a stored one may still be given back after the facility closed.
      if (!before.has(h.id) && (!facility || facility._deleted)) {
        rejected.push({ id: h.id, code: 'unknown_facility', message: errors.unknown_facility });
        return false;
      }
      return true;
    });
    const changed = await settleHolds(tx, facilities, kept, now);
    const acceptedIds = new Set(kept.map((h) => h.id));
    return {
      rejected,
      adjusted: changed.filter((h) => acceptedIds.has(h.id)),
      derived: [{ collection: 'holds', docs: changed.filter((h) => !acceptedIds.has(h.id)) }],
    };
  },
};
