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
      followUpOfficeId: 'pinneberg',
      handoverNeeded: false,
    });
  });

  it('rests on §88a for a provisional intake and asks for a handover when another office is responsible', () => {
    expect(
      responsibilityOf({
        officeId: 'segeberg',
        decision: { ground: '42a' },
        responsibility: { locationBeforeOfficeId: 'stormarn' },
      }),
    ).toMatchObject({ officeId: 'stormarn', basis: '§88a', handoverNeeded: true });
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
