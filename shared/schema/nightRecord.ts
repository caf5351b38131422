import {
  ACCOMMODATION,
  AGE_ASSESSMENT_METHODS,
  CONTACT_CHANNELS,
  CUSTODIAN_ROLES,
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
  }),
  /** Step 3: decision and legal basis; an administrative act. */
  decision: section({
    ground: codeOf(LEGAL_GROUNDS),
    decidedAt: timestampMs,
    startAt: timestampMs,
    reasons: text(20_000),
    writtenDecisionHanded: flag,
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
        objection: flag,
        objectionAt: timestampMs,
      },
      required: ['id'],
      additionalProperties: false,
    },
  },
  /** Step 8: family court (§1666 BGB) after an objection. */
  court: section({
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
  }),
  /** Step 9a: age assessment (§42f). */
  ageAssessment: section({
    method: codeOf(AGE_ASSESSMENT_METHODS),
    staff1: text(300),
    staff2: text(300),
    assessedAge: { type: 'integer', minimum: 0, maximum: 30 },
    reasons: text(5000),
    assessedAt: timestampMs,
  }),
  /** Step 10: guardian for an unaccompanied minor. */
  guardian: section({
    applicationAt: timestampMs,
    court: text(300),
    appointed: text(300),
    appointedAt: timestampMs,
    note: text(5000),
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
  }),
  /** Step 12: handover to the responsible ASD. */
  handover: section({
    summary: text(20_000),
    openTasks: text(20_000),
    caseworker: text(300),
    handedOverAt: timestampMs,
  }),
  /** Step 13: end of the measure. */
  end: section({
    endedAt: timestampMs,
    reason: codeOf(END_REASONS),
    followUp: text(5000),
    whereabouts: text(500),
    writtenDecision: flag,
  }),
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
