import type { OfficeId } from '../../../../shared/offices';
import { effectiveHoldStatus, isActiveHold } from '../../../../shared/placement/expiry';
import { type FacilityMatch, matchFacilities, type PlacementCriteria } from '../../../../shared/placement/match';
import { OFFICE_DUTY_PHONES } from '../../../../shared/placement/officeContacts';
import type { Facility } from '../../../../shared/schema/facility';
import type { Hold, HoldStatus } from '../../../../shared/schema/hold';
import type { Refused } from '../../data/rejections';

export type BoardCriteria = PlacementCriteria & { onlyFitting: boolean };
export const NO_CRITERIA: BoardCriteria = { onlyFitting: false };

export type HoldView = {
  hold: Hold;
  /** The status at this moment (a lapsed hold reads as expired before anyone wrote it). */
  status: HoldStatus;
  /** Made on this device and not yet accepted by the server: "vorläufig – noch nicht bestätigt". */
  provisional: boolean;
  /** Flagged by the server (placement/overbooking.ts). */
  overbooked: boolean;
  /** The server refused it (its reason): it holds nothing, whatever this device stores. */
  rejection?: string;
};

export type OfficeContact = { officeId: OfficeId; phone: string };

export type BoardCard = {
  match: FacilityMatch<Facility>;
  /** The viewer's office's holds that take a place here. */
  ownHolds: HoldView[];
  /** Places taken here by holds of other offices (counted, not shown: they are not the viewer's business). */
  othersActive: number;
  /**
   * Offices to call because their holds collide with the viewer's here: set when one of the viewer's own holds
   * is flagged over-booked, or for every flagged hold when the viewer oversees the Verbund (coordinator).
   */
  collidesWith: OfficeContact[];
};

export type BoardViewer = {
  officeId: string;
  /** Ids of local writes the server has not confirmed (SyncStatus.pendingIds). */
  pendingIds: ReadonlySet<string>;
  /**
   * Refused writes to placements by id: the server's reason, and what the server holds of the placement
   * (rejections.ts, refusedDocuments$).
   */
  rejections?: ReadonlyMap<string, Refused<Hold>>;
  /** The coordinator sees every collision with every office's number. */
  overseesVerbund: boolean;
};

/**
 * The board as shown: every facility matched against the search (best first, see placement/match.ts), with the
 * viewer's holds and, where holds collide, whom to call. Pure, so that it is tested without a browser and the
 * benchmark can time it alone.
 */
export function boardCards(
  facilities: readonly Facility[],
  holds: readonly Hold[],
  criteria: BoardCriteria,
  now: number,
  viewer: BoardViewer,
): BoardCard[] {
  const rejections = viewer.rejections ?? new Map<string, Refused<Hold>>();
  // A refused write changed nothing on the server: places are counted by what the server holds of the placement
  // (nothing, for a refused new one), whatever this device stores. The office still sees its own as written, with
  // the reason.
  const counted = rejections.size
    ? holds.flatMap((h) => {
        const refused = rejections.get(h.id);
        if (!refused) return [h];
        return refused.serverState ? [refused.serverState] : [];
      })
    : holds;
  const matches = matchFacilities(facilities, counted, criteria, now).filter((m) => m.fits || !criteria.onlyFitting);
  const shown = activeByFacility(holds, now);
  const taking = rejections.size ? activeByFacility(counted, now) : shown;
  return matches.map((match) => {
    const here = taking.get(match.facility.id) ?? [];
    const own = (shown.get(match.facility.id) ?? []).filter((h) => h.officeId === viewer.officeId);
    const ownHolds = own
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
      .map((hold) => ({
        hold,
        status: effectiveHoldStatus(hold, now),
        provisional: viewer.pendingIds.has(hold.id),
        overbooked: hold.overbooked,
        ...(rejections.has(hold.id) ? { rejection: rejections.get(hold.id)!.reason } : {}),
      }));
    const flagged = here.filter((h) => h.overbooked);
    const toCall = viewer.overseesVerbund
      ? flagged
      : own.some((h) => h.overbooked)
        ? flagged.filter((h) => h.officeId !== viewer.officeId)
        : [];
    const collidesWith = [...new Set(toCall.map((h) => h.officeId))]
      .sort()
      .map((officeId) => ({ officeId, phone: OFFICE_DUTY_PHONES[officeId] }));
    const othersActive = here.filter((h) => h.officeId !== viewer.officeId).length;
    return { match, ownHolds, othersActive, collidesWith };
  });
}

/** The holds that take a place now, by facility. */
function activeByFacility(holds: readonly Hold[], now: number): Map<string, Hold[]> {
  const active = new Map<string, Hold[]>();
  for (const h of holds) {
    if (!isActiveHold(h, now)) continue;
    const list = active.get(h.facilityId);
    if (list) list.push(h);
    else active.set(h.facilityId, [h]);
  }
  return active;
}
