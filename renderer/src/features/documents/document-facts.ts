import { formatDate, formatDateTime, formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { responsibilityOf, type ResponsibleOffice } from '../../../../shared/nightRecord/responsibility';
import { isOfficeId } from '../../../../shared/offices';
import type { Intake } from '../../../../shared/schema/intake';
import type { FactKey } from './template';
import { LETTERHEADS } from './templates/letterheads';

const t = de.documents;
/** How many characters of the record id name the record on paper and in the file name. */
export const REFERENCE_LENGTH = 8;

const at = (ms: number | undefined) => (ms === undefined ? undefined : formatDateTime(ms));
const filled = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
// An office outside the Verbund has no name in the record: the gap is written in by hand.
const officeName = (id: ResponsibleOffice | undefined) =>
  id === undefined || id === 'outside' ? undefined : de.offices[id];

/** Whether the record is a provisional intake after an unaccompanied entry (§ 42a SGB VIII). */
export const isProvisional = (intake: Intake) =>
  intake.decision?.ground === '42a' || intake.provisional?.startAt !== undefined;

/** Every fact a template may ask for, from the record; undefined where the record does not say. */
export function factsOf(intake: Intake, author: string | undefined): Record<FactKey, string | undefined> {
  const office = isOfficeId(intake.officeId) ? LETTERHEADS[intake.officeId] : undefined;
  const ground = intake.decision?.ground ? de.nightRecord.legalGrounds[intake.decision.ground] : undefined;
  const custodians = intake.custodians ?? [];
  const named = (c: (typeof custodians)[number]) =>
    [de.nightRecord.custodianRoles[c.role ?? 'other'], filled(c.name)].filter(Boolean).join(' ');
  const name = `${intake.child.firstName} ${intake.child.lastName}`.trim();
  const birth = intake.child.birthDate
    ? formatIsoDate(intake.child.birthDate)
    : intake.child.estimatedAge !== undefined
      ? t.birthEstimated(intake.child.estimatedAge)
      : undefined;
  const responsibility = responsibilityOf(intake);
  const provisionalStart =
    intake.provisional?.startAt ?? (intake.decision?.ground === '42a' ? intake.decision.startAt : undefined);
  const pickupForbidden = filled(intake.health?.pickupForbidden);

  const measures: string[] = [];
  if (intake.decision?.startAt !== undefined && ground) {
    measures.push(t.measures.inCare(formatDateTime(intake.decision.startAt), ground));
  }
  if (intake.placement?.accommodation) {
    measures.push(t.measures.accommodation(de.nightRecord.accommodation[intake.placement.accommodation]));
  }
  if (intake.risk?.childSeenInPerson) measures.push(t.measures.childSeen);
  if (intake.trustedPerson?.offered && intake.trustedPerson.offeredAt !== undefined) {
    measures.push(t.measures.trustedPersonOffered(formatDateTime(intake.trustedPerson.offeredAt)));
  }
  for (const c of custodians) {
    if (c.informedAt !== undefined) measures.push(t.measures.informed(named(c), formatDateTime(c.informedAt)));
  }

  const stance = custodians.map((c) =>
    c.objection
      ? t.stance.objection(named(c), at(c.objectionAt) ?? '')
      : c.informedAt !== undefined
        ? t.stance.noObjection(named(c))
        : t.stance.notReached(named(c), filled(c.attempts) ?? ''),
  );

  return {
    'office.name': office?.name,
    'office.address': office && `${office.street}, ${office.postalCity}`,
    'office.phone': office?.phone,
    'office.place': office?.place,
    'record.reference': intake.id.slice(0, REFERENCE_LENGTH),
    'addressee.names': filled(
      custodians
        .map((c) => filled(c.name))
        .filter(Boolean)
        .join(', '),
    ),
    // The record keeps no postal address of the custodians: always written by hand.
    'addressee.address': undefined,
    'stateOffice.address': filled(office?.stateOffice),
    // Nor the school: which one the child attends is asked for the letter, not stored.
    'school.name': undefined,
    'child.name': filled(name),
    'child.birth': birth,
    'child.sex': intake.statistics?.sex ? de.nightRecord.sexes[intake.statistics.sex] : undefined,
    situation: filled(intake.situation),
    'decision.ground': ground,
    'decision.decidedAt': at(intake.decision?.decidedAt),
    'decision.startAt': at(intake.decision?.startAt),
    'decision.startDate': intake.decision?.startAt === undefined ? undefined : formatDate(intake.decision.startAt),
    'decision.reasons': filled(intake.decision?.reasons),
    'risk.indicators': filled((intake.risk?.indicators ?? []).map((i) => de.nightRecord.riskIndicators[i]).join(', ')),
    'risk.assessment': filled(intake.risk?.assessment),
    'risk.consulted': filled(
      (intake.risk?.consulted ?? [])
        .map((c) => [c.name, c.function].filter(Boolean).join(', ') + (c.at ? ` (${formatDateTime(c.at)})` : ''))
        .join('; '),
    ),
    measures: filled(measures.join(' ')),
    'custodians.stance': filled(stance.join(' ')),
    'court.name': filled(intake.court?.court ?? intake.guardian?.court),
    'provisional.startAt': at(provisionalStart),
    'provisional.assessedAt': at(intake.provisional?.initialAssessmentAt),
    'provisional.welfare': filled(intake.provisional?.welfare),
    'provisional.relatives': filled(intake.provisional?.relatives),
    'provisional.siblings': filled(intake.provisional?.siblings),
    'provisional.health': filled(intake.provisional?.health),
    'provisional.medicalStatement': filled(intake.provisional?.medicalStatement),
    'placement.facility': filled(intake.placement?.facilityName),
    'placement.provider': filled(intake.placement?.provider),
    'placement.accommodation': intake.placement?.accommodation
      ? de.nightRecord.accommodation[intake.placement.accommodation]
      : undefined,
    'placement.from': at(intake.placement?.admittedAt),
    // The Verbund's facility directory holds no rates: the agreed rate is written in by hand.
    'placement.dailyRate': undefined,
    'responsible.office': officeName(responsibility.officeId),
    'followUp.office': officeName(responsibility.followUpOfficeId),
    // Empty, not missing, when the record names nobody: then the sentence before it already says it all.
    'pickup.forbidden': pickupForbidden ? t.pickupForbidden(pickupForbidden) : '',
    'author.name': filled(author),
  };
}
