import { placement } from '../i18n/de/placement';
import type { Mismatch } from './match';

/** The German sentence for one reason a facility does not fit. */
export function mismatchLabel(m: Mismatch): string {
  const l = placement.mismatches;
  switch (m.code) {
    case 'too_young':
      return l.too_young(m.ageMin);
    case 'too_old':
      return l.too_old(m.ageMax);
    case 'sibling_group_too_large':
      return l.sibling_group_too_large(m.siblingGroupMax);
    case 'missing_specialisation':
      return l.missing_specialisation(placement.specialisations[m.specialisation]);
    case 'excluded':
      return l.excluded(placement.exclusions[m.exclusion]);
    case 'not_enough_free_places':
      return l.not_enough_free_places(m.free, m.needed);
    default:
      return l[m.code]();
  }
}
