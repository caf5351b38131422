import type { Entry, EntryWire } from '../schema/entry';
import { type Intake, type IntakeWire, reviewStateOf } from '../schema/intake';

/**
 * The purge from the laptop (issue 16, docs/datenschutz/loeschkonzept.md): a record the office has finished with -
 * closed, or handed over to the responsible office - leaves the laptops some days after its last change. It stays
 * on the server and is fetched again when someone opens it online. Nothing the server has not confirmed leaves.
 */
export const LAPTOP_PURGE_DAYS_DEFAULT = 30;
/** What the machine policy may set (`laptopPurgeDays`): at least a day, at most a year. */
export const LAPTOP_PURGE_DAYS_LIMITS = { min: 1, max: 365 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export type LaptopPurgeFacts = {
  now: number;
  days: number;
  /** Ids of local writes the server has not confirmed (pending marks) and of writes it refused and nobody dismissed. */
  unconfirmed: ReadonlySet<string>;
  /** The record's log lines on this laptop. */
  entries: readonly Pick<Entry, 'id'>[];
  /** When the record was last fetched again on this laptop: it then stays for another `days`. */
  fetchedAgainAt?: number;
};

export function laptopPurgeDays(configured: unknown): number {
  const { min, max } = LAPTOP_PURGE_DAYS_LIMITS;
  return typeof configured === 'number' && Number.isInteger(configured) && configured >= min && configured <= max
    ? configured
    : LAPTOP_PURGE_DAYS_DEFAULT;
}

/** Whether this laptop's copy of the record may go now. */
export function laptopPurgeDue(intake: Intake, facts: LaptopPurgeFacts): boolean {
  const state = reviewStateOf(intake);
  if (state !== 'closed' && state !== 'handed_over') return false;
  // Open conflicts wait for a person's decision; the losing values live only in the record.
  if (intake.conflicts.length > 0) return false;
  if (facts.unconfirmed.has(intake.id) || facts.entries.some((e) => facts.unconfirmed.has(e.id))) return false;
  const since = Math.max(intake.updatedAt, intake.review?.handedOverAt ?? 0, facts.fetchedAgainAt ?? 0);
  return facts.now - since >= facts.days * DAY_MS;
}

/**
 * What stays of a purged record in the laptop's store: the tombstone RxDB needs to know the document, with ids,
 * office and times, and none of the content (names, texts, facts, marks).
 */
export function purgedIntake(intake: Intake): Intake {
  return {
    id: intake.id,
    officeId: intake.officeId,
    createdBy: intake.createdBy,
    createdAt: intake.createdAt,
    updatedAt: intake.updatedAt,
    updatedBy: intake.updatedBy,
    receivedAt: intake.receivedAt,
    child: { firstName: '', lastName: '' },
    situation: '',
    status: intake.status,
    conflicts: [],
    ...(intake.review ? { review: { state: intake.review.state } } : {}),
  };
}

export function purgedEntry(entry: Entry): Entry {
  return {
    id: entry.id,
    officeId: entry.officeId,
    intakeId: entry.intakeId,
    kind: entry.kind,
    at: entry.at,
    createdBy: entry.createdBy,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    text: '',
  };
}

/** A record gone from this laptop, as the list names it: no name, no content - when the call came, and its state. */
export type RemovedCopy = { id: string; receivedAt: number; state: 'closed' | 'handed_over'; removedAt: number };

/** A record and its log as the server shows them to the user (GET /api/v1/privacy/laptop-copy/:id). */
export type LaptopCopy = { intake: IntakeWire; entries: EntryWire[] };
