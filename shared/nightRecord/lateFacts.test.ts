import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import type { Intake } from '../schema/intake';
import { conflictRecord } from '../sync/merge';
import { isLateFactPath, lateFactChange } from './lateFacts';

const CALL = Date.parse('2026-11-24T02:10:00+01:00');
const signed = {
  ...demoNightRecord(CALL),
  id: 'i1',
  officeId: 'segeberg',
  situation: 'Fiktiver Fall.',
  status: 'submitted',
  review: { state: 'countersigned', countersignedBy: 'leitung.segeberg', countersignedAt: CALL + 9e6 },
  updatedAt: CALL + 9e6,
  updatedBy: 'leitung.segeberg',
} as unknown as Intake;
const custodianId = signed.custodians![0].id;

describe('late facts of a countersigned record', () => {
  it('names the fields that may be filled after the lock', () => {
    expect(isLateFactPath('end.endedAt')).toBe(true);
    expect(isLateFactPath('statistics.reasons')).toBe(true);
    expect(isLateFactPath(`custodians[${custodianId}].informedAt`)).toBe(true);
    expect(isLateFactPath('court.decisionAt')).toBe(true);
    expect(isLateFactPath('decision.ground')).toBe(false);
    expect(isLateFactPath(`custodians[${custodianId}].name`)).toBe(false);
    expect(isLateFactPath('handover.summary')).toBe(false);
    expect(isLateFactPath('end')).toBe(false);
  });

  it('lets every duty of issue 13 be completed after the lock, so no obligation of a signed record stays open for ever', () => {
    for (const path of [
      `custodians[${custodianId}].unreachableAt`,
      'risk.jointAssessmentAt',
      'decision.childInformedAt',
      'court.neededAt',
      'court.applicationAt',
      'handover.helpPlanStartedAt',
      'guardian.applicationAt',
      'guardian.asylumCheckedAt',
      'guardian.asylumApplicationAt',
      'provisional.initialAssessmentAt',
      'provisional.healthCheckAt',
      'provisional.identityCheckAt',
      'provisional.stateOfficeReportedAt',
      'provisional.distributionDecidedAt',
      'provisional.distributionOutcome',
      'ageAssessment.assessedAt',
      'ageAssessment.writtenDecisionAt',
      'responsibility.allocatedOfficeId',
    ]) {
      expect(isLateFactPath(path), path).toBe(true);
    }
  });

  it('accepts the end of the measure added later, and the court, with the paths added', () => {
    const next = {
      ...signed,
      end: { endedAt: CALL + 2 * 864e5, reason: 'foster_family' },
      court: { applicationAt: CALL + 864e5 },
      updatedAt: CALL + 3e9,
    } as Intake;
    expect(lateFactChange(signed, next)).toEqual({ added: ['end.endedAt', 'end.reason', 'court.applicationAt'] });
  });

  it('accepts a custodian reached the next day', () => {
    const custodians = signed.custodians!.map((c) => ({ ...c, informedAt: undefined }));
    const before = { ...signed, custodians } as Intake;
    const next = { ...before, custodians: custodians.map((c) => ({ ...c, informedAt: CALL + 864e5 })) } as Intake;
    expect(lateFactChange(before, next)).toEqual({ added: [`custodians[${custodianId}].informedAt`] });
  });

  it('refuses changing what was countersigned, changing a late fact once written, and new list items', () => {
    expect(lateFactChange(signed, { ...signed, situation: 'Anders.' })).toEqual({ violation: 'situation' });
    expect(lateFactChange(signed, { ...signed, decision: { ...signed.decision, reasons: 'Anders.' } })).toEqual({
      violation: 'decision.reasons',
    });
    const ended = { ...signed, end: { endedAt: CALL + 864e5, reason: 'foster_family' } } as Intake;
    expect(lateFactChange(ended, { ...ended, end: { ...ended.end, endedAt: CALL + 2 * 864e5 } })).toEqual({
      violation: 'end.endedAt',
    });
    expect(lateFactChange(ended, { ...ended, end: { reason: 'foster_family' } })).toEqual({ violation: 'end.endedAt' });
    const another = [...signed.custodians!, { id: 'c-neu', name: 'Vater (fiktiv)' }] as Intake['custodians'];
    expect(lateFactChange(signed, { ...signed, custodians: another })).toEqual({ violation: 'custodians' });
    expect(lateFactChange(signed, { ...signed, status: 'draft' })).toEqual({ violation: 'status' });
  });

  it('accepts an objection made the next day (an unticked box is still empty), once', () => {
    const custodians = signed.custodians!.map((c) => ({ ...c, objection: false }));
    const before = { ...signed, custodians } as Intake;
    const objected = {
      ...before,
      custodians: custodians.map((c) => ({ ...c, objection: true, objectionAt: CALL + 864e5 })),
    } as Intake;
    expect(lateFactChange(before, objected)).toEqual({
      added: [`custodians[${custodianId}].objection`, `custodians[${custodianId}].objectionAt`],
    });
    expect(lateFactChange(objected, { ...objected, custodians })).toEqual({
      violation: `custodians[${custodianId}].objection`,
    });
  });

  it('lets the merge keep a losing late fact as a conflict, and any conflict be dismissed, nothing else', () => {
    const ended = { ...signed, end: { endedAt: CALL + 864e5 } } as Intake;
    const lost = conflictRecord('end.endedAt', CALL + 2 * 864e5, 'bereitschaft.segeberg', CALL + 2e9);
    const withConflict = { ...ended, conflicts: [lost] };
    expect(lateFactChange(ended, withConflict)).toEqual({ added: [] });
    expect(lateFactChange(withConflict, ended)).toEqual({ added: [] });
    const onSigned = conflictRecord('situation', 'Anders.', 'bereitschaft.segeberg', CALL + 2e9);
    expect(lateFactChange(ended, { ...ended, conflicts: [onSigned] })).toEqual({ violation: 'conflicts' });
    expect(lateFactChange(withConflict, { ...withConflict, conflicts: [{ ...lost, value: '1' }] })).toEqual({
      violation: 'conflicts',
    });
  });

  it('ignores the review and the bookkeeping of the write', () => {
    const next = {
      ...signed,
      review: { ...signed.review!, state: 'closed' },
      updatedAt: CALL + 1e10,
      updatedBy: 'x',
    } as Intake;
    expect(lateFactChange(signed, next)).toEqual({ added: [] });
  });
});
