import type { Db } from '../db/db';
import { loadFacilities, settleHolds } from './placement';
import { writeAsServer } from './push';

/** How often the server looks for holds that lapsed since the last write of their facility. */
export const HOLD_SWEEP_MS = 60_000;

/**
 * Writes holds that lapsed as expired and recomputes over-booking at their facilities, without waiting for the
 * next write there: a hold that lapsed at 04:00 frees its place on every laptop, and a competing hold loses its
 * "überbucht", even if nobody touches that facility all night. Safe to run on every instance at once.
 */
export async function sweepLapsedHolds(db: Db, now: number = Date.now()): Promise<number> {
  return writeAsServer(db, 'holds', async (tx) => {
    const { rows } = await tx.query<{ facility_id: string }>(
      `SELECT DISTINCT data->>'facilityId' AS facility_id FROM documents
        WHERE collection = 'holds' AND NOT deleted AND data->>'status' = 'held' AND (data->>'expiresAt')::bigint <= $1`,
      [now],
    );
    if (rows.length === 0) return [];
    const facilities = await loadFacilities(
      tx,
      rows.map((r) => r.facility_id),
    );
    return settleHolds(tx, facilities, [], now);
  });
}

/** Runs the sweep every `everyMs` until stopped; failures are logged and tried again next time. */
export function startHoldSweep(db: Db, warn: (err: unknown) => void, everyMs: number = HOLD_SWEEP_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepLapsedHolds(db)
      .catch(warn)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
