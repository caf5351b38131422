import { describe, expect, it } from 'vitest';

import { deadlines } from '../i18n/de/deadlines';
import { type DeadlineFacts, OBLIGATION_KINDS, obligationsOf } from '.';

/**
 * Issue 13 Show 2: every duty shown cites its paragraph and its law. The one local rule (handover to the ASD the
 * next working morning) says that it is a local rule, not a law.
 */
const PARAGRAPH = /§ \d+[a-f]? (Abs\. \d+[a-z]? )?.*(SGB VIII|SGB X)/;
const at = (s: string) => Date.parse(s);
const T = at('2025-10-31T01:00+01:00'); // Reformationstag, an SH holiday

/** Facts that raise every kind of duty at least once (two grounds: Nr. 2a and § 42a). */
const everyDuty: DeadlineFacts[] = [
  {
    ground: '42_1_2a',
    decisionAt: T,
    custodiansInformedAt: T + 1,
    objectionAt: T + 2,
    courtNeededAt: T + 3,
    freedomDeprivationStartAt: T,
  },
  { ground: '42_1_2a', decisionAt: T, custodiansInformedAt: T + 1 },
  { ground: '42_1_3', decisionAt: T },
  {
    ground: '42a',
    decisionAt: T,
    provisionalIntakeAt: T,
    identityDoubtAt: T,
    ageAssessedAt: T + 5,
    distributionExcludedAt: T + 6,
  },
];

describe('the source beside every duty (issue 13 Show 2)', () => {
  const obligations = everyDuty.flatMap((facts) => obligationsOf(facts, T));

  it('every kind of duty is raised by one of the cases, so the check below covers them all', () => {
    expect([...new Set(obligations.map((o) => o.kind))].sort()).toEqual([...OBLIGATION_KINDS].sort());
  });

  it.each(OBLIGATION_KINDS.filter((k) => k !== 'handoverToAsd'))('%s cites its paragraph and its law', (kind) => {
    for (const o of obligations.filter((x) => x.kind === kind)) expect(o.basis).toMatch(PARAGRAPH);
  });

  it('the handover to the ASD says it is a local rule, not a law', () => {
    expect(obligations.find((o) => o.kind === 'handoverToAsd')?.basis).toBe(deadlines.bases.handoverToAsd);
    expect(deadlines.bases.handoverToAsd).toBe('örtliche Regelung');
  });

  it('every duty has a German label in the catalogue', () => {
    for (const kind of OBLIGATION_KINDS) expect(deadlines.kinds[kind].length).toBeGreaterThan(5);
  });
});
