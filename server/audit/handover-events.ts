import type { IntakeWire } from '../../shared/schema/intake';
import type { WireDocument } from '../../shared/sync/protocol';
import { actorFields, type AuditActor, type AuditEvent } from './chain';

/**
 * A handover of a record to the responsible office, recorded in the audit trail of both offices: the sending
 * office's administration and the receiving one's each see that case data crossed office lines, and to where.
 */
export function handoverEvents(
  actor: AuditActor,
  written: { next: WireDocument; stored: WireDocument | undefined }[],
): AuditEvent[] {
  return written.flatMap(({ next, stored }) => {
    const to = (next as IntakeWire).review?.handedOverTo;
    if (!to || to === (stored as IntakeWire | undefined)?.review?.handedOverTo) return [];
    const details = { intakeId: next.id, from: next.officeId, to };
    return [next.officeId, to].map((officeId) => ({
      action: 'case.handover' as const,
      ...actorFields(actor),
      officeId,
      target: 'intakes',
      details,
    }));
  });
}
