import { describe, expect, it } from 'vitest';

import { demoFacilities } from '../demo/facilities';
import { facilityProblems } from '../schema/facility';
import type { Hold, HoldRoom, HoldStatus } from '../schema/hold';
import { freePlaces } from './freePlaces';
import { matchFacility } from './match';
import { overbookedHoldIds } from './overbooking';
import { roomOf } from './rooms';
import { settleFacilityHolds } from './settle';

const HOUR = 3_600_000;
const MIN = 60_000;
const REPORT = Date.UTC(2025, 10, 24, 0, 0);
const NOW = REPORT + 2 * HOUR;

/** A house like the Jugendschutzhaus Norderstedt: ordinary places and a mother-and-child room, each reported. */
const house = (free: number, roomFree?: number, roomPlaces = 1) => ({
  id: 'jsh',
  totalPlaces: 14,
  freeReports: [{ id: 'r1', free, reportedAt: REPORT, reportedBy: 'k' }],
  motherChildPlaces: roomPlaces,
  motherChildFreeReports:
    roomFree === undefined ? [] : [{ id: 'm1', free: roomFree, reportedAt: REPORT, reportedBy: 'k' }],
});
const hold = (id: string, createdAt: number, room?: HoldRoom, status: HoldStatus = 'held') => ({
  id,
  facilityId: 'jsh',
  status,
  createdAt,
  expiresAt: createdAt + 4 * HOUR,
  ...(room ? { room } : {}),
});

describe('the mother-and-child room is counted on its own', () => {
  it('a hold without a room takes an ordinary place, as every hold before the room existed', () => {
    expect(roomOf({})).toBe('ordinary');
    expect(roomOf({ room: 'mother_child' })).toBe('mother_child');
  });

  it('a mother-and-child hold takes the room, never an ordinary place', () => {
    const holds = [hold('mother', REPORT + MIN, 'mother_child')];
    expect(freePlaces(house(3, 1), holds, NOW)).toMatchObject({ room: 'ordinary', capacity: 14, free: 3 });
    expect(freePlaces(house(3, 1), holds, NOW, 'mother_child')).toMatchObject({
      room: 'mother_child',
      capacity: 1,
      free: 0,
      overbooked: false,
    });
  });

  it('an ordinary hold never takes the room', () => {
    const holds = [hold('a', REPORT + MIN), hold('b', REPORT + 2 * MIN)];
    expect(freePlaces(house(3, 1), holds, NOW).free).toBe(1);
    expect(freePlaces(house(3, 1), holds, NOW, 'mother_child').free).toBe(1);
  });

  it('over-books the room, not the ordinary places: two mothers for the one room are both flagged', () => {
    const holds = [
      hold('ordinary', REPORT + MIN),
      hold('mother-1', REPORT + 2 * MIN, 'mother_child'),
      hold('mother-2', REPORT + 3 * MIN, 'mother_child'),
    ];
    expect(overbookedHoldIds(house(3, 1), holds, NOW)).toEqual(['mother-1', 'mother-2']);
    expect(freePlaces(house(3, 1), holds, NOW, 'mother_child')).toMatchObject({ free: -1, overbooked: true });
    expect(freePlaces(house(3, 1), holds, NOW)).toMatchObject({ free: 2, overbooked: false });
  });

  it('over-books the ordinary places, not the room: the room stays free', () => {
    const holds = [
      hold('a', REPORT + MIN),
      hold('b', REPORT + 2 * MIN),
      hold('mother', REPORT + 3 * MIN, 'mother_child'),
    ];
    expect(overbookedHoldIds(house(1, 1), holds, NOW)).toEqual(['a', 'b']);
    expect(freePlaces(house(1, 1), holds, NOW, 'mother_child').free).toBe(0);
  });

  it("goes by the room's own report: a room reported full over-books a mother's hold while ordinary places are free", () => {
    const holds = [hold('mother', REPORT + MIN, 'mother_child')];
    expect(overbookedHoldIds(house(5, 0), holds, NOW)).toEqual(['mother']);
    expect(overbookedHoldIds(house(5, 1), holds, NOW)).toEqual([]);
  });

  it('without a report on the room counts its places less the placements taking it, admissions included', () => {
    const admitted = { ...hold('earlier', REPORT - 5 * HOUR, 'mother_child', 'occupied'), admittedAt: REPORT - HOUR };
    expect(freePlaces(house(3, undefined, 2), [], NOW, 'mother_child')).toMatchObject({ capacity: 2, free: 2 });
    expect(freePlaces(house(3, undefined, 2), [admitted], NOW, 'mother_child').free).toBe(1);
    expect(
      freePlaces(house(3, undefined, 2), [admitted, hold('new', NOW - MIN, 'mother_child')], NOW, 'mother_child').free,
    ).toBe(0);
    // The ordinary report counted the admission as a bed of its own, which it is not: the ordinary places keep 3.
    expect(freePlaces(house(3, undefined, 2), [admitted], NOW).free).toBe(3);
  });

  it('flags a mother-and-child hold at a facility without a room: there is no place for it', () => {
    expect(overbookedHoldIds(house(3, undefined, 0), [hold('mother', REPORT + MIN, 'mother_child')], NOW)).toEqual([
      'mother',
    ]);
  });

  it("is the server's settling too: the room's holds get their flags, the ordinary ones keep none", () => {
    const stored = (h: ReturnType<typeof hold>) => ({ ...h, overbooked: false }) as unknown as Hold;
    const holds = [
      stored(hold('ordinary', REPORT + MIN)),
      stored(hold('mother-1', REPORT + 2 * MIN, 'mother_child')),
      stored(hold('mother-2', REPORT + 3 * MIN, 'mother_child')),
    ];
    expect(settleFacilityHolds(house(3, 1), holds, NOW).map((h) => [h.id, h.overbooked])).toEqual([
      ['mother-1', true],
      ['mother-2', true],
    ]);
  });
});

