import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import { withholdFromEntries, withholdFromIntake } from '../../../../shared/privacy/entrusted';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import type { EntryRepository } from '../../data/entries';
import { useEntries, useIntake } from '../../data/hooks';
import type { IntakeRepository } from '../../data/intakes';
import { openTestRepositories } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { EntrustedPanel } from './EntrustedPanel';

const NOW = Date.parse('2026-11-24T02:10:00+01:00');
const user = {
  id: 'bereitschaft.pinneberg',
  username: 'bereitschaft.pinneberg',
  displayName: 'B',
  officeId: 'pinneberg',
  roles: ['oncall'],
};
const t = de.privacy.entrusted;
const REASONS = 'Das Kind erzählt vertraulich von Schlägen des Stiefvaters.';

let db: ObhutDatabase;
let intakes: IntakeRepository;
let entries: EntryRepository;
let client: ObhutClient;

beforeEach(async () => {
  ({ db, intakes, entries, client } = await openTestRepositories('obhut_entrusted', user, () => NOW));
});
afterEach(async () => {
  cleanup();
  await db.close();
});

function Harness({ id }: { id: string }) {
  const intake = useIntake(id);
  const log = useEntries(id);
  if (!intake) return null;
  return <EntrustedPanel intake={intake} entries={log} intakes={intakes} currentUserId={user.id} now={() => NOW} />;
}

async function renderRecord() {
  const night = demoNightRecord(NOW - 3_600_000);
  const intake = await intakes.create({
    ...night,
    status: 'draft',
    decision: { ...night.decision, reasons: REASONS },
  });
  const line = await entries.append(intake.id, { kind: 'note', text: 'Nachbarin ruft an: der Vater trinkt.' });
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <Harness id={intake.id} />
    </ClientContext.Provider>,
  );
  await screen.findByText(t.none);
  return { id: intake.id, line };
}

describe('EntrustedPanel (§ 65 SGB VIII)', () => {
  it('marks a field as entrusted with its source; the record lists it and handover and documents withhold it', async () => {
    const { id } = await renderRecord();
    await userEvent.click(screen.getByRole('button', { name: t.open }));
    await userEvent.selectOptions(
      screen.getByLabelText(t.target),
      screen.getByRole('option', {
        name: de.nightRecord.sections.decision + ' – ' + de.nightRecord.fields['decision.reasons'],
      }),
    );
    await userEvent.type(screen.getByLabelText(t.from), 'das Kind selbst');
    await userEvent.click(screen.getByRole('button', { name: t.save }));

    const row = await screen.findByTestId('entrusted-mark');
    expect(row).toHaveTextContent(de.nightRecord.fields['decision.reasons']);
    expect(row).toHaveTextContent('anvertraut von das Kind selbst');
    expect(within(row).getByTestId('entrusted-withheld-ways')).toHaveTextContent(t.disclosures.handover);
    const stored = (await intakes.get(id))!;
    expect(stored.entrusted).toEqual([
      { id: expect.any(String), field: 'decision.reasons', from: 'das Kind selbst', markedBy: user.id, markedAt: NOW },
    ]);
    // What the server hands to the receiving office and what a document prints (the one rule of shared/privacy).
    expect(withholdFromIntake(stored, 'handover').decision?.reasons).toBeUndefined();
    expect(withholdFromIntake(stored, 'document').decision?.reasons).toBeUndefined();
    // The field itself is offered no more.
    await userEvent.click(await screen.findByRole('button', { name: t.open }));
    expect(
      screen.queryByRole('option', {
        name: de.nightRecord.sections.decision + ' – ' + de.nightRecord.fields['decision.reasons'],
      }),
    ).toBeNull();
  });

  it('marks a log line, refuses a mark without its source, and records a consent later', async () => {
    const { id, line } = await renderRecord();
    await userEvent.click(screen.getByRole('button', { name: t.open }));
    const option = screen.getByRole('option', { name: /Nachbarin ruft an/ });
    await userEvent.selectOptions(screen.getByLabelText(t.target), option);
    await userEvent.click(screen.getByRole('button', { name: t.save }));
    expect(await screen.findByRole('alert')).toHaveTextContent(de.errors.entrusted_source_missing);
    expect((await intakes.get(id))!.entrusted).toBeUndefined();

    await userEvent.type(screen.getByLabelText(t.from), 'Nachbarin');
    await userEvent.click(screen.getByRole('button', { name: t.save }));
    const row = await screen.findByTestId('entrusted-mark');
    expect(row).toHaveTextContent('Nachbarin ruft an');
    const marked = (await intakes.get(id))!;
    expect(withholdFromEntries([line], marked, 'handover')[0].text).toBe('');

    await userEvent.click(within(row).getByRole('button', { name: new RegExp(t.recordBasis) }));
    await userEvent.selectOptions(within(row).getByLabelText(t.basis), t.bases.nr1_consent);
    await userEvent.type(within(row).getByLabelText(t.basisNote), 'Telefonisch am Morgen eingewilligt');
    await userEvent.click(within(row).getByRole('button', { name: t.saveBasis }));
    await waitFor(() =>
      expect(within(row).getByTestId('entrusted-withheld-ways')).toHaveTextContent(t.releasedEverywhere),
    );
    const consented = (await intakes.get(id))!;
    expect(consented.entrusted?.[0]).toMatchObject({
      entryId: line.id,
      basis: 'nr1_consent',
      basisNote: 'Telefonisch am Morgen eingewilligt',
      basisBy: user.id,
      basisAt: NOW,
    });
    expect(withholdFromEntries([line], consented, 'handover')[0].text).toBe(line.text);
  });
});
