import {
  ACCOMMODATION,
  AGE_ASSESSMENT_METHODS,
  AGE_ASSESSMENT_RESULTS,
  CHILD_GROUP_KINDS,
  CHILD_GROUP_ROLES,
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
} from '../catalogues/nightRecord';
import { OFFICE_IDS } from '../offices';
import { docId, timestampMs } from './common';

/**
 * The sections of the night record, in the order of the night (domain.md, steps 1-13). Every section is
 * optional: a draft grows through the night; what submission needs is decided by the submit rules.
 * Free text is always allowed beside the structured fields. Lists carry item ids so that concurrent edits
 * merge item by item (shared/sync/merge.ts).
 */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const flag = { type: 'boolean' } as const;
const codeOf = <T extends readonly string[]>(values: T) => ({ type: 'string', enum: values }) as const;
const section = <const P extends Record<string, unknown>>(properties: P) =>
  ({ type: 'object', properties, additionalProperties: false }) as const;

export const nightRecordProperties = {
  /** Step 1: the call. receivedAt and initiatedBy are top-level fields of the intake. */
  call: section({
    callerName: text(300),
    callerPhone: text(100),
    policeFileNumber: text(100),
    childLocation: text(500),
    note: text(5000),
  }),
  /** Step 2: risk assessment (§8a). */
  risk: section({
    indicators: { type: 'array', items: codeOf(RISK_INDICATORS), uniqueItems: true, maxItems: 50 },
    consulted: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { id: docId, name: text(300), function: text(300), at: timestampMs },
        required: ['id', 'name'],
        additionalProperties: false,
      },
    },
    childSeenInPerson: flag,
    assessment: text(20_000),
    previousAssessment8a: flag,
    /** § 8a Abs. 1: the assessment with several Fachkräfte, caught up the next working day if the night allowed none. */
    jointAssessmentAt: timestampMs,
    childInvolved: flag,
    custodiansInvolved: flag,
    notInvolvedReason: text(5000),
  }),
  /** Step 3: decision and legal basis; an administrative act. */
  decision: section({
    ground: codeOf(LEGAL_GROUNDS),
    decidedAt: timestampMs,
    startAt: timestampMs,
    reasons: text(20_000),
    writtenDecisionHanded: flag,
    /** § 42 Abs. 1 S. 2 (for § 42a via § 42a Abs. 1 S. 3): the child was taken away from another person. */
    removal: flag,
    removalFrom: text(300),
    /** § 42 Abs. 2 S. 1, § 8 Abs. 1: the measure explained to the child in a form it understands. */
    childInformedAt: timestampMs,
    childInformedHow: text(5000),
  }),
  /** Step 3a: Freiheitsentziehung (§42 Abs. 5), only for danger to life or limb. */
  freedomDeprivation: section({
    reason: text(5000),
    startAt: timestampMs,
    endAt: timestampMs,
    policeInvolved: flag,
    courtDecisionAt: timestampMs,
  }),
  /** Step 4: the chosen place. Every place asked is an entry in the log. */
  placement: section({
    facilityId: docId,
    facilityName: text(300),
    provider: text(300),
    freeProvider: flag,
    accommodation: codeOf(ACCOMMODATION),
    admittedAt: timestampMs,
    note: text(5000),
  }),
  /** Step 5: transport and handover. */
  transport: section({
    transportedBy: text(300),
    belongings: text(5000),
    medication: text(5000),
    insuranceCard: flag,
    documents: text(5000),
    handedOverAt: timestampMs,
  }),
  /** Step 6: trusted person (§42 Abs. 2 S. 2). */
  trustedPerson: section({ offered: flag, offeredAt: timestampMs, used: flag, who: text(300), note: text(5000) }),
  /** Step 7: the state of the Personensorge; with joint custody every holder is informed (§ 42 Abs. 3 S. 1). */
  custody: section({ status: codeOf(CUSTODY_STATUS), note: text(5000) }),
  /** Step 7 and 8: custodians, each informed separately; an objection leads to the family court. */
  custodians: {
    type: 'array',
    maxItems: 20,
    items: {
      type: 'object',
      properties: {
        id: docId,
        role: codeOf(CUSTODIAN_ROLES),
        name: text(300),
        informedAt: timestampMs,
        channel: codeOf(CONTACT_CHANNELS),
        interpreter: text(300),
        reaction: text(5000),
        locationDisclosed: flag,
        locationNotDisclosedReason: text(5000),
        attempts: text(5000),
        /** § 42 Abs. 3 S. 3: when this person was found not reachable (the attempts say how). */
        unreachableAt: timestampMs,
        objection: flag,
        objectionAt: timestampMs,
      },
      required: ['id'],
      additionalProperties: false,
    },
  },
  /** Step 8: family court (§ 1666 BGB) after an objection, unreachable custodians or by § 8a Abs. 2. */
  court: section({
    /** § 8a Abs. 2 S. 1: when the office found the court's action necessary, without an objection. */
    neededAt: timestampMs,
    applicationAt: timestampMs,
    court: text(300),
    fileNumber: text(100),
    outcome: text(5000),
    decisionAt: timestampMs,
  }),
  /** Step 9: provisional intake of an unaccompanied minor (§42a) with the initial assessment. */
  provisional: section({
    startAt: timestampMs,
    welfare: text(5000),
    relatives: text(5000),
    siblings: text(5000),
    health: text(5000),
    interpreter: text(300),
    medicalStatement: text(5000),
    stateOfficeReportedAt: timestampMs,
    /** §42b: allocated to an office or decided not to distribute; ends the one-month distribution limit. */
    distributionDecidedAt: timestampMs,
    distributionOutcome: codeOf(DISTRIBUTION_OUTCOMES),
    /** § 42a Abs. 2 S. 1: the initial assessment (the four points above) completed with the child. */
    initialAssessmentAt: timestampMs,
    /** § 42a Abs. 2 S. 1 Nr. 4: the medical statement on the health obtained. */
    healthCheckAt: timestampMs,
    /** § 42a Abs. 3a: a doubt about the identity, and the identity check (§ 49 AufenthG). */
    identityDoubt: flag,
    identityCheckAt: timestampMs,
  }),
  /** Step 9a: age assessment (§42f). */
  ageAssessment: section({
    method: codeOf(AGE_ASSESSMENT_METHODS),
    staff1: text(300),
    staff2: text(300),
    assessedAge: { type: 'integer', minimum: 0, maximum: 30 },
    reasons: text(5000),
    assessedAt: timestampMs,
    result: codeOf(AGE_ASSESSMENT_RESULTS),
    /** § 42f Abs. 2: a case of doubt; a medical examination needs the explanation and the consent. */
    doubt: flag,
    medicalExplainedAt: timestampMs,
    medicalConsent: flag,
    /** The written decision on the age (§ 42f Abs. 3, § 33 SGB X). */
    writtenDecisionAt: timestampMs,
  }),
  /** Step 10: Vormund or Pfleger for an unaccompanied minor (§ 42 Abs. 3 S. 4) and the asylum question (Abs. 2 S. 5). */
  guardian: section({
    applicationAt: timestampMs,
    court: text(300),
    appointed: text(300),
    appointedAt: timestampMs,
    note: text(5000),
    asylumNeed: codeOf(YES_NO_UNKNOWN),
    asylumCheckedAt: timestampMs,
    asylumApplicationAt: timestampMs,
  }),
  /**
   * Step 11: local responsibility (§§ 86, 87, 88a SGB VIII). The responsible office is derived
   * (shared/nightRecord/responsibility.ts); an override needs a reason.
   */
  responsibility: section({
    locationBeforeOfficeId: { type: 'string', enum: [...OFFICE_IDS, 'outside'] },
    locationBefore: text(500),
    custodiansResidenceOfficeId: { type: 'string', enum: [...OFFICE_IDS, 'outside'] },
    custodiansResidence: text(500),
    overrideOfficeId: { type: 'string', enum: [...OFFICE_IDS, 'outside'] },
    overrideReason: text(5000),
    /** § 88a Abs. 2 S. 1: the office named by the state's allocation decision (Zuweisungsentscheidung). */
    allocatedOfficeId: { type: 'string', enum: [...OFFICE_IDS, 'outside'] },
  }),
  /** Step 12: handover to the responsible ASD. */
  handover: section({
    summary: text(20_000),
    openTasks: text(20_000),
    caseworker: text(300),
    handedOverAt: timestampMs,
    /** § 42 Abs. 3 S. 5: the Hilfeplanverfahren initiated. */
    helpPlanStartedAt: timestampMs,
  }),
  /**
   * Health and contact sheet for the facility (§ 42 Abs. 2 S. 3: the office provides for the child's welfare,
   * including health care). Printed on one page at admission and part of the report to the ASD.
   */
  health: section({
    insurer: text(300),
    allergies: text(5000),
    medicationPlan: text(5000),
    injuries: text(5000),
    injuriesPhotographed: flag,
    photographedBy: text(300),
    medicalExamination: text(5000),
    medicalExaminationAt: timestampMs,
    medicalExaminationConsent: text(1000),
    contactAllowed: text(5000),
    contactForbidden: text(5000),
    locationSecret: flag,
    locationSecretReason: text(5000),
    pickupForbidden: text(5000),
  }),
  /** Step 13: end of the measure. */
  end: section({
    endedAt: timestampMs,
    reason: codeOf(END_REASONS),
    followUp: text(5000),
    whereabouts: text(500),
    writtenDecision: flag,
  }),
  /**
   * Earlier intakes of this child in the office (shared/intakes/repeatIntakes.ts): the matches the worker ruled out
   * as another child, and the matches that filled "repeated this year" (so that the fill can be taken back).
   */
  earlierIntakes: section({
    dismissed: { type: 'array', items: docId, uniqueItems: true, maxItems: 200 },
    filledFrom: { type: 'array', items: docId, uniqueItems: true, maxItems: 200 },
  }),
  /**
   * Children taken into care together (siblings, or a mother with her child): one group id on each child's own
   * record. Each keeps its own record, deadlines and statistics; the place is searched once for the group.
   */
  group: {
    type: 'object',
    properties: { id: docId, kind: codeOf(CHILD_GROUP_KINDS), role: codeOf(CHILD_GROUP_ROLES) },
    required: ['id', 'kind'],
    additionalProperties: false,
  },
  /** Raw facts the federal statistics needs that no step above holds. */
  statistics: section({
    sex: codeOf(SEXES),
    foreignOriginParent: codeOf(YES_NO_UNKNOWN),
    residenceBefore: codeOf(RESIDENCE_BEFORE),
    repeatedThisYear: flag,
    ranAwayBefore: flag,
    reasons: { type: 'array', items: codeOf(INTAKE_REASONS), uniqueItems: true, maxItems: 20 },
  }),
} as const;

/** The sections in the order of the night. All are encrypted at rest: each carries names, health or reasons. */
export const NIGHT_RECORD_SECTIONS = Object.keys(nightRecordProperties) as NightRecordSection[];
export type NightRecordSection = keyof typeof nightRecordProperties;
