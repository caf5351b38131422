import { describe, expect, it } from 'vitest';

import { de } from '../i18n';
import { DEFAULT_DUE_SOON_MS, OBLIGATION_STATUSES, obligationsOf, obligationStatus } from './obligations';
import { type Obligation, OBLIGATION_KINDS } from './rules';

const at = (s: string) => Date.parse(s);
const HOUR = 3_600_000;

describe('status of an obligation at a moment', () => {
  const due = at('2025-11-05T23:59:59.999+01:00');
  const open: Obligation = { kind: 'applyToFamilyCourt', dueAt: due, basis: '§42 Abs. 3 SGB VIII' };

  it.each([
    ['well before the window', open, due - 5 * HOUR, 'open'],
    ['one ms before the window', open, due - 4 * HOUR - 1, 'open'],
    ['at the start of the window', open, due - 4 * HOUR, 'dueSoon'],
    ['at the due instant itself', open, due, 'dueSoon'],
    ['one ms past due', open, due + 1, 'overdue'],
    ['days past due', open, due + 72 * HOUR, 'overdue'],
    ['done in time, asked later', { ...open, doneAt: due - HOUR }, due + 72 * HOUR, 'done'],
    ['done late is still done', { ...open, doneAt: due + HOUR }, due + 2 * HOUR, 'done'],
  ] as const)('%s -> %s', (_case, obligation, now, expected) => {
    expect(obligationStatus(obligation, now, 4 * HOUR)).toBe(expected);
  });
});

describe('obligations of a record', () => {
  it('has none for an empty record', () => {
    expect(obligationsOf({}, at('2025-11-04T10:00+01:00'))).toEqual([]);
  });

  it('lists a §42 night with Freiheitsentziehung and objection, earliest first, each with its status', () => {
    // Friday night before the autumn change; seen on Saturday noon.
    const facts = {
      ground: '42_1_2a' as const,
      decisionAt: at('2025-10-24T23:00+02:00'),
      childInformedAt: at('2025-10-24T23:30+02:00'),
      custodiansInformedAt: at('2025-10-25T00:30+02:00'),
      freedomDeprivationStartAt: at('2025-10-24T23:10+02:00'),
      objectionAt: at('2025-10-25T00:30+02:00'),
    };
    const list = obligationsOf(facts, at('2025-10-25T12:00+02:00'));
    expect(list.map((o) => [o.kind, new Date(o.dueAt).toISOString(), o.status])).toEqual([
      ['informCustodians', new Date(at('2025-10-25T01:00+02:00')).toISOString(), 'done'],
      ['explainToChild', new Date(at('2025-10-25T01:00+02:00')).toISOString(), 'done'],
      ['endFreedomDeprivation', new Date(at('2025-10-25T23:59:59.999+02:00')).toISOString(), 'open'],
      ['handoverToAsd', new Date(at('2025-10-27T08:30+01:00')).toISOString(), 'open'],
      ['applyToFamilyCourt', new Date(at('2025-10-27T23:59:59.999+01:00')).toISOString(), 'open'],
      ['jointRiskAssessment', new Date(at('2025-10-27T23:59:59.999+01:00')).toISOString(), 'open'],
    ]);
  });

  it('shows the Freiheitsentziehung due soon in the evening and overdue after midnight', () => {
    const facts = { freedomDeprivationStartAt: at('2025-10-24T23:10+02:00') };
    const status = (now: string) => obligationsOf(facts, at(now))[0].status;
    expect(status('2025-10-25T17:59+02:00')).toBe('open');
    expect(status('2025-10-25T18:00+02:00')).toBe('dueSoon');
    expect(status('2025-10-26T00:00+02:00')).toBe('overdue');
  });

  it('lists the §42a obligations of an unaccompanied minor over Reformationstag', () => {
    const facts = {
      ground: '42a' as const,
      provisionalIntakeAt: at('2025-10-30T22:00+01:00'),
      childInformedAt: at('2025-10-30T22:30+01:00'),
      handedOverAt: at('2025-11-03T08:00+01:00'),
      initialAssessmentAt: at('2025-11-05T12:00+01:00'),
    };
    const list = obligationsOf(facts, at('2025-11-12T09:00+01:00'));
    // The 7th Werktag after Thursday 30.10. is Saturday 08.11. (Reformationstag skipped, Saturday 01.11. counted).
    expect(list.map((o) => [o.kind, o.status])).toEqual([
      ['explainToChild', 'done'],
      ['handoverToAsd', 'done'],
      ['initialAssessment', 'done'],
      ['healthCheck', 'overdue'],
      ['ageAssessment', 'overdue'],
      ['reportToStateOffice', 'overdue'],
      ['distributionLimit', 'open'],
    ]);
    expect(new Date(list[5].dueAt).toISOString()).toBe(new Date(at('2025-11-08T23:59:59.999+01:00')).toISOString());
    expect(obligationsOf(facts, at('2025-11-25T09:00+01:00')).find((o) => o.kind === 'distributionLimit')?.status).toBe(
      'dueSoon',
    );
  });

  it('takes a shorter custodians grace and other due-soon windows', () => {
    const facts = { decisionAt: at('2025-06-10T03:00+02:00') };
    const now = at('2025-06-10T03:20+02:00');
    expect(obligationsOf(facts, now)[0].status).toBe('open');
    expect(obligationsOf(facts, now, { custodiansGraceMs: HOUR })[0].status).toBe('dueSoon');
    expect(obligationsOf(facts, now, { custodiansGraceMs: 15 * 60_000 })[0].status).toBe('overdue');
    expect(obligationsOf(facts, now, { dueSoonMs: { informCustodians: 2 * HOUR } })[0].status).toBe('dueSoon');
  });

  it.each([
    ['NaN', { decisionAt: Number.NaN }],
    ['Infinity', { handedOverAt: Number.POSITIVE_INFINITY }],
  ])('rejects a %s timestamp naming the field', (_case, facts) => {
    expect(() => obligationsOf(facts, 0)).toThrow(new RegExp(Object.keys(facts)[0]));
  });
});

