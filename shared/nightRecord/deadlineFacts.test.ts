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

  const cases: { name: string; record: DeadlineSource; facts: Record<string, number> }[] = [
    {
      name: 'the decision time, else the start of the measure',
      record: { decision: { ground: '42_1_2a', startAt: DECIDED + 5 } },
      facts: { decisionAt: DECIDED + 5 },
    },
    {
      name: 'the first custodian informed counts',
      record: {
        decision: { decidedAt: DECIDED },
        custodians: [{ id: 'a', informedAt: DECIDED + 300 }, { id: 'b', informedAt: DECIDED + 100 }, { id: 'c' }],
      },
      facts: { decisionAt: DECIDED, custodiansInformedAt: DECIDED + 100 },
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
      },
    },
    {
      name: 'another end does not',
      record: { decision: { decidedAt: DECIDED }, end: { endedAt: DECIDED + 9, reason: 'foster_family' } },
      facts: { decisionAt: DECIDED },
    },
    {
      name: 'Freiheitsentziehung, its end and the court decision',
      record: {
        freedomDeprivation: { startAt: DECIDED, endAt: DECIDED + 7, courtDecisionAt: DECIDED + 8 },
        court: { applicationAt: DECIDED + 6 },
      },
      facts: {
        freedomDeprivationStartAt: DECIDED,
        freedomDeprivationEndAt: DECIDED + 7,
        courtDecisionAt: DECIDED + 8,
        courtApplicationAt: DECIDED + 6,
      },
    },
    {
      name: '§42a without known custodians: no "inform the custodians", the provisional intake instead',
      record: {
        decision: { ground: '42a', decidedAt: DECIDED },
        provisional: { startAt: DECIDED + 1, stateOfficeReportedAt: DECIDED + 2, distributionDecidedAt: DECIDED + 3 },
      },
      facts: {
        provisionalIntakeAt: DECIDED + 1,
        stateOfficeReportedAt: DECIDED + 2,
        distributionDecidedAt: DECIDED + 3,
      },
    },
    {
      name: '§42a with a custodian known: informing is due too; the intake starts at the decision if no start is given',
      record: { decision: { ground: '42a', decidedAt: DECIDED }, custodians: [{ id: 'a' }] },
      facts: { decisionAt: DECIDED, provisionalIntakeAt: DECIDED },
    },
    {
      name: 'report dates of a §42 record are not §42a facts',
      record: { decision: { ground: '42_1_3', decidedAt: DECIDED }, provisional: { stateOfficeReportedAt: DECIDED } },
      facts: { decisionAt: DECIDED },
    },
    {
      name: 'the handover to the ASD',
      record: { decision: { decidedAt: DECIDED }, handover: { handedOverAt: DECIDED + 4 } },
      facts: { decisionAt: DECIDED, handedOverAt: DECIDED + 4 },
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
      ['handoverToAsd', iso('2025-05-20T08:30+02:00'), 'open'],
      ['applyToFamilyCourt', iso('2025-05-21T23:59:59.999+02:00'), 'open'],
    ]);
    const noon = at('2025-05-20T12:00+02:00');
    expect(overdueCount(night, noon)).toBe(2);
    const done: DeadlineSource = {
      ...night,
      custodians: [{ ...night.custodians![0], informedAt: DECIDED + 20 * 60_000 }],
      handover: { handedOverAt: at('2025-05-20T08:15+02:00') },
      court: { applicationAt: at('2025-05-20T10:00+02:00') },
    };
    expect(summary(done, noon).map(([kind, , status]) => [kind, status])).toEqual([
      ['informCustodians', 'done'],
      ['handoverToAsd', 'done'],
      ['applyToFamilyCourt', 'done'],
    ]);
    expect(overdueCount(done, noon)).toBe(0);
  });

  it('gives the demo record its two obligations of the night', () => {
    const start = at('2025-05-17T01:00+02:00'); // Saturday: handover Monday 08:30
    const list = obligationsOfIntake(demoNightRecord(start), start + 3_600_000);
    expect(list.map((o) => [o.kind, new Date(o.dueAt).toISOString()])).toEqual([
      ['informCustodians', new Date(start + 40 * 60_000 + 2 * 3_600_000).toISOString()],
      ['handoverToAsd', iso('2025-05-19T08:30+02:00')],
    ]);
  });
});
