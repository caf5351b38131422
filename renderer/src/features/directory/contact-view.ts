import { rosterState } from '../../../../shared/contacts/roster';
import { de } from '../../../../shared/i18n';
import type { Contact } from '../../../../shared/schema/contact';

const t = de.contacts;

/** "rund um die Uhr", "werktags 08:00–20:00". */
export function availabilityLabel(contact: Pick<Contact, 'availability'>): string {
  const { kind, from, to } = contact.availability;
  return kind === 'weekdays' && from && to ? `${t.availability.weekdays} ${from}–${to}` : t.availability[kind];
}

export function ownerLabel(owner: string): string {
  return t.owners[owner] ?? de.offices[owner as keyof typeof de.offices] ?? owner;
}

/** A phone number as a tel: link target: digits and a leading plus only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** The roster's word for an entry at `at`, or null for a standing number. */
export function rosterLabel(contact: Pick<Contact, 'validFrom' | 'validTo'>, at: number): string | null {
  const state = rosterState(contact, at);
  if (state === 'current') return t.search.tonight;
  if (state === 'past') return t.search.rosterEnded;
  if (state === 'future') return t.search.rosterNotYet;
  return null;
}

/** The log line of a call, at the Berlin wall-clock time of `at`. */
export function callLine(contact: Pick<Contact, 'name' | 'category'>, number: string, at: number): string {
  const time = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return t.callLine(contact.name, t.categories[contact.category], time, number);
}
