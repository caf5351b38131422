/**
 * A record's obligations with their state at a given moment: what the list and the record show as timers.
 */
import {
  applyToFamilyCourt,
  type DeadlineFacts,
  DEFAULT_CUSTODIANS_GRACE_MS,
  distributionLimit,
  endFreedomDeprivation,
  handoverToAsd,
  informCustodians,
  type Obligation,
  type ObligationKind,
  reportToStateOffice,
} from './rules';

export const OBLIGATION_STATUSES = ['open', 'dueSoon', 'overdue', 'done'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export interface ObligationWithStatus extends Obligation {
  status: ObligationStatus;
}

const HOUR = 3_600_000;

/** How long before its due time an open obligation counts as "due soon"; scaled to how long each deadline runs. */
export const DEFAULT_DUE_SOON_MS: Record<ObligationKind, number> = {
  informCustodians: 1 * HOUR,
  endFreedomDeprivation: 6 * HOUR,
  reportToStateOffice: 24 * HOUR,
  distributionLimit: 7 * 24 * HOUR,
  handoverToAsd: 2 * HOUR,
  applyToFamilyCourt: 4 * HOUR,
};

export interface DeadlineOptions {
  /** Reminder threshold for "unverzüglich" informing the custodians; default 2 h. */
  custodiansGraceMs?: number;
  /** Overrides of {@link DEFAULT_DUE_SOON_MS} per kind. */
  dueSoonMs?: Partial<Record<ObligationKind, number>>;
}

/** Done once done (even late); overdue once past due; due soon within the window before; open before that. */
export function obligationStatus(obligation: Obligation, now: number, dueSoonMs: number): ObligationStatus {
  if (obligation.doneAt !== undefined) return 'done';
  if (now > obligation.dueAt) return 'overdue';
  if (now >= obligation.dueAt - dueSoonMs) return 'dueSoon';
  return 'open';
}

function checkFacts(facts: DeadlineFacts): void {
  for (const [field, value] of Object.entries(facts)) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new RangeError(`deadline fact ${field} must be a finite timestamp in ms, got ${String(value)}`);
    }
  }
}

/** Every obligation that applies to the record, earliest due first. */
export function obligationsOf(
  facts: DeadlineFacts,
  now: number,
  options: DeadlineOptions = {},
): ObligationWithStatus[] {
  checkFacts(facts);
  const dueSoon = { ...DEFAULT_DUE_SOON_MS, ...options.dueSoonMs };
  return [
    informCustodians(facts, options.custodiansGraceMs ?? DEFAULT_CUSTODIANS_GRACE_MS),
    endFreedomDeprivation(facts),
    applyToFamilyCourt(facts),
    reportToStateOffice(facts),
    distributionLimit(facts),
    handoverToAsd(facts),
  ]
    .filter((o): o is Obligation => o !== undefined)
    .map((o) => ({ ...o, status: obligationStatus(o, now, dueSoon[o.kind]) }))
    .sort((a, b) => a.dueAt - b.dueAt);
}
