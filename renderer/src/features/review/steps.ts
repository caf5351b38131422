import type { Intake } from '../../../../shared/schema/intake';

/**
 * The supervisor's queue: submitted records of the own office, newest call first. The review's steps themselves
 * (who may take which, and the record each writes) are the rule book's: shared/rules/intake.ts.
 */
export function reviewQueue(intakes: readonly Intake[]): Intake[] {
  return intakes
    .filter((i) => i.status === 'submitted')
    .sort((a, b) => b.receivedAt - a.receivedAt || a.id.localeCompare(b.id));
}
