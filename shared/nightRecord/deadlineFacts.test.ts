import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import { deadlineFactsOf, type DeadlineSource, obligationsOfIntake, overdueCount } from './deadlineFacts';

const at = (s: string) => Date.parse(s);
// Tuesday 20.05.2025, 02:00 in Berlin.
const DECIDED = at('2025-05-20T02:00+02:00');

const summary = (record: DeadlineSource, now: number) =>
  obligationsOfIntake(record, now).map((o) => [o.kind, new Date(o.dueAt).toISOString(), o.status]);
const iso = (s: string) => new Date(at(s)).toISOString();

describe('the night record mapped onto the deadline facts', () => {
  it('has no facts and no obligations before a decision', () => {
    expect(deadlineFactsOf({})).toEqual({});
    expect(obligationsOfIntake({ custodians: [{ id: 'c1', name: 'X' }] }, DECIDED)).toEqual([]);
  });

  const cases: { name: string; record: DeadlineSource; facts: Record<string, number | string> }[] = [
    {
      name: 'the ground, and the decision time, else the start of the measure',
      record: { decision: { ground: '42_1_2a', startAt: DECIDED + 5 } },
      facts: { ground: '42_1_2a', decisionAt: DECIDED + 5 },
    },
    {
      name: '§ 42 Abs. 3 S. 1 SGB VIII: not done while one recorded custodian is not informed',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [{ id: 'a', informedAt: DECIDED + 300 }, { id: 'b', informedAt: DECIDED + 100 }, { id: 'c' }],
      },
      facts: { decisionAt: DECIDED },
    },
    {
      name: '§ 42 Abs. 3 S. 1 SGB VIII: done when every custodian is informed, at the last of them',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [
          { id: 'a', informedAt: DECIDED + 300 },
          { id: 'b', informedAt: DECIDED + 100 },
          { id: 'c', role: 'erziehungsberechtigt', informedAt: DECIDED + 200 },
        ],
      },
      facts: { decisionAt: DECIDED, custodiansInformedAt: DECIDED + 300 },
    },
    {
      name: '§ 42 Abs. 3 S. 1 SGB VIII, § 1626 BGB: joint custody with only one parent recorded is not done',
      record: {
        decision: { decidedAt: DECIDED },
        custody: { status: 'joint' },
        custodians: [{ id: 'a', role: 'mother', informedAt: DECIDED + 100 }],
      },
      facts: { decisionAt: DECIDED },
    },
    {
      name: '§ 42 Abs. 3 S. 1 SGB VIII: joint custody, both parents informed',
      record: {
        decision: { decidedAt: DECIDED },
        custody: { status: 'joint' },
        custodians: [
          { id: 'a', role: 'mother', informedAt: DECIDED + 100 },
          { id: 'b', role: 'father', informedAt: DECIDED + 400 },
        ],
      },
      facts: { decisionAt: DECIDED, custodiansInformedAt: DECIDED + 400 },
    },
    {
      name: '§ 42 Abs. 3 S. 3 SGB VIII: nobody reachable settles informing and calls for the court',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [{ id: 'a', unreachableAt: DECIDED + 100 }],
      },
      facts: { decisionAt: DECIDED, custodiansInformedAt: DECIDED + 100, custodiansUnreachableAt: DECIDED + 100 },
    },
    {
      name: 'an objection without its time counts from when that custodian was informed',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [{ id: 'a', informedAt: DECIDED + 100, objection: true }],
      },
      facts: { decisionAt: DECIDED, custodiansInformedAt: DECIDED + 100, objectionAt: DECIDED + 100 },
    },
    {
      name: 'a return to the custodians settles the court application',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [{ id: 'a', informedAt: DECIDED, objection: true, objectionAt: DECIDED + 1 }],
        end: { endedAt: DECIDED + 9, reason: 'return_to_custodians' },
      },
      facts: {
        decisionAt: DECIDED,
        custodiansInformedAt: DECIDED,
        objectionAt: DECIDED + 1,
        returnedToCustodiansAt: DECIDED + 9,
        endedAt: DECIDED + 9,
      },
    },
    {
      name: 'another end does not',
      record: { decision: { decidedAt: DECIDED }, end: { endedAt: DECIDED + 9, reason: 'foster_family' } },
      facts: { decisionAt: DECIDED, endedAt: DECIDED + 9 },
    },
    {
      name: 'Freiheitsentziehung, its end and the court decision',
      record: {
        freedomDeprivation: { startAt: DECIDED, endAt: DECIDED + 7, courtDecisionAt: DECIDED + 8 },
        court: { applicationAt: DECIDED + 6, neededAt: DECIDED + 5 },
      },
      facts: {
        freedomDeprivationStartAt: DECIDED,
        freedomDeprivationEndAt: DECIDED + 7,
        courtDecisionAt: DECIDED + 8,
        courtNeededAt: DECIDED + 5,
        courtApplicationAt: DECIDED + 6,
      },
    },
    {
      name: '§ 8a Abs. 1 SGB VIII: Fachkräfte consulted in the night are the joint assessment',
      record: {
        decision: { decidedAt: DECIDED },
        risk: { consulted: [{ id: 'k', name: 'L', at: DECIDED + 60 }], jointAssessmentAt: DECIDED + 90 },
      },
      facts: { decisionAt: DECIDED, jointAssessmentAt: DECIDED + 60 },
    },
    {
      name: '§ 42a with its initial assessment, identity doubt and the distribution excluded',
      record: {
        decision: { ground: '42a', decidedAt: DECIDED },
        provisional: {
          startAt: DECIDED + 1,
          stateOfficeReportedAt: DECIDED + 2,
          distributionDecidedAt: DECIDED + 3,
          distributionOutcome: 'excluded',
          initialAssessmentAt: DECIDED + 4,
          healthCheckAt: DECIDED + 5,
          identityDoubt: true,
          identityCheckAt: DECIDED + 6,
        },
      },
      facts: {
        ground: '42a',
        decisionAt: DECIDED,
        provisionalIntakeAt: DECIDED + 1,
        stateOfficeReportedAt: DECIDED + 2,
        distributionDecidedAt: DECIDED + 3,
        distributionExcludedAt: DECIDED + 3,
        initialAssessmentAt: DECIDED + 4,
        healthCheckAt: DECIDED + 5,
        identityDoubtAt: DECIDED + 1,
        identityCheckAt: DECIDED + 6,
      },
    },
    {
      name: '§ 42a: the intake starts at the decision if no start is given',
      record: { decision: { ground: '42a', decidedAt: DECIDED }, custodians: [{ id: 'a' }] },
      facts: { ground: '42a', decisionAt: DECIDED, provisionalIntakeAt: DECIDED },
    },
    {
      name: '§ 42f SGB VIII: a medical examination counts only with explanation and consent',
      record: {
        decision: { ground: '42a', decidedAt: DECIDED },
        ageAssessment: { method: 'medical', assessedAt: DECIDED + 7, result: 'minor', medicalConsent: true },
      },
      facts: { ground: '42a', decisionAt: DECIDED, provisionalIntakeAt: DECIDED },
    },
    {
      name: '§ 42f SGB VIII: assessed with a result, and the written decision',
      record: {
        decision: { ground: '42a', decidedAt: DECIDED },
        ageAssessment: {
          method: 'qualified_visual',
          assessedAt: DECIDED + 7,
          result: 'minor',
          writtenDecisionAt: DECIDED + 8,
        },
      },
      facts: {
        ground: '42a',
        decisionAt: DECIDED,
        provisionalIntakeAt: DECIDED,
        ageAssessedAt: DECIDED + 7,
        ageDecisionIssuedAt: DECIDED + 8,
      },
    },
    {
      name: 'report dates of a § 42 Nr. 3 record without a preceding § 42a measure are not § 42a facts',
      record: { decision: { ground: '42_1_3', decidedAt: DECIDED }, provisional: { stateOfficeReportedAt: DECIDED } },
      facts: { ground: '42_1_3', decisionAt: DECIDED },
    },
    {
      name: 'the linked sequence § 42a -> § 42 Abs. 1 S. 1 Nr. 3: the § 42a facts stay with their own start',
      record: {
        decision: { ground: '42_1_3', decidedAt: DECIDED + 50 },
        provisional: { startAt: DECIDED, stateOfficeReportedAt: DECIDED + 2 },
        guardian: { asylumNeed: 'no', asylumCheckedAt: DECIDED + 60, applicationAt: DECIDED + 70 },
      },
      facts: {
        ground: '42_1_3',
        decisionAt: DECIDED + 50,
        provisionalIntakeAt: DECIDED,
        stateOfficeReportedAt: DECIDED + 2,
        asylumSettledAt: DECIDED + 60,
        guardianApplicationAt: DECIDED + 70,
      },
    },
    {
      name: 'the handover to the ASD and the Hilfeplanverfahren',
      record: {
        decision: { decidedAt: DECIDED },
        handover: { handedOverAt: DECIDED + 4, helpPlanStartedAt: DECIDED + 5 },
      },
      facts: { decisionAt: DECIDED, handedOverAt: DECIDED + 4, helpPlanStartedAt: DECIDED + 5 },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(deadlineFactsOf(c.record)).toEqual(c.facts);
    });
  }

  it('turns a §42 night into obligations: open at night, overdue by noon, done once the record says so', () => {
    const night: DeadlineSource = {
      decision: { ground: '42_1_2a', decidedAt: DECIDED },
      custodians: [{ id: 'm', objection: true, objectionAt: DECIDED + 30 * 60_000 }],
    };
    expect(summary(night, DECIDED + 60_000)).toEqual([
      ['informCustodians', iso('2025-05-20T04:00+02:00'), 'open'],
      ['explainToChild', iso('2025-05-20T04:00+02:00'), 'open'],
      ['handoverToAsd', iso('2025-05-20T08:30+02:00'), 'open'],
      ['applyToFamilyCourt', iso('2025-05-21T23:59:59.999+02:00'), 'open'],
      ['jointRiskAssessment', iso('2025-05-21T23:59:59.999+02:00'), 'open'],
    ]);
    const noon = at('2025-05-20T12:00+02:00');
    expect(overdueCount(night, noon)).toBe(3);
    const done: DeadlineSource = {
      ...night,
      decision: { ...night.decision, childInformedAt: DECIDED + 10 * 60_000 },
      custodians: [{ ...night.custodians![0], informedAt: DECIDED + 20 * 60_000 }],
      handover: { handedOverAt: at('2025-05-20T08:15+02:00') },
      court: { applicationAt: at('2025-05-20T10:00+02:00') },
      risk: { jointAssessmentAt: at('2025-05-20T11:00+02:00') },
    };
    expect(summary(done, noon).map(([kind, , status]) => [kind, status])).toEqual([
      ['informCustodians', 'done'],
      ['explainToChild', 'done'],
      ['handoverToAsd', 'done'],
      ['applyToFamilyCourt', 'done'],
      ['jointRiskAssessment', 'done'],
    ]);
    expect(overdueCount(done, noon)).toBe(0);
  });

  it('gives the demo record its obligations of the night', () => {
    const start = at('2025-05-17T01:00+02:00'); // Saturday: handover Monday 08:30
    const list = obligationsOfIntake(demoNightRecord(start), start + 3_600_000);
    expect(list.map((o) => [o.kind, new Date(o.dueAt).toISOString(), o.status])).toEqual([
      ['informCustodians', new Date(start + 40 * 60_000 + 2 * 3_600_000).toISOString(), 'open'],
      ['explainToChild', new Date(start + 40 * 60_000 + 2 * 3_600_000).toISOString(), 'done'],
      ['handoverToAsd', iso('2025-05-19T08:30+02:00'), 'open'],
      ['jointRiskAssessment', iso('2025-05-19T23:59:59.999+02:00'), 'done'],
    ]);
  });

  it('§ 42 Abs. 3 S. 1 and S. 4 SGB VIII: an unaccompanied minor (Nr. 3) gets no never-completable "inform the custodians", but the Vormund application', () => {
    const nr3: DeadlineSource = { decision: { ground: '42_1_3', decidedAt: DECIDED } };
    const kinds = obligationsOfIntake(nr3, DECIDED).map((o) => o.kind);
    expect(kinds).not.toContain('informCustodians');
    expect(kinds).toEqual(expect.arrayContaining(['appointGuardian', 'asylumApplication', 'explainToChild']));
    const known: DeadlineSource = { decision: { ground: '42a', decidedAt: DECIDED }, custodians: [{ id: 'a' }] };
    expect(obligationsOfIntake(known, DECIDED).map((o) => o.kind)).not.toContain('informCustodians');
  });
});
