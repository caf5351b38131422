import { INITIATED_BY } from '../../../shared/catalogues/initiatedBy';
import {
  ACCOMMODATION,
  AGE_ASSESSMENT_METHODS,
  AGE_ASSESSMENT_RESULTS,
  CONTACT_CHANNELS,
  CUSTODIAN_ROLES,
  CUSTODY_STATUS,
  DISTRIBUTION_OUTCOMES,
  END_REASONS,
  INTAKE_REASONS,
  LEGAL_GROUNDS,
  RESIDENCE_BEFORE,
  RISK_INDICATORS,
  SEXES,
  YES_NO_UNKNOWN,
} from '../../../shared/catalogues/nightRecord';
import { de } from '../../../shared/i18n';
import { OFFICE_IDS } from '../../../shared/offices';
import { intakeFieldLimits } from '../../../shared/rules/fieldLimits';
import type { NightRecordSection } from '../../../shared/schema/nightRecord';

/**
 * The form of the night record, section by section in the order of the night (domain.md). Each field names its
 * path in the document (shared/sync/paths.ts), what kind of input it is and, for codes, its German options. The
 * form, its validation, the conflict view and the missing-for-submit links all read this one table.
 */
export type Option = { value: string; label: string };
export type FieldKind = 'text' | 'textarea' | 'datetime' | 'date' | 'int' | 'bool' | 'code' | 'codes';

export type FieldSpec = {
  /** Path in the record; for list items relative to the item (`name`), see ListSpec. */
  path: string;
  kind: FieldKind;
  label: string;
  options?: Option[];
  maxLength?: number;
  min?: number;
  max?: number;
  /** A text the description line shows under the input. */
  hint?: string;
};

export type ListSpec = {
  path: 'custodians' | 'risk.consulted';
  label: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  fields: FieldSpec[];
};

export type SectionSpec = {
  id: NightRecordSection | 'child';
  title: string;
  fields: FieldSpec[];
  list?: ListSpec;
  /** Shown only when this says so (the §42a sections) or when the section already holds data. */
  showWhen?: (ground: string | undefined) => boolean;
};

const t = de.app.nightRecord;
const nr = de.nightRecord;
const labelsOf = <T extends string>(codes: readonly T[], labels: Record<T, string>): Option[] =>
  codes.map((value) => ({ value, label: labels[value] }));
const officeOptions: Option[] = [
  ...OFFICE_IDS.map((value) => ({ value, label: de.offices[value] })),
  { value: 'outside', label: nr.outsideVerbund },
];

const f = (path: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  path,
  kind,
  label: (nr.fields as Record<string, string>)[path] ?? (de.intakeFields as Record<string, string>)[path] ?? path,
  // The schema's limits (the server's), so the form never takes more than the server stores.
  ...intakeFieldLimits(path),
  ...extra,
});
const item = (list: string, name: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  ...f(`${list}.${name}`, kind, extra),
  path: name,
});

const UNACCOMPANIED = ['42_1_3', '42a'];

