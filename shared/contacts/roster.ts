import { addDays, berlinDay, berlinTime, weekday } from '../deadlines/calendar';
import { isWorkingDay } from '../deadlines/holidays';
import type { Contact } from '../schema/contact';

/**
 * A roster entry (with validFrom/validTo) names who is on duty for a period; an entry without them is a standing
 * number. "Who is on call tonight" is the roster entry whose period holds the moment, so that last week's
 * Hintergrunddienst never answers this week's call.
 */
export type RosterState = 'standing' | 'current' | 'past' | 'future';

export function rosterState(contact: Pick<Contact, 'validFrom' | 'validTo'>, at: number): RosterState {
  if (contact.validFrom === undefined || contact.validTo === undefined) return 'standing';
  if (at < contact.validFrom) return 'future';
  return at < contact.validTo ? 'current' : 'past';
}

/** Entries that count at `at`: standing ones and current roster entries (past and future ones are hidden). */
export function inForce<C extends Pick<Contact, 'validFrom' | 'validTo'>>(list: readonly C[], at: number): C[] {
  return list.filter((c) => {
    const state = rosterState(c, at);
    return state === 'standing' || state === 'current';
  });
}

/**
 * Start of the on-call week (Dienstwoche) that holds `at`: Friday 12:00 in Berlin (domain.md). Rosters are kept
 * per Dienstwoche.
 */
export function dutyWeekStart(at: number): number {
  let day = berlinDay(at);
  while (weekday(day) !== 5 || berlinTime(day, 12) > at) day = addDays(day, -1);
  return berlinTime(day, 12);
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** Does the service answer at `at` (Berlin wall clock)? Office hours for "nights": working days 08:30-16:00. */
export function answersAt(availability: Contact['availability'], at: number): boolean {
  if (availability.kind === 'always') return true;
  const day = berlinDay(at);
  const minutes = Math.round((at - berlinTime(day, 0)) / 60_000);
  const working = isWorkingDay(day);
  if (availability.kind === 'nights') return !working || minutes < 8 * 60 + 30 || minutes >= 16 * 60;
  if (!working || availability.from === undefined || availability.to === undefined) return false;
  return minutes >= minutesOf(availability.from) && minutes < minutesOf(availability.to);
}
