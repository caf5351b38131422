import { type Actor, offeredSteps, type Step, stepDenial } from '../../../../shared/rules/intake';
import type { Intake } from '../../../../shared/schema/intake';

/**
 * The review steps the record page offers: exactly those the server accepts from this user on the record as it is
 * (the rule book decides for both: shared/rules/intake.ts). Countersigning is also shown, disabled with its reason,
 * where only the Vier-Augen-Prinzip or open conflicts stand in the way: the supervisor sees why, and what to do.
 */
export type ReviewActions = {
  /** Opening a new record takes it into review. */
  startReview: boolean;
  countersign: boolean;
  /** Why countersigning is shown but not possible, if that is the case. */
  countersignBlocked: 'four_eyes' | 'conflicts_open' | null;
  giveBack: boolean;
  handOver: boolean;
  close: boolean;
};

export function reviewActions(user: Actor, intake: Intake, at: number): ReviewActions {
  const offered = new Set<Step>(offeredSteps(user, intake, at));
  const signDenial = offered.has('countersign') ? null : stepDenial(user, intake, 'countersign', { at });
  return {
    startReview: offered.has('start_review'),
    countersign: offered.has('countersign'),
    countersignBlocked: signDenial === 'four_eyes' || signDenial === 'conflicts_open' ? signDenial : null,
    giveBack: offered.has('return'),
    handOver: offered.has('hand_over'),
    close: offered.has('close'),
  };
}
