import { describe, expect, it } from 'vitest';

import { demoFacilities } from '../demo/facilities';
import type { Facility } from '../schema/facility';
import { mismatchLabel } from './labels';
import { matchFacilities, matchFacility, placesNeeded } from './match';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2025, 10, 24, 1, 51);
const demo = demoFacilities(NOW);
const byId = (id: string) => demo.find((f) => f.id === id) as Facility;
const jsh = byId('jugendschutzhaus-norderstedt'); // 14-17, all sexes, mother-and-child, 3 free
const elmshorn = byId('kinderschutzhaus-elmshorn'); // 0-13, siblings up to 4, 1 free
const oldesloe = byId('kinderhaus-travetal-bad-oldesloe'); // 6-17, male/female, 0 free

const hold = (id: string, facilityId: string, createdAt: number) => ({
  id,
  facilityId,
  status: 'held' as const,
  createdAt,
  expiresAt: createdAt + 4 * HOUR,
});

describe('matching a child to facilities', () => {
  it('fits a 15-year-old girl into the Jugendschutzhaus Norderstedt', () => {
    const m = matchFacility(jsh, [], { ageYears: 15, sex: 'female' }, NOW);
    expect(m).toMatchObject({ fits: true, mismatches: [], stale: false, free: { free: 3 } });
  });

  it('lists every reason a facility does not fit', () => {
    const m = matchFacility(
      { ...oldesloe, specialisations: [], exclusions: ['acute_suicidality'] },
      [],
      {
        ageYears: 4,
        sex: 'diverse',
        siblings: 4,
        motherAndChild: true,
        areas: ['segeberg'],
        specialisations: ['infants'],
        circumstances: ['acute_suicidality'],
      },
      NOW,
    );
    expect(m.fits).toBe(false);
    expect(m.mismatches).toEqual([
      { code: 'too_young', ageMin: 6 },
      { code: 'sex_not_accepted' },
      { code: 'sibling_group_too_large', siblingGroupMax: 3 },
      { code: 'no_mother_and_child' },
      { code: 'other_area' },
      { code: 'missing_specialisation', specialisation: 'infants' },
      { code: 'excluded', exclusion: 'acute_suicidality' },
      { code: 'not_enough_free_places', free: 0, needed: 5 },
    ]);
    expect(m.mismatches.map(mismatchLabel)).toEqual([
      'Aufnahme erst ab 6 Jahren',
      'Nimmt dieses Geschlecht nicht auf',
      'Höchstens 3 Geschwister gemeinsam',
      'Kein Mutter-Kind-Platz',
      'Außerhalb des gewählten Gebiets',
      'Ohne Schwerpunkt: Säuglinge und Kleinkinder',
      'Ausgeschlossen: Akute Suizidalität',
      'Kein freier Platz gemeldet',
    ]);
  });

  it('takes the age range as inclusive completed years', () => {
    expect(matchFacility(jsh, [], { ageYears: 14 }, NOW).fits).toBe(true);
    expect(matchFacility(jsh, [], { ageYears: 17.9 }, NOW).fits).toBe(true);
    expect(matchFacility(jsh, [], { ageYears: 18 }, NOW).mismatches).toEqual([{ code: 'too_old', ageMax: 17 }]);
    expect(matchFacility(jsh, [], { ageYears: 13.9 }, NOW).mismatches).toEqual([{ code: 'too_young', ageMin: 14 }]);
  });

  it('does not filter by sex "ohne Angabe", but needs "divers" to be accepted', () => {
    expect(matchFacility(oldesloe, [], { sex: 'unspecified' }, NOW).mismatches).not.toContainEqual({
      code: 'sex_not_accepted',
    });
    expect(matchFacility(oldesloe, [], { sex: 'diverse' }, NOW).mismatches).toContainEqual({
      code: 'sex_not_accepted',
    });
    expect(matchFacility(jsh, [], { sex: 'diverse' }, NOW).fits).toBe(true);
  });

  it('needs a place per sibling and a facility that takes the group', () => {
    expect(placesNeeded({ siblings: 2 })).toBe(3);
    expect(placesNeeded({ motherAndChild: true })).toBe(1);
    const single = { ...jsh, siblingGroupMax: 1 };
    expect(matchFacility(single, [], { siblings: 1 }, NOW).mismatches).toEqual([{ code: 'no_sibling_groups' }]);
    expect(matchFacility(jsh, [], { siblings: 1 }, NOW).fits).toBe(true);
    expect(matchFacility(elmshorn, [], { ageYears: 5, siblings: 1 }, NOW).mismatches).toEqual([
      { code: 'not_enough_free_places', free: 1, needed: 2 },
    ]);
    expect(mismatchLabel({ code: 'not_enough_free_places', free: 1, needed: 2 })).toBe(
      'Nur 1 freier Platz, benötigt 2',
    );
  });

  it('counts holds made since the report against the free places', () => {
    const holds = [
      hold('a', jsh.id, NOW - 10 * MIN),
      hold('b', jsh.id, NOW - 5 * MIN),
      hold('c', jsh.id, NOW - 4 * MIN),
    ];
    const m = matchFacility(jsh, holds, { ageYears: 15 }, NOW);
    expect(m.free.free).toBe(0);
    expect(m.mismatches).toEqual([{ code: 'not_enough_free_places', free: 0, needed: 1 }]);
  });

  it('matches a mother with her baby only where there is a mother-and-child place', () => {
    const matches = matchFacilities(demo, [], { ageYears: 16, sex: 'female', motherAndChild: true }, NOW);
    expect(matches.filter((m) => m.fits).map((m) => m.facility.id)).toEqual(['jugendschutzhaus-norderstedt']);
  });

  it('filters by area', () => {
    const matches = matchFacilities(demo, [], { areas: ['stormarn', 'pinneberg'] }, NOW);
    expect(
      matches
        .filter((m) => m.fits)
        .map((m) => m.facility.area)
        .sort(),
    ).toEqual(['pinneberg', 'pinneberg', 'stormarn']);
  });

  it('orders fitting before not fitting, fresh before stale, more free places first, then by name', () => {
    const matches = matchFacilities(demo, [], { ageYears: 8 }, NOW);
    expect(matches.map((m) => [m.facility.id, m.fits, m.stale, m.free.free])).toEqual([
      ['bereitschaftspflege-stormarn-1', true, false, 2],
      ['bereitschaftspflege-pinneberg-1', true, false, 1],
      ['bereitschaftspflege-segeberg-1', true, false, 1],
      ['kinderschutzhaus-elmshorn', true, false, 1],
      ['bereitschaftspflege-herzogtum-lauenburg-1', true, true, 1],
      ['jugendschutzhaus-norderstedt', false, false, 3],
      ['kinderhaus-travetal-bad-oldesloe', false, false, 0],
    ]);
  });

  it('marks a report stale by the given threshold', () => {
    expect(matchFacility(jsh, [], {}, NOW, { staleAfterMs: 30 * MIN }).stale).toBe(true);
    expect(matchFacility(jsh, [], {}, NOW).stale).toBe(false);
  });

  it('shows every facility for an empty search', () => {
    const matches = matchFacilities(demo, [], {}, NOW);
    expect(matches).toHaveLength(demo.length);
    // Only the full one does not fit: no criterion excludes anything.
    expect(matches.filter((m) => !m.fits).map((m) => m.facility.id)).toEqual(['kinderhaus-travetal-bad-oldesloe']);
  });
});
