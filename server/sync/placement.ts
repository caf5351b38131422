import { settleFacilityHolds } from '../../shared/placement/settle';
import type { FacilityWire } from '../../shared/schema/facility';
import type { HoldWire } from '../../shared/schema/hold';
import type { Queryable } from '../db/db';

/** Stored facilities by id (tombstones included: the caller decides what a deleted facility means). */
export async function loadFacilities(tx: Queryable, ids: readonly string[]): Promise<Map<string, FacilityWire>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ data: FacilityWire }>(
    "SELECT data FROM documents WHERE collection = 'facilities' AND id = ANY($1::text[])",
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.data.id, r.data]));
}

/**
 * The stored holds of these facilities that settling can change: those that take a place (PLACE_TAKING) and
 * those still flagged. Released or expired holds without a flag never change again.
 */
async function loadSettleableHolds(tx: Queryable, facilityIds: readonly string[]): Promise<HoldWire[]> {
  const { rows } = await tx.query<{ data: HoldWire }>(
    `SELECT data FROM documents
      WHERE collection = 'holds' AND NOT deleted AND data->>'facilityId' = ANY($1::text[])
        AND (data->>'status' IN ('held', 'confirmed', 'occupied') OR data->>'overbooked' = 'true')`,
    [[...new Set(facilityIds)]],
  );
  return rows.map((r) => r.data);
}

/**
 * The server's writes for these facilities after a push: lapsed holds expired and over-booking flags recomputed
 * (shared/placement/settle.ts), over the stored holds with `accepted` (this push's hold writes) laid over them.
 * Call with the holds feed locked, so no other push changes these holds meanwhile. Returns the changed holds; a
 * deleted or unknown facility has nothing to settle.
 */
export async function settleHolds(
  tx: Queryable,
  facilities: ReadonlyMap<string, FacilityWire>,
  accepted: readonly HoldWire[],
  now: number,
): Promise<HoldWire[]> {
  const live = [...facilities.values()].filter((f) => !f._deleted);
  if (live.length === 0) return [];
  const byId = new Map(
    (
      await loadSettleableHolds(
        tx,
        live.map((f) => f.id),
      )
    ).map((h) => [h.id, h]),
  );
  for (const h of accepted) byId.set(h.id, h);
  const holds = [...byId.values()];
  return live.flatMap((f) => settleFacilityHolds(f, holds, now));
}
