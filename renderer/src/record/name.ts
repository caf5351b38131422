import { de } from '../../../shared/i18n';
import type { Intake } from '../../../shared/schema/intake';

/** The child's name as the list and the title show it; a draft may not know it yet. */
export function nameOf(intake: Pick<Intake, 'child'>): string {
  const name = `${intake.child.firstName} ${intake.child.lastName}`.trim();
  return name || de.app.intakes.unnamed;
}
