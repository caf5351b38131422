import type { SEXES } from '../catalogues/nightRecord';
import type { Exclusion, Facility, FacilityArea, Specialisation } from '../schema/facility';
import type { HoldRoom } from '../schema/hold';
import { type FreePlaces, freePlaces, type HoldLike } from './freePlaces';
import { hasMotherChildRoom } from './rooms';
import { isReportStale, STALE_AFTER_MS } from './staleness';

/**
 * What the on-call worker knows about the child while searching a place. Every criterion is optional: an empty
 * search shows every facility. Nothing here is stored: it lives in the search form only.
 */
export type PlacementCriteria = {
  /** Completed years (estimated if need be). For a mother-and-child place: the mother's age. */
  ageYears?: number;
  /** 'unspecified' (ohne Angabe) does not filter; 'diverse' needs a facility that accepts it. */
  sex?: (typeof SEXES)[number];
  /** Siblings to be placed together with the child (0 = the child alone). */
  siblings?: number;
  motherAndChild?: boolean;
  /** Any of these areas; empty or missing = the whole Verbund and beyond. */
  areas?: readonly FacilityArea[];
  /** The facility must offer all of these. */
  specialisations?: readonly Specialisation[];
  /** Circumstances of the child; a facility excluding one of them does not fit. */
  circumstances?: readonly Exclusion[];
};

/** Why a facility does not fit, with what the worker needs to see in the label. */
export type Mismatch =
  | { code: 'too_young'; ageMin: number }
  | { code: 'too_old'; ageMax: number }
  | { code: 'sex_not_accepted' }
  | { code: 'no_sibling_groups' }
  | { code: 'sibling_group_too_large'; siblingGroupMax: number }
  | { code: 'no_mother_and_child' }
  | { code: 'other_area' }
  | { code: 'missing_specialisation'; specialisation: Specialisation }
  | { code: 'excluded'; exclusion: Exclusion }
  | { code: 'not_enough_free_places'; free: number; needed: number };
export type MismatchCode = Mismatch['code'];

export type MatchableFacility = Pick<
  Facility,
  | 'id'
  | 'name'
  | 'area'
  | 'ageMin'
  | 'ageMax'
  | 'sexes'
  | 'motherChildPlaces'
  | 'motherChildFreeReports'
  | 'siblingGroupMax'
  | 'specialisations'
  | 'exclusions'
  | 'freeReports'
  | 'totalPlaces'
>;

export type FacilityMatch<F extends MatchableFacility> = {
  facility: F;
  /** The ordinary places (`totalPlaces`). */
  free: FreePlaces;
  /** The mother-and-child room, counted on its own; absent when the facility has none. */
  motherChildRoom?: FreePlaces;
  /** The room the search takes a place in: the mother-and-child room for a mother with her child. */
  room: HoldRoom;
  /** The free places of that room: what the fit, the order and "Platz halten" go by. */
  searched: FreePlaces;
  /** The free-places report is older than the threshold: call before relying on the number. */
  stale: boolean;
  mismatches: Mismatch[];
  fits: boolean;
};

export type MatchOptions = { staleAfterMs?: number };

/**
 * Places the child needs: one per child of the sibling group. A mother with her baby takes one, in the
 * mother-and-child room (roomSearched).
 */
export function placesNeeded(criteria: PlacementCriteria): number {
  return 1 + Math.max(0, criteria.siblings ?? 0);
}

/** The room a search takes a place in: the mother-and-child room for a mother with her child, else an ordinary place. */
export function roomSearched(criteria: PlacementCriteria): HoldRoom {
  return criteria.motherAndChild ? 'mother_child' : 'ordinary';
}

/** Does this facility fit the child, and if not, every reason why. `holds` may hold other facilities' holds. */
export function matchFacility<F extends MatchableFacility>(
  facility: F,
  holds: readonly HoldLike[],
  criteria: PlacementCriteria,
  now: number,
  options: MatchOptions = {},
): FacilityMatch<F> {
  const free = freePlaces(facility, holds, now);
  const motherChildRoom = hasMotherChildRoom(facility) ? freePlaces(facility, holds, now, 'mother_child') : undefined;
  const room = roomSearched(criteria);
  const searched = room === 'mother_child' ? (motherChildRoom ?? freePlaces(facility, holds, now, room)) : free;
  const mismatches: Mismatch[] = [];
  const { ageYears, sex, siblings = 0, areas, specialisations = [], circumstances = [] } = criteria;

  if (ageYears !== undefined && ageYears < facility.ageMin)
    mismatches.push({ code: 'too_young', ageMin: facility.ageMin });
  // ageMax is inclusive in completed years: a 17-year-old fits "14-17" until the 18th birthday.
  if (ageYears !== undefined && Math.floor(ageYears) > facility.ageMax) {
    mismatches.push({ code: 'too_old', ageMax: facility.ageMax });
  }
  if (sex !== undefined && sex !== 'unspecified' && !(facility.sexes as readonly string[]).includes(sex)) {
    mismatches.push({ code: 'sex_not_accepted' });
  }
  if (siblings > 0 && facility.siblingGroupMax === 1) mismatches.push({ code: 'no_sibling_groups' });
  else if (siblings + 1 > facility.siblingGroupMax) {
    mismatches.push({ code: 'sibling_group_too_large', siblingGroupMax: facility.siblingGroupMax });
  }
  if (criteria.motherAndChild && !motherChildRoom) mismatches.push({ code: 'no_mother_and_child' });
  if (areas && areas.length > 0 && !areas.includes(facility.area)) mismatches.push({ code: 'other_area' });
  for (const specialisation of specialisations) {
    if (!facility.specialisations.includes(specialisation))
      mismatches.push({ code: 'missing_specialisation', specialisation });
  }
  for (const exclusion of circumstances) {
    if (facility.exclusions.includes(exclusion)) mismatches.push({ code: 'excluded', exclusion });
  }
  const needed = placesNeeded(criteria);
  if (searched.free < needed) mismatches.push({ code: 'not_enough_free_places', free: searched.free, needed });

  const stale = isReportStale(searched.reportedAt, now, options.staleAfterMs ?? STALE_AFTER_MS);
  return {
    facility,
    free,
    ...(motherChildRoom ? { motherChildRoom } : {}),
    room,
    searched,
    stale,
    mismatches,
    fits: mismatches.length === 0,
  };
}

/**
 * Every facility with its match, best first: fitting before not fitting, a fresh report before a stale one,
 * more free places first, then by name (German order) and id, so the order is stable between renders.
 * Holds are grouped by facility once, so the board stays fast with thousands of holds.
 */
export function matchFacilities<F extends MatchableFacility>(
  facilities: readonly F[],
  holds: readonly HoldLike[],
  criteria: PlacementCriteria,
  now: number,
  options: MatchOptions = {},
): FacilityMatch<F>[] {
  const byFacility = new Map<string, HoldLike[]>();
  for (const h of holds) {
    const list = byFacility.get(h.facilityId);
    if (list) list.push(h);
    else byFacility.set(h.facilityId, [h]);
  }
  return facilities
    .map((f) => matchFacility(f, byFacility.get(f.id) ?? [], criteria, now, options))
    .sort(
      (a, b) =>
        Number(b.fits) - Number(a.fits) ||
        Number(a.stale) - Number(b.stale) ||
        b.searched.free - a.searched.free ||
        collator.compare(a.facility.name, b.facility.name) ||
        (a.facility.id < b.facility.id ? -1 : a.facility.id > b.facility.id ? 1 : 0),
    );
}

const collator = new Intl.Collator('de');
