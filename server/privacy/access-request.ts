import {
  type AccessAnswer,
  type AccessRecord,
  type AccessRequest,
  sameName,
} from '../../shared/privacy/access-request';
import { withheldOf, withholdFromEntries, withholdFromIntake } from '../../shared/privacy/entrusted';
import type { IntakeWire } from '../../shared/schema/intake';
import type { SessionUser } from '../../shared/sync/protocol';
import { actorFields, type AuditActor } from '../audit/chain';
import { appendAudit } from '../audit/log';
import type { Db } from '../db/db';
import { auditAbout, logsOf, recordsByLastName } from './access-request-repository';

const strip = <T extends { _deleted?: boolean }>(doc: T): Omit<T, '_deleted'> => {
  const { _deleted, ...rest } = doc;
  void _deleted;
  return rest;
};

/**
 * The answer to POST /api/v1/privacy/access-request (shared/privacy/access-request.ts): a supervisor's answer to a
 * person's request for information, for the own office. A record received by handover is shown as it was received; then the
 * access request's own rule on entrusted data applies. The production is audited (`privacy.access_request`, with
 * the record ids, never the name asked for).
 */
export async function answerAccessRequest(
  db: Db,
  user: SessionUser,
  actor: AuditActor,
  asked: AccessRequest,
): Promise<AccessAnswer> {
  const officeId = user.officeId;
  return db.transaction(async (tx) => {
    const sameLast = await recordsByLastName(tx, officeId, asked.lastName);
    const named = sameLast.filter((r) => sameName(r.child.firstName, asked.firstName));
    const found = named.filter((r) => r.child.birthDate === asked.birthDate);
    const toCheck = named.filter((r) => r.child.birthDate === undefined).map((r) => r.id);
    const log = await logsOf(tx, found, officeId);
    const reads = await auditAbout(tx, [...found.map((r) => r.id), ...log.map((e) => e.id)]);
    const records = found.map((stored): AccessRecord => {
      const received = stored.officeId !== officeId;
      const asReceived: IntakeWire = received ? withholdFromIntake(stored, 'handover') : stored;
      const intake = withholdFromIntake(asReceived, 'access_request');
      const ownLog = log.filter((e) => e.intakeId === stored.id);
      const lines = withholdFromEntries(
        received ? withholdFromEntries(ownLog, stored, 'handover') : ownLog,
        asReceived,
        'access_request',
      );
      const ids = new Set([stored.id, ...ownLog.map((e) => e.id)]);
      const handover = stored.review?.handedOverTo;
      return {
        intake: strip(intake),
        log: lines.map(strip),
        received,
        recipients: handover
          ? [{ officeId: handover, at: stored.review!.handedOverAt!, by: stored.review!.handedOverBy! }]
          : [],
        reads: reads
          .filter((r) => r.about.some((id) => ids.has(id)))
          .map((r) => ({
            at: new Date(r.at).toISOString(),
            action: r.action,
            actor: r.actor_name,
            deviceId: r.device_id,
            officeId: r.office_id,
          })),
        withheld: withheldOf(intake),
      };
    });
    const producedAt = new Date();
    await appendAudit(tx, {
      action: 'privacy.access_request',
      ...actorFields(actor),
      officeId,
      target: null,
      details: { recordIds: found.map((r) => r.id), toCheck },
    });
    return {
      request: asked,
      officeId,
      producedAt: producedAt.toISOString(),
      producedBy: `${user.displayName} (${user.username})`,
      records,
      toCheck,
    };
  });
}