export const SECTIONS: SectionSpec[] = [
  {
    id: 'child',
    title: t.sections.child,
    fields: [
      f('child.firstName', 'text'),
      f('child.lastName', 'text'),
      f('child.birthDate', 'date', { hint: t.birthDateOrAge }),
      f('child.estimatedAge', 'int', { hint: t.years }),
      f('child.claimedAge', 'int', { hint: t.years }),
    ],
  },
  {
    id: 'call',
    title: nr.sections.call,
    fields: [
      f('receivedAt', 'datetime'),
      f('initiatedBy', 'code', { options: labelsOf(INITIATED_BY, de.initiatedBy) }),
      f('call.callerName', 'text'),
      f('call.callerPhone', 'text'),
      f('call.policeFileNumber', 'text'),
      f('call.childLocation', 'text'),
      f('situation', 'textarea'),
      f('call.note', 'textarea'),
    ],
  },
  {
    id: 'risk',
    title: nr.sections.risk,
    fields: [
      f('risk.indicators', 'codes', { options: labelsOf(RISK_INDICATORS, nr.riskIndicators) }),
      f('risk.childSeenInPerson', 'bool'),
      f('risk.previousAssessment8a', 'bool'),
      f('risk.assessment', 'textarea'),
      f('risk.childInvolved', 'bool'),
      f('risk.custodiansInvolved', 'bool'),
      f('risk.notInvolvedReason', 'textarea'),
      f('risk.jointAssessmentAt', 'datetime'),
    ],
    list: {
      path: 'risk.consulted',
      label: nr.fields['risk.consulted'],
      itemLabel: t.consultedItem,
      addLabel: t.addConsulted,
      fields: [
        item('risk.consulted', 'name', 'text'),
        item('risk.consulted', 'function', 'text'),
        item('risk.consulted', 'at', 'datetime'),
      ],
    },
  },
  {
    id: 'decision',
    title: nr.sections.decision,
    fields: [
      f('decision.ground', 'code', { options: labelsOf(LEGAL_GROUNDS, nr.legalGrounds) }),
      f('decision.decidedAt', 'datetime'),
      f('decision.startAt', 'datetime'),
      f('decision.reasons', 'textarea'),
      f('decision.writtenDecisionHanded', 'bool'),
      f('decision.removal', 'bool'),
      f('decision.removalFrom', 'text'),
      f('decision.childInformedAt', 'datetime'),
      f('decision.childInformedHow', 'textarea'),
    ],
  },
  {
    id: 'freedomDeprivation',
    title: nr.sections.freedomDeprivation,
    fields: [
      f('freedomDeprivation.reason', 'textarea', { hint: t.freedomDeprivationHint }),
      f('freedomDeprivation.startAt', 'datetime'),
      f('freedomDeprivation.endAt', 'datetime'),
      f('freedomDeprivation.policeInvolved', 'bool'),
      f('freedomDeprivation.courtDecisionAt', 'datetime'),
    ],
  },
  {
    id: 'placement',
    title: nr.sections.placement,
    fields: [
      f('placement.facilityName', 'text'),
      f('placement.provider', 'text'),
      f('placement.freeProvider', 'bool'),
      f('placement.accommodation', 'code', { options: labelsOf(ACCOMMODATION, nr.accommodation) }),
      f('placement.admittedAt', 'datetime'),
      f('placement.note', 'textarea'),
    ],
  },
  {
    id: 'transport',
    title: nr.sections.transport,
    fields: [
      f('transport.transportedBy', 'text'),
      f('transport.belongings', 'textarea'),
      f('transport.medication', 'textarea'),
      f('transport.insuranceCard', 'bool'),
      f('transport.documents', 'textarea'),
      f('transport.handedOverAt', 'datetime'),
    ],
  },
  {
    id: 'health',
    title: nr.sections.health,
    fields: [
      f('health.insurer', 'text'),
      f('health.allergies', 'textarea'),
      f('health.medicationPlan', 'textarea'),
      f('health.injuries', 'textarea'),
      f('health.injuriesPhotographed', 'bool'),
      f('health.photographedBy', 'text'),
      f('health.medicalExamination', 'textarea'),
      f('health.medicalExaminationAt', 'datetime'),
      f('health.medicalExaminationConsent', 'text'),
      f('health.contactAllowed', 'textarea'),
      f('health.contactForbidden', 'textarea'),
      f('health.locationSecret', 'bool'),
      f('health.locationSecretReason', 'textarea'),
      f('health.pickupForbidden', 'textarea'),
    ],
  },
  {
    id: 'trustedPerson',
    title: nr.sections.trustedPerson,
    fields: [
      f('trustedPerson.offered', 'bool'),
      f('trustedPerson.offeredAt', 'datetime'),
      f('trustedPerson.used', 'bool'),
      f('trustedPerson.who', 'text'),
      f('trustedPerson.note', 'textarea'),
    ],
  },
  {
    id: 'custody',
    title: nr.sections.custody,
    fields: [
      f('custody.status', 'code', { options: labelsOf(CUSTODY_STATUS, nr.custodyStatus) }),
      f('custody.note', 'textarea'),
    ],
  },
  {
    id: 'custodians',
    title: nr.sections.custodians,
    fields: [],
    list: {
      path: 'custodians',
      label: nr.sections.custodians,
      itemLabel: t.custodianItem,
      addLabel: t.addCustodian,
      fields: [
        item('custodians', 'role', 'code', { options: labelsOf(CUSTODIAN_ROLES, nr.custodianRoles) }),
        item('custodians', 'name', 'text'),
        item('custodians', 'informedAt', 'datetime'),
        item('custodians', 'channel', 'code', { options: labelsOf(CONTACT_CHANNELS, nr.contactChannels) }),
        item('custodians', 'interpreter', 'text'),
        item('custodians', 'reaction', 'textarea'),
        item('custodians', 'locationDisclosed', 'bool'),
        item('custodians', 'locationNotDisclosedReason', 'textarea'),
        item('custodians', 'attempts', 'textarea', { hint: t.attemptsHint }),
        item('custodians', 'unreachableAt', 'datetime'),
        item('custodians', 'objection', 'bool'),
        item('custodians', 'objectionAt', 'datetime'),
      ],
    },
  },
  {
    id: 'court',
    title: nr.sections.court,
    fields: [
      f('court.neededAt', 'datetime'),
      f('court.applicationAt', 'datetime'),
      f('court.court', 'text'),
      f('court.fileNumber', 'text'),
      f('court.outcome', 'textarea'),
      f('court.decisionAt', 'datetime'),
    ],
  },
  {
    id: 'provisional',
    title: nr.sections.provisional,
    showWhen: (ground) => ground !== undefined && UNACCOMPANIED.includes(ground),
    fields: [
      f('provisional.startAt', 'datetime'),
      f('provisional.welfare', 'textarea'),
      f('provisional.relatives', 'textarea'),
      f('provisional.siblings', 'textarea'),
      f('provisional.health', 'textarea'),
      f('provisional.interpreter', 'text'),
      f('provisional.medicalStatement', 'textarea'),
      f('provisional.stateOfficeReportedAt', 'datetime'),
      f('provisional.distributionDecidedAt', 'datetime'),
      f('provisional.distributionOutcome', 'code', {
        options: labelsOf(DISTRIBUTION_OUTCOMES, nr.distributionOutcomes),
      }),
      f('provisional.initialAssessmentAt', 'datetime'),
      f('provisional.healthCheckAt', 'datetime'),
      f('provisional.identityDoubt', 'bool'),
      f('provisional.identityCheckAt', 'datetime'),
    ],
  },
  {
    id: 'ageAssessment',
    title: nr.sections.ageAssessment,
    showWhen: (ground) => ground !== undefined && UNACCOMPANIED.includes(ground),
    fields: [
      f('ageAssessment.method', 'code', { options: labelsOf(AGE_ASSESSMENT_METHODS, nr.ageAssessmentMethods) }),
      f('ageAssessment.staff1', 'text'),
      f('ageAssessment.staff2', 'text'),
      f('ageAssessment.assessedAge', 'int', { hint: t.years }),
      f('ageAssessment.reasons', 'textarea'),
      f('ageAssessment.assessedAt', 'datetime'),
      f('ageAssessment.result', 'code', { options: labelsOf(AGE_ASSESSMENT_RESULTS, nr.ageAssessmentResults) }),
      f('ageAssessment.doubt', 'bool'),
      f('ageAssessment.medicalExplainedAt', 'datetime'),
      f('ageAssessment.medicalConsent', 'bool'),
      f('ageAssessment.writtenDecisionAt', 'datetime'),
    ],
  },
  {
    id: 'guardian',
    title: nr.sections.guardian,
    showWhen: (ground) => ground !== undefined && UNACCOMPANIED.includes(ground),
    fields: [
      f('guardian.applicationAt', 'datetime'),
      f('guardian.court', 'text'),
      f('guardian.appointed', 'text'),
      f('guardian.appointedAt', 'datetime'),
      f('guardian.note', 'textarea'),
      f('guardian.asylumNeed', 'code', { options: labelsOf(YES_NO_UNKNOWN, nr.yesNoUnknown) }),
      f('guardian.asylumCheckedAt', 'datetime'),
      f('guardian.asylumApplicationAt', 'datetime'),
    ],
  },
  {
    id: 'responsibility',
    title: nr.sections.responsibility,
    fields: [
      f('responsibility.locationBeforeOfficeId', 'code', { options: officeOptions }),
      f('responsibility.locationBefore', 'text'),
      f('responsibility.custodiansResidenceOfficeId', 'code', { options: officeOptions }),
      f('responsibility.custodiansResidence', 'text'),
      f('responsibility.overrideOfficeId', 'code', { options: officeOptions, hint: t.overrideHint }),
      f('responsibility.overrideReason', 'textarea'),
      f('responsibility.allocatedOfficeId', 'code', { options: officeOptions }),
    ],
  },
  {
    id: 'handover',
    title: nr.sections.handover,
    fields: [
      f('handover.summary', 'textarea'),
      f('handover.openTasks', 'textarea'),
      f('handover.caseworker', 'text'),
      f('handover.handedOverAt', 'datetime'),
      f('handover.helpPlanStartedAt', 'datetime'),
    ],
  },
  {
    id: 'end',
    title: nr.sections.end,
    fields: [
      f('end.endedAt', 'datetime'),
      f('end.reason', 'code', { options: labelsOf(END_REASONS, nr.endReasons) }),
      f('end.followUp', 'textarea'),
      f('end.whereabouts', 'text'),
      f('end.writtenDecision', 'bool'),
    ],
  },
  {
    id: 'statistics',
    title: nr.sections.statistics,
    fields: [
      f('statistics.sex', 'code', { options: labelsOf(SEXES, nr.sexes) }),
      f('statistics.foreignOriginParent', 'code', { options: labelsOf(YES_NO_UNKNOWN, nr.yesNoUnknown) }),
      f('statistics.residenceBefore', 'code', { options: labelsOf(RESIDENCE_BEFORE, nr.residenceBefore) }),
      f('statistics.repeatedThisYear', 'bool'),
      f('statistics.ranAwayBefore', 'bool'),
      f('statistics.reasons', 'codes', { options: labelsOf(INTAKE_REASONS, nr.reasons) }),
    ],
  },
];

/** The spec of a document path, list items included (`custodians[c1].name` -> the custodians' `name`). */
export function specOf(path: string): FieldSpec | undefined {
  for (const section of SECTIONS) {
    const direct = section.fields.find((field) => field.path === path);
    if (direct) return direct;
    const list = section.list;
    const m = list && new RegExp(`^${list.path.replace('.', '\\.')}\\[[^\\]]+\\]\\.(.+)$`).exec(path);
    if (m) return list.fields.find((field) => field.path === m[1]);
  }
  return undefined;
}

/** The DOM id of a field's input, so that the list of what is missing can jump to it. */
export const inputId = (path: string) => `nr-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
