import { createHash } from 'node:crypto';

import { errors } from '../../shared/i18n/de/errors';
import { placement } from '../../shared/i18n/de/placement';
import { effectiveHoldStatus } from '../../shared/placement/expiry';
import { scopeOf, writeDenial } from '../../shared/rules/authz';
import { holdIntakeDenial, type HoldRecord, seesRecordRef } from '../../shared/rules/holds';
import { forbiddenHoldChanges, type HoldWire, holdWireSchema, isAllowedHoldTransition } from '../../shared/schema/hold';
import type { Rejection } from '../../shared/sync/protocol';
import type { Queryable } from '../db/db';
import type { CollectionDef } from './collections';
import { loadFacilities, settleHolds } from './placement';
import { compileValidator, withFields } from './validate';

/** The longest a hold may be held unconfirmed: the schema's maximum holdExpiryHours of a facility. */
const MAX_HOLD_MS = 72 * 3_600_000;

const validate = compileValidator(holdWireSchema, placement.holdFields);

/** The stored records these placements name, as the rule book needs them (shared/rules/holds.ts). */
async function recordsOf(q: Queryable, holds: readonly HoldWire[]): Promise<Map<string, HoldRecord>> {
  if (holds.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; office_id: string; handed_over_to: string | null; deleted: boolean }>(
    `SELECT id, office_id, data->'review'->>'handedOverTo' AS handed_over_to, deleted
       FROM documents WHERE collection = 'intakes' AND id = ANY($1::text[])`,
    [[...new Set(holds.map((h) => h.intakeRef))]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        officeId: r.office_id as HoldRecord['officeId'],
        handedOverTo: r.handed_over_to ?? undefined,
        deleted: r.deleted,
      },
    ]),
  );
}

/**
 * What a reader who may not read the record sees instead of its id: a stand-in derived from the placement's own id
 * (public anyway), so it names no record, differs per placement (placements of one child cannot be linked) and stays
 * the same on every pull.
 */
export function opaqueRecordRef(holdId: string): string {
  const hex = createHash('sha256').update(`obhut-placement-record\u0000${holdId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `holds`: every Verbund user reads every hold (they carry no child data: the schema allows codes only), a hold
 * is written only by its own office, for a record of that office (or handed over to it), and `overbooked` is the
 * server's (set in `settle`, never taken from a client). The record reference is shown as the record's id only to
 * those who may read the record (`view`).
 */
export const holds: CollectionDef = {
  name: 'holds',
  validate,
  readScope: () => 'all',
  view: {
    // Who may read which records decides what is shown: readers with the same intakes read scope see the same.
    key: (user) => JSON.stringify(scopeOf(user, 'intakes', 'read')),
    async present(q, user, docs) {
      const holds = docs as HoldWire[];
      const records = await recordsOf(q, holds);
      return holds.map((h) =>
        seesRecordRef(user, h, records.get(h.intakeRef)) ? h : { ...h, intakeRef: opaqueRecordRef(h.id) },
      );
    },
  },
  checkWrite(user, nextDoc, storedDoc) {
    // Who places children, for which office: the authorisation table's (holds: write).
    const office = writeDenial(user, 'holds', nextDoc, storedDoc);
    if (office) return office;
    return (nextDoc as HoldWire).updatedBy === user.id ? null : 'author_mismatch';
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
    // The record of a new placement (its reference never changes afterwards: forbiddenHoldChanges). Read without
    // the intakes' feed lock, as for log lines (server/sync/entries.ts): a record's office never changes.
    const fresh = accepted.filter((h) => !before.has(h.id));
    const records = await recordsOf(tx, fresh);
    const rejected: Rejection[] = [];
    const kept = accepted.filter((h) => {
      if (before.has(h.id)) return true;
      const facility = facilities.get(h.facilityId);
      // A new hold needs a facility that exists; a stored one may still be given back after the facility closed.
      const code = !facility || facility._deleted ? 'unknown_facility' : holdIntakeDenial(h, records.get(h.intakeRef));
      if (code) rejected.push({ id: h.id, code, message: errors[code] });
      return code === null;
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
