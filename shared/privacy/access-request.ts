import type { Entry } from '../schema/entry';
import type { Intake } from '../schema/intake';

/**
 * A person's request for information (Art. 15 DSGVO, § 83 SGB X), answered by a supervisor of the office:
 * everything the office stores about the person, found by name and birth date - the records (as the rule on
 * entrusted data lets them out, shared/privacy/entrusted.ts), their logs, to whom they were handed over
 * (recipients, Art. 15 Abs. 1 lit. c) and who read them (the audit). POST /api/v1/privacy/access-request
 * (docs/api.md) answers it as JSON (complete); the app prints it readable as PDF. Producing it is audited.
 */
export type AccessRequest = { firstName: string; lastName: string; birthDate: string };

/** A handover: the office that received the record, when and by whom. */
export type AccessRecipient = { officeId: string; at: number; by: string };

/** One audit row about the record or its log: who did what when, never content. */
export type AccessRead = {
  at: string;
  action: string;
  actor: string | null;
  deviceId: string | null;
  officeId: string | null;
};

export type AccessRecord = {
  /** The record as this answer may show it: entrusted content withheld by rule, marks reduced to a note. */
  intake: Intake;
  log: Entry[];
  /** The record came from another office by handover (its content as that office let it go). */
  received: boolean;
  recipients: AccessRecipient[];
  reads: AccessRead[];
  /** Fields and log lines withheld (§ 65 SGB VIII; § 83 Abs. 4 SGB X, interests of the person who entrusted it). */
  withheld: { fields: string[]; entryIds: string[] };
};

export type AccessAnswer = {
  request: AccessRequest;
  officeId: string;
  producedAt: string;
  producedBy: string;
  records: AccessRecord[];
  /** Records with the same name but no birth date recorded: ids only, to be checked by hand before anything goes out. */
  toCheck: string[];
};

const NAME_MAX = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The request if well formed (names not empty, a real calendar date), else null. */
export function parseAccessRequest(body: unknown): AccessRequest | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { firstName, lastName, birthDate, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) return null;
  const name = (v: unknown) => typeof v === 'string' && v.trim().length > 0 && v.length <= NAME_MAX;
  if (!name(firstName) || !name(lastName) || typeof birthDate !== 'string' || !DATE.test(birthDate)) return null;
  const d = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birthDate) return null;
  return { firstName: (firstName as string).trim(), lastName: (lastName as string).trim(), birthDate };
}

/** Names compare without case, surrounding or repeated spaces, and Unicode form: "anna  müller" finds "Anna Müller". */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
  return norm(a) === norm(b);
}
