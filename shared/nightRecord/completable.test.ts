import { describe, expect, it } from 'vitest';

import type { DeadlineSource } from './deadlineFacts';
import { obligationsOfIntake } from './deadlineFacts';

/**
 * Issue 13 Nr. 2: a duty that can never be completed misleads the worker at night and the supervisor in the morning.
 * For every legal ground and every trigger, the record's own fields complete every duty it raises: with all of them
 * filled in, nothing stays open. Times: Saturday 27.12.2025 (between Christmas and New Year) in Berlin.
 */
const at = (s: string) => Date.parse(s);
const START = at('2025-12-27T01:00+01:00');
const LATER = at('2025-12-27T05:00+01:00');
const MUCH_LATER = at('2026-03-01T12:00+01:00');

const open = (record: DeadlineSource) =>
  obligationsOfIntake(record, MUCH_LATER)
    .filter((o) => o.status !== 'done')
    .map((o) => o.kind);
const raised = (record: DeadlineSource) =>
  obligationsOfIntake(record, MUCH_LATER)
    .map((o) => o.kind)
    .sort();

/** What the form records once the night's duties are done (each a field the form offers). */
const completed = {
  risk: { jointAssessmentAt: LATER },
  decisionDone: { childInformedAt: LATER },
  handover: { handedOverAt: LATER, helpPlanStartedAt: LATER },
  court: { applicationAt: LATER },
  guardian: { applicationAt: LATER, asylumNeed: 'no' as const, asylumCheckedAt: LATER },
  provisional: {
    startAt: START,
    initialAssessmentAt: LATER,
    healthCheckAt: LATER,
    stateOfficeReportedAt: LATER,
    identityDoubt: true,
    identityCheckAt: LATER,
    distributionOutcome: 'excluded' as const,
    distributionDecidedAt: LATER,
  },
  ageAssessment: {
    method: 'qualified_visual' as const,
    assessedAt: LATER,
    assessedAge: 16,
    result: 'minor' as const,
    writtenDecisionAt: LATER,
  },
};

describe('no never-completable duty (issue 13 Nr. 2)', () => {
  it('§ 42 Abs. 1 S. 1 Nr. 2a, § 42 Abs. 3 S. 1 and 5, § 8a Abs. 1 SGB VIII: informed custodians, help plan, joint assessment are all completable', () => {
    const record: DeadlineSource = {
      decision: { ground: '42_1_2a', decidedAt: START, ...completed.decisionDone },
      custody: { status: 'joint' },
      custodians: [
        { id: 'm', role: 'mother', informedAt: LATER },
        { id: 'f', role: 'father', informedAt: LATER },
      ],
      risk: completed.risk,
      handover: completed.handover,
    };
    expect(raised(record)).toEqual([
      'explainToChild',
      'handoverToAsd',
      'helpPlan',
      'informCustodians',
      'jointRiskAssessment',
    ]);
    expect(open(record)).toEqual([]);
  });

  it('§ 42 Abs. 3 S. 2 and 3, § 8a Abs. 2 SGB VIII: objection, unreachable custodians and the court are completable', () => {
    const record: DeadlineSource = {
      decision: { ground: '42_1_2b', decidedAt: START, ...completed.decisionDone },
      custodians: [{ id: 'm', role: 'mother', unreachableAt: LATER, attempts: '3× nicht erreicht' }],
      court: { neededAt: START, ...completed.court },
      risk: completed.risk,
      handover: completed.handover,
    };
    expect(raised(record)).toContain('applyToFamilyCourt');
    expect(open(record)).toEqual([]);
  });

  it('§ 42a, § 42a Abs. 3a, § 42f, § 42b Abs. 4 Nr. 4, § 88a Abs. 2 S. 2 SGB VIII: every duty of a provisional intake is completable', () => {
    const record: DeadlineSource = {
      decision: { ground: '42a', decidedAt: START, startAt: START, ...completed.decisionDone },
      provisional: completed.provisional,
      ageAssessment: completed.ageAssessment,
      guardian: completed.guardian,
      handover: completed.handover,
    };
    expect(raised(record)).toEqual([
      'ageAssessment',
      'ageDecision',
      'appointGuardian',
      'distributionLimit',
      'explainToChild',
      'handoverToAsd',
      'healthCheck',
      'identityCheck',
      'initialAssessment',
      'reportToStateOffice',
    ]);
    expect(open(record)).toEqual([]);
  });

  it('§ 42 Abs. 1 S. 1 Nr. 3 after § 42a, § 42 Abs. 3 S. 4, § 42 Abs. 2 S. 5 SGB VIII: the linked measure without any custodian is completable', () => {
    const record: DeadlineSource = {
      decision: { ground: '42_1_3', decidedAt: LATER, startAt: LATER, ...completed.decisionDone },
      custody: { status: 'unknown' },
      custodians: [],
      provisional: completed.provisional,
      ageAssessment: completed.ageAssessment,
      guardian: completed.guardian,
      handover: completed.handover,
    };
    const kinds = raised(record);
    expect(kinds).not.toContain('informCustodians');
    expect(kinds).not.toContain('helpPlan');
    expect(kinds).toEqual(expect.arrayContaining(['appointGuardian', 'asylumApplication', 'reportToStateOffice']));
    expect(open(record)).toEqual([]);
  });
});