describe('matching a mother with her child', () => {
  const jsh = demoFacilities(NOW).find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
  const reported = jsh.freeReports[0].reportedAt;

  it("uses the room's free count: the room taken, the house does not fit a mother though ordinary places are free", () => {
    const mother = hold('mother', reported + MIN, 'mother_child');
    const search = { ageYears: 16, sex: 'female' as const, motherAndChild: true };
    expect(matchFacility(jsh, [], search, NOW)).toMatchObject({ fits: true, room: 'mother_child' });
    const taken = matchFacility(jsh, [{ ...mother, facilityId: jsh.id }], search, NOW);
    expect(taken.fits).toBe(false);
    expect(taken.mismatches).toEqual([{ code: 'not_enough_free_places', free: 0, needed: 1 }]);
    expect(taken.free.free).toBe(freePlaces(jsh, [], NOW).free);
    // A child alone still finds the house's ordinary places.
    expect(matchFacility(jsh, [{ ...mother, facilityId: jsh.id }], { ageYears: 16 }, NOW)).toMatchObject({
      fits: true,
      room: 'ordinary',
    });
  });

  it("shows the room's count beside the ordinary places, and none for a house without a room", () => {
    expect(matchFacility(jsh, [], {}, NOW).motherChildRoom).toMatchObject({ capacity: 1, free: 1 });
    const elmshorn = demoFacilities(NOW).find((f) => f.id === 'kinderschutzhaus-elmshorn')!;
    expect(matchFacility(elmshorn, [], {}, NOW).motherChildRoom).toBeUndefined();
  });
});

describe("the room's reports", () => {
  it('may not report more free places in the room than it has', () => {
    const base = { ageMin: 14, ageMax: 17, totalPlaces: 14, freeReports: house(3).freeReports };
    expect(
      facilityProblems({ ...base, motherChildPlaces: 1, motherChildFreeReports: house(3, 2).motherChildFreeReports }),
    ).toEqual(['mother_child_free_exceeds_total']);
    expect(
      facilityProblems({ ...base, motherChildPlaces: 2, motherChildFreeReports: house(3, 2).motherChildFreeReports }),
    ).toEqual([]);
  });
});
