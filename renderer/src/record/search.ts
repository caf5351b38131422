import type { Intake, IntakeStatus } from '../../../shared/schema/intake';
import { berlinToday, fromBerlinInput } from '../app/berlin-time';
import type { IntakeFilter } from '../data/intakes';
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

/** The status and call days of the search as the store answers them: Berlin day bounds in ms, `to` exclusive. */
export function filterOf(search: IntakeSearch): IntakeFilter {
  const filter: IntakeFilter = {};
  if (search.status) filter.status = search.status;
  const from = fromBerlinInput(`${search.from}T00:00`);
  if (from !== null) filter.from = from;
  const to = search.to && fromBerlinInput(`${nextDay(search.to)}T00:00`);
  if (typeof to === 'number') filter.to = to;
  return filter;
}

/** The day after a yyyy-mm-dd date. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
