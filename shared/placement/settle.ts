import { jsonEqual } from '../equal';
import type { Hold } from '../schema/hold';
import { lapsedHolds } from './expiry';
import type { FacilityLike } from './freePlaces';
import { overbookingChanges } from './overbooking';

type SettleableHold = Hold & { _deleted?: boolean };

/**
 * What the server writes after any change to a facility or its holds: every hold of this facility still stored
 * as `held` past its expiry becomes `expired`, then every `overbooked` flag is set by the rule of overbooking.ts
 * (computed on the holds as they are after the expiry). Returns the holds whose stored state must change, in their
 * new form; the others are fine as they are. The bookkeeping fields stay: they name the last person's edit, and a
 * computed flag is not one.
 */
export function settleFacilityHolds<H extends SettleableHold>(
  facility: FacilityLike,
  holds: readonly H[],
  now: number,
): H[] {
  const own = holds.filter((h) => h.facilityId === facility.id);
  const lapsed = new Set(lapsedHolds(own, now).map((h) => h.id));
  const current = own.map((h) => (lapsed.has(h.id) ? { ...h, status: 'expired' as const } : h));
  const flags = new Map(overbookingChanges(facility, current, now).map((c) => [c.id, c.overbooked]));
  return current
    .filter((h) => lapsed.has(h.id) || flags.has(h.id))
    .map((h) => (flags.has(h.id) ? { ...h, overbooked: flags.get(h.id)! } : h));
}

/**
 * Whether `stored` is `written` as settling left it: the two differ, and only in what settling writes (the
 * `overbooked` flag, and `status` lapsed to `expired`); bookkeeping and every other field are the writer's. The
 * app asks this after the server accepted `written`, to take the server's settled form as its own (the push answer
 * does not carry it: renderer/src/data/replication.ts).
 */
export function isSettledForm<H extends SettleableHold>(written: H, stored: H): boolean {
  if (jsonEqual(written, stored)) return false;
  if (stored.status !== written.status && stored.status !== 'expired') return false;
  const unsettled = (h: H) => ({ ...h, status: written.status, overbooked: written.overbooked });
  return jsonEqual(unsettled(written), unsettled(stored));
}
