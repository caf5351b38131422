import { describe, expect, it } from 'vitest';

import { de } from '../i18n';
import { mismatchLabel } from './labels';

describe('placement labels in the catalogue', () => {
  it('is wired into the one catalogue', () => {
    expect(de.placement.facilityTypes.bereitschaftspflege).toBe('Bereitschaftspflegefamilie');
    expect(de.placement.areas.norderstedt).toBe('Stadt Norderstedt');
  });

  it('says free places, and over-booking as such', () => {
    expect(de.placement.freePlaces(3)).toBe('3 Plätze frei');
    expect(de.placement.freePlaces(1)).toBe('1 Platz frei');
    expect(de.placement.freePlaces(0)).toBe('0 Plätze frei');
    expect(de.placement.freePlaces(-1)).toBe('1 Platz überbucht');
    expect(de.placement.freePlaces(-2)).toBe('2 Plätze überbucht');
  });

  it.each([
    [{ code: 'too_old', ageMax: 13 } as const, 'Aufnahme nur bis 13 Jahre'],
    [{ code: 'no_sibling_groups' } as const, 'Nimmt keine Geschwister gemeinsam auf'],
    [{ code: 'not_enough_free_places', free: 2, needed: 3 } as const, 'Nur 2 freie Plätze, benötigt 3'],
    [{ code: 'not_enough_free_places', free: -1, needed: 1 } as const, 'Kein freier Platz gemeldet'],
  ])('words %j as "%s"', (m, label) => {
    expect(mismatchLabel(m)).toBe(label);
  });
});
