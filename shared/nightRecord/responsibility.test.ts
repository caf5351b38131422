import { describe, expect, it } from 'vitest';

import { responsibilityOf } from './responsibility';

describe('örtliche Zuständigkeit', () => {
  it('is unknown until the place before the measure is recorded', () => {
    expect(responsibilityOf({ officeId: 'segeberg' })).toMatchObject({
      officeId: undefined,
      basis: undefined,
      handoverNeeded: false,
    });
  });

  it("follows where the child actually was before (§87), and names the custodians' office for follow-up help (§86)", () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        responsibility: { locationBeforeOfficeId: 'segeberg', custodiansResidenceOfficeId: 'pinneberg' },
      }),
    ).toEqual({
      officeId: 'segeberg',
      basis: '§87',
      derivedOfficeId: 'segeberg',
      missing: undefined,
      followUpOfficeId: 'pinneberg',
      handoverNeeded: false,
    });
  });

  it('§ 88a Abs. 1 SGB VIII: a provisional intake rests on where the child was before; handover when another office', () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        decision: { ground: '42a' },
        responsibility: { locationBeforeOfficeId: 'stormarn' },
      }),
    ).toMatchObject({ officeId: 'stormarn', basis: '§88a Abs. 1', handoverNeeded: true });
  });

  it('§ 87 S. 2, § 88a Abs. 2 S. 1 SGB VIII: Nr. 3 follows the allocation decision, not where the child was', () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        decision: { ground: '42_1_3' },
        responsibility: { locationBeforeOfficeId: 'segeberg', allocatedOfficeId: 'pinneberg' },
      }),
    ).toMatchObject({ officeId: 'pinneberg', basis: '§88a Abs. 2 S. 1', handoverNeeded: true });
  });

  it('§ 88a Abs. 2 S. 2 SGB VIII: Nr. 3 with the distribution excluded stays with the § 42a office', () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        decision: { ground: '42_1_3' },
        provisional: { startAt: 1, distributionOutcome: 'excluded' },
        responsibility: { locationBeforeOfficeId: 'segeberg' },
      }),
    ).toMatchObject({ officeId: 'segeberg', basis: '§88a Abs. 2 S. 2', handoverNeeded: false });
  });

  it('§ 88a Abs. 2 SGB VIII: Nr. 3 without allocation or exclusion is open and says what is missing (not § 87)', () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        decision: { ground: '42_1_3' },
        responsibility: { locationBeforeOfficeId: 'stormarn' },
      }),
    ).toMatchObject({ officeId: undefined, basis: undefined, missing: 'allocation', handoverNeeded: false });
  });

  it('takes the override over the derivation and keeps what was derived', () => {
    expect(
      responsibilityOf({
        officeId: 'norderstedt',
        responsibility: {
          locationBeforeOfficeId: 'outside',
          overrideOfficeId: 'norderstedt',
          overrideReason: 'Absprache',
        },
      }),
    ).toMatchObject({ officeId: 'norderstedt', basis: 'override', derivedOfficeId: 'outside', handoverNeeded: false });
  });
});
