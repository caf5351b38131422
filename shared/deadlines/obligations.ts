/**
 * A record's obligations with their state at a given moment: what the list and the record show as timers.
 */
import {
  ageAssessment,
  ageDecision,
  applyToFamilyCourt,
  appointGuardian,
  asylumApplication,
  type DeadlineFacts,
  DEFAULT_CUSTODIANS_GRACE_MS,
  distributionLimit,
  endFreedomDeprivation,
  explainToChild,
  handoverToAsd,
  healthCheck,
  helpPlan,
  identityCheck,
  informCustodians,
  initialAssessment,
  jointRiskAssessment,
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
  explainToChild: 1 * HOUR,
  endFreedomDeprivation: 6 * HOUR,
  applyToFamilyCourt: 4 * HOUR,
  jointRiskAssessment: 4 * HOUR,
  helpPlan: 4 * HOUR,
  appointGuardian: 4 * HOUR,
  asylumApplication: 4 * HOUR,
  identityCheck: 4 * HOUR,
  initialAssessment: 24 * HOUR,
  healthCheck: 24 * HOUR,
  ageAssessment: 24 * HOUR,
  ageDecision: 4 * HOUR,
  reportToStateOffice: 24 * HOUR,
  distributionLimit: 7 * 24 * HOUR,
  handoverToAsd: 2 * HOUR,
};

export interface DeadlineOptions {
  /** Reminder threshold for "unverzüglich" informing the custodians and the child; default 2 h. */
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
    if (field !== 'ground' && value !== undefined && !Number.isFinite(value)) {
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
  const grace = options.custodiansGraceMs ?? DEFAULT_CUSTODIANS_GRACE_MS;
  return [
    informCustodians(facts, grace),
    explainToChild(facts, grace),
    endFreedomDeprivation(facts),
    applyToFamilyCourt(facts),
    jointRiskAssessment(facts),
    helpPlan(facts),
    appointGuardian(facts),
    asylumApplication(facts),
    identityCheck(facts),
    initialAssessment(facts),
    healthCheck(facts),
    ageAssessment(facts),
    ageDecision(facts),
    reportToStateOffice(facts),
    distributionLimit(facts),
    handoverToAsd(facts),
  ]
    .filter((o): o is Obligation => o !== undefined)
    .map((o) => ({ ...o, status: obligationStatus(o, now, dueSoon[o.kind]) }))
    .sort((a, b) => a.dueAt - b.dueAt);
}