describe('catalogue', () => {
  it('§ 42, § 42a-f SGB VIII: every duty shown cites its paragraph (or the local rule it rests on)', () => {
    const at0 = Date.parse('2025-05-02T10:00+02:00');
    const everything = {
      ground: '42_1_3' as const,
      decisionAt: at0,
      provisionalIntakeAt: at0,
      custodiansInformedAt: at0,
      objectionAt: at0,
      custodiansUnreachableAt: at0,
      courtNeededAt: at0,
      freedomDeprivationStartAt: at0,
      identityDoubtAt: at0,
      ageAssessedAt: at0,
    };
    const nr2 = {
      ...everything,
      ground: '42_1_2a' as const,
      objectionAt: undefined,
      custodiansUnreachableAt: undefined,
    };
    const kinds = new Set<string>();
    for (const facts of [everything, nr2]) {
      for (const o of obligationsOf(facts, at0)) {
        kinds.add(o.kind);
        expect(o.basis, o.kind).toMatch(/§ \d+[a-z]? Abs\. \d+[a-z]?.* SGB (VIII|X)|^örtliche Regelung$/);
      }
    }
    expect([...kinds].sort()).toEqual([...OBLIGATION_KINDS].sort());
  });

  it('has a German label for every kind and status, and a window for every kind', () => {
    for (const kind of OBLIGATION_KINDS) {
      expect(de.deadlines.kinds[kind]).toMatch(/\S/);
      expect(DEFAULT_DUE_SOON_MS[kind]).toBeGreaterThan(0);
    }
    expect(OBLIGATION_STATUSES.map((s) => de.deadlines.statuses[s])).toEqual([
      'offen',
      'bald fällig',
      'überfällig',
      'erledigt',
    ]);
  });
});
