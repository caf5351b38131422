import { describe, expect, it } from 'vitest';

import { demoNightRecord } from '../demo/nightRecord';
import type { EntrustedMark } from '../schema/entrusted';
import type { Entry } from '../schema/entry';
import type { Intake } from '../schema/intake';
import {
  entrustedChangeProblem,
  entrustedMarkProblem,
  isMarkableField,
  releases,
  withheldOf,
  withholdFromEntries,
  withholdFromIntake,
} from './entrusted';

const AT = Date.parse('2026-11-24T02:10:00+01:00');
const record = {
  ...demoNightRecord(AT),
  id: 'i1',
  officeId: 'segeberg',
  situation: 'Die Nachbarin berichtet vertraulich von Schlägen.',
} as Intake;
const mark = (over: Partial<EntrustedMark>): EntrustedMark => ({
  id: 'm1',
  from: 'Nachbarin (Frau M.)',
  markedBy: 'u1',
  markedAt: AT,
  ...over,
});
const line = (id: string, text: string): Entry => ({
  id,
  officeId: 'segeberg',
  intakeId: 'i1',
  kind: 'note',
  at: AT,
  createdBy: 'u1',
  createdAt: AT,
  updatedAt: AT,
  text,
});

describe('what entrusted data is released to whom (§ 65 SGB VIII)', () => {
  it('releases nothing without a recorded basis', () => {
    for (const d of ['handover', 'family_court', 'document', 'access_request'] as const) {
      expect(releases(mark({ field: 'situation' }), d)).toBe(false);
    }
  });

  it('opens each basis only for the recipient the law names', () => {
    const withBasis = (basis: EntrustedMark['basis']) => mark({ basis, basisBy: 'u2', basisAt: AT });
    expect(releases(withBasis('nr1_consent'), 'access_request')).toBe(true);
    expect(releases(withBasis('nr2_family_court'), 'family_court')).toBe(true);
    expect(releases(withBasis('nr2_family_court'), 'handover')).toBe(false);
    expect(releases(withBasis('nr2_family_court'), 'document')).toBe(false);
    expect(releases(withBasis('nr3_responsibility'), 'handover')).toBe(true);
    expect(releases(withBasis('nr3_responsibility'), 'family_court')).toBe(false);
    expect(releases(withBasis('nr4_risk'), 'handover')).toBe(false);
    expect(releases(withBasis('nr5_stgb'), 'document')).toBe(true);
    expect(releases(withBasis('nr5_stgb'), 'access_request')).toBe(false);
  });

  it('removes withheld fields and keeps only the note that something was withheld', () => {
    const marked: Intake = {
      ...record,
      risk: { ...record.risk, assessment: 'vertraulich' },
      entrusted: [
        mark({ id: 'm1', field: 'situation' }),
        mark({ id: 'm2', field: 'risk.assessment' }),
        mark({
          id: 'm3',
          field: 'call.note',
          from: 'Kind selbst',
          basis: 'nr3_responsibility',
          basisBy: 'u2',
          basisAt: AT,
        }),
      ],
    };
    const out = withholdFromIntake(marked, 'handover');
    expect(out.situation).toBe('');
    expect(out.risk?.assessment).toBeUndefined();
    expect(out.risk?.indicators).toEqual(marked.risk?.indicators);
    expect(out.call?.note).toBe(marked.call?.note);
    expect(JSON.stringify(out)).not.toContain('Nachbarin');
    expect(out.entrusted).toEqual([
      { id: 'm1', field: 'situation', markedBy: 'u1', markedAt: AT, withheld: true },
      { id: 'm2', field: 'risk.assessment', markedBy: 'u1', markedAt: AT, withheld: true },
      marked.entrusted![2],
    ]);
    expect(withheldOf(out)).toEqual({ fields: ['situation', 'risk.assessment'], entryIds: [] });
    // A copy already withheld stays as it is when passed on again.
    expect(withholdFromIntake(out, 'handover')).toEqual(out);
    // The original is untouched and a record without marks is returned as it is.
    expect(marked.situation).toContain('Schlägen');
    expect(withholdFromIntake(record, 'handover')).toBe(record);
  });

  it('empties a withheld log line and its placement, keeps the others', () => {
    const intake: Intake = { ...record, entrusted: [mark({ entryId: 'e2' })] };
    const lines = [
      line('e1', 'Kind angekommen.'),
      { ...line('e2', 'Mutter sagt im Vertrauen …'), placement: { facilityName: 'X', answer: 'accepted' } } as Entry,
    ];
    const out = withholdFromEntries(lines, intake, 'family_court');
    expect(out[0]).toBe(lines[0]);
    expect(out[1].text).toBe('');
    expect(out[1].placement).toBeUndefined();
    expect(out[1].at).toBe(AT);
    const consented: Intake = {
      ...record,
      entrusted: [mark({ entryId: 'e2', basis: 'nr1_consent', basisBy: 'u2', basisAt: AT })],
    };
    expect(withholdFromEntries(lines, consented, 'family_court')).toEqual(lines);
  });

  it('accepts only complete marks written by the office', () => {
    expect(entrustedMarkProblem(mark({ field: 'situation' }))).toBeNull();
    expect(entrustedMarkProblem(mark({ entryId: 'e1' }))).toBeNull();
    expect(entrustedMarkProblem(mark({}))).toBe('entrusted_mark_invalid');
    expect(entrustedMarkProblem(mark({ field: 'situation', entryId: 'e1' }))).toBe('entrusted_mark_invalid');
    expect(entrustedMarkProblem(mark({ field: 'child.firstName' }))).toBe('entrusted_mark_invalid');
    expect(entrustedMarkProblem(mark({ field: 'custodians[c1].name' }))).toBe('entrusted_mark_invalid');
    expect(entrustedMarkProblem(mark({ field: 'situation', from: '  ' }))).toBe('entrusted_source_missing');
    expect(entrustedMarkProblem(mark({ field: 'situation', withheld: true }))).toBe('entrusted_mark_invalid');
    expect(entrustedMarkProblem(mark({ field: 'situation', basis: 'nr1_consent' }))).toBe('entrusted_mark_invalid');
    // Marks stored before are not judged again; a changed one is.
    const stored = { entrusted: [mark({ field: 'situation' })] };
    expect(entrustedChangeProblem(undefined, { entrusted: [mark({ field: 'situation', from: '' })] })).toBe(
      'entrusted_source_missing',
    );
    expect(entrustedChangeProblem(stored, stored)).toBeNull();
    expect(entrustedChangeProblem(stored, { entrusted: [{ ...stored.entrusted[0], basis: 'nr1_consent' }] })).toBe(
      'entrusted_mark_invalid',
    );
  });

  it('offers only fields a mark may name: the situation and the fields of the night-record sections', () => {
    expect(isMarkableField('situation')).toBe(true);
    expect(isMarkableField('risk.assessment')).toBe(true);
    expect(isMarkableField('child.birthDate')).toBe(false);
    expect(isMarkableField('risk')).toBe(false);
    expect(isMarkableField('custodians[c1].name')).toBe(false);
  });
});
