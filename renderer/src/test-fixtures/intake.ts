import { demoNightRecord } from '../../../shared/demo/nightRecord';
import type { Intake } from '../../../shared/schema/intake';

/**
 * A submitted, synced record of the demo night for renderer tests: the call at `call` (an ISO time), the child
 * `firstName Testkind`, created by the office's on-call worker (`bereitschaft.<office>`), no conflicts. `extra`
 * overrides any field; the office defaults to Segeberg, the creator to that office's on-call worker.
 */
export function submittedRecord(id: string, firstName: string, call: string, extra: Partial<Intake> = {}): Intake {
  const start = Date.parse(call);
  const officeId = extra.officeId ?? 'segeberg';
  const createdBy = extra.createdBy ?? `bereitschaft.${officeId}`;
  return {
    ...demoNightRecord(start, { firstName, lastName: 'Testkind' }),
    id,
    officeId,
    createdBy,
    createdAt: start,
    updatedAt: start,
    updatedBy: createdBy,
    status: 'submitted',
    conflicts: [],
    ...extra,
  };
}
