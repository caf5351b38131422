import { type DeadlineFacts, type DeadlineOptions, obligationsOf, type ObligationWithStatus } from '../deadlines';
import type { Intake } from '../schema/intake';

/**
 * The night record mapped onto the facts the deadline rules read (shared/deadlines/rules.ts). The obligations are
 * derived, never stored: an obligation is done once the record holds the fact that completes it, so it cannot
 * disagree with the record, and a merge of two edits yields the obligations of the merged record.
 */
export type DeadlineSource = Partial<
  Pick<Intake, 'decision' | 'custodians' | 'freedomDeprivation' | 'court' | 'provisional' | 'handover' | 'end'>
>;

const earliest = (values: (number | undefined)[]) => {
  const present = values.filter((v): v is number => v !== undefined);
  return present.length ? Math.min(...present) : undefined;
};

export function deadlineFactsOf(intake: DeadlineSource): DeadlineFacts {
  const decision = intake.decision ?? {};
  const custodians = intake.custodians ?? [];
  const provisional = decision.ground === '42a';
  const decidedAt = decision.decidedAt ?? decision.startAt;
  const facts: DeadlineFacts = {
    // §42a: custodians are informed only where there are known ones (rules.ts, informCustodians: doubt noted).
    decisionAt: provisional && custodians.length === 0 ? undefined : decidedAt,
    custodiansInformedAt: earliest(custodians.map((c) => c.informedAt)),
    freedomDeprivationStartAt: intake.freedomDeprivation?.startAt,
    freedomDeprivationEndAt: intake.freedomDeprivation?.endAt,
    courtDecisionAt: intake.freedomDeprivation?.courtDecisionAt,
    // An objection without its time counts from the earliest moment it can have been made, so the deadline shows.
    objectionAt: earliest(custodians.filter((c) => c.objection).map((c) => c.objectionAt ?? c.informedAt ?? decidedAt)),
    courtApplicationAt: intake.court?.applicationAt,
    returnedToCustodiansAt: intake.end?.reason === 'return_to_custodians' ? intake.end.endedAt : undefined,
    provisionalIntakeAt: provisional ? (intake.provisional?.startAt ?? decision.startAt ?? decidedAt) : undefined,
    stateOfficeReportedAt: provisional ? intake.provisional?.stateOfficeReportedAt : undefined,
    distributionDecidedAt: provisional ? intake.provisional?.distributionDecidedAt : undefined,
    handedOverAt: intake.handover?.handedOverAt,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined));
}

/** The record's obligations at `now`, earliest due first. */
export function obligationsOfIntake(
  intake: DeadlineSource,
  now: number,
  options?: DeadlineOptions,
): ObligationWithStatus[] {
  return obligationsOf(deadlineFactsOf(intake), now, options);
}

/** How many of the record's obligations are overdue at `now` (the list's marker). */
export function overdueCount(intake: DeadlineSource, now: number): number {
  return obligationsOfIntake(intake, now).filter((o) => o.status === 'overdue').length;
}
