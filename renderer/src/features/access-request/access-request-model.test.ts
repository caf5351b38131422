import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import type { AccessAnswer } from '../../../../shared/privacy/access-request';
import { withheldOf, withholdFromEntries, withholdFromIntake } from '../../../../shared/privacy/entrusted';
import type { Entry } from '../../../../shared/schema/entry';
import type { Intake } from '../../../../shared/schema/intake';
import { specOf } from '../../record/fields';
import { accessDocumentOf } from './access-request-model';

const AT = Date.parse('2026-11-24T02:10:00+01:00');
const t = de.privacy.accessRequest;

const stored: Intake = {
  ...demoNightRecord(AT, { firstName: 'Lena', lastName: 'Beispielkind', birthDate: '2014-03-02' }),
  id: 'i-1',
  officeId: 'pinneberg',
  createdBy: 'u-1',
  createdAt: AT,
  updatedAt: AT,
  updatedBy: 'u-1',
  status: 'submitted',
  conflicts: [],
  entrusted: [
    { id: 'm1', field: 'risk.assessment', from: 'Tante', markedBy: 'u-1', markedAt: AT },
    { id: 'm2', entryId: 'e-2', from: 'Nachbarin', markedBy: 'u-1', markedAt: AT },
  ],
};
const line = (id: string, text: string): Entry => ({
  id,
  officeId: 'pinneberg',
  intakeId: 'i-1',
  kind: 'note',
  at: AT + 60_000,
  createdBy: 'u-1',
  createdAt: AT + 60_000,
  updatedAt: AT + 60_000,
  text,
});
const intake = withholdFromIntake(stored, 'access_request');
const answer: AccessAnswer = {
  request: { firstName: 'Lena', lastName: 'Beispielkind', birthDate: '2014-03-02' },
  officeId: 'pinneberg',
  producedAt: new Date(AT + 86_400_000).toISOString(),
  producedBy: 'Leitung Pinneberg (leitung.pinneberg)',
  records: [
    {
      intake,
      log: withholdFromEntries(
        [line('e-1', 'Gespräch mit Lena.'), line('e-2', 'Die Nachbarin erzählt.')],
        stored,
        'access_request',
      ),
      received: false,
      recipients: [{ officeId: 'segeberg', at: AT + 7_200_000, by: 'u-2' }],
      reads: [
        {
          at: new Date(AT).toISOString(),
          action: 'sync.push',
          actor: 'bereitschaft.pinneberg',
          deviceId: null,
          officeId: 'pinneberg',
        },
      ],
      withheld: withheldOf(intake),
    },
  ],
  toCheck: ['i-9'],
};

describe('the access request as a person reads it', () => {
  const doc = accessDocumentOf(answer);
  const [record] = doc.records;
  const rows = record.sections.flatMap((s) => s.rows);

  it('names the person, who produced it when, and files without the name', () => {
    expect(doc.person).toEqual([
      { label: t.firstName, value: 'Lena' },
      { label: t.lastName, value: 'Beispielkind' },
      { label: t.birthDate, value: '02.03.2014' },
    ]);
    expect(doc.produced).toContainEqual({ label: t.producedAt, value: '25.11.2026 02:10' });
    expect(doc.pdfFileName).toBe('Auskunft Art 15 DSGVO 25.11.2026.pdf');
    expect(doc.jsonFileName).not.toContain('Beispielkind');
    expect(doc.toCheck).toEqual(['i-9']);
  });

  it('shows values in German, list items by their number, the recipient and who read it', () => {
    expect(record.heading).toBe(t.recordHeading('24.11.2026 02:10', de.offices.pinneberg));
    expect(rows).toContainEqual({ label: specOf('child.birthDate')!.label, value: '02.03.2014' });
    expect(rows.some((r) => r.label.startsWith(`${de.app.nightRecord.custodianItem(1)} – `))).toBe(true);
    expect(record.recipients).toEqual([t.recipient(de.offices.segeberg, '24.11.2026 04:10')]);
    expect(record.reads).toEqual([
      {
        label: '24.11.2026 02:10',
        value: `${de.audit.actions['sync.push']} · bereitschaft.pinneberg · ${de.offices.pinneberg}`,
      },
    ]);
  });

  it('leaves entrusted content out and says what was withheld', () => {
    expect(rows.map((r) => r.value)).not.toContain(stored.risk?.assessment);
    expect(record.withheldFields).toEqual([expect.stringContaining(de.nightRecord.sections.risk)]);
    expect(record.withheldEntries).toBe(1);
    expect(record.log.map((l) => l.text)).toEqual(['Gespräch mit Lena.', t.withheldLine]);
  });
});
