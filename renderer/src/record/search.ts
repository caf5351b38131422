import type { Intake, IntakeStatus } from '../../../shared/schema/intake';
import { berlinToday } from '../app/berlin-time';
import { foldName as fold } from '../data/name-index';

/** The list's search: part of a name, a range of call dates (Berlin days, yyyy-mm-dd) and the status. */
export type IntakeSearch = { name: string; from: string; to: string; status: IntakeStatus | '' };
export const EMPTY_SEARCH: IntakeSearch = { name: '', from: '', to: '', status: '' };

/**
 * Names are encrypted at rest, so the search runs over the decrypted records of the own office in memory (an
 * office holds hundreds, not millions). Every word typed must occur in the first or last name; umlauts and case
 * do not matter ("muller" finds "Müller").
 */
export function matches(intake: Intake, search: IntakeSearch): boolean {
  if (search.status && intake.status !== search.status) return false;
  const day = berlinToday(intake.receivedAt);
  if (search.from && day < search.from) return false;
  if (search.to && day > search.to) return false;
  const name = fold(`${intake.child.firstName} ${intake.child.lastName}`);
  return fold(search.name)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => name.includes(word));
}
