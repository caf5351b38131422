import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { de } from '../../../shared/i18n';
import type { Entry } from '../../../shared/schema/entry';
import { renderWithTheme } from '../test-render';
import { EntryLog } from './EntryLog';

const AT = Date.parse('2025-05-18T01:10+02:00');
const entry: Entry = {
  id: 'e1',
  officeId: 'segeberg',
  intakeId: 'i1',
  kind: 'placement',
  at: AT,
  createdBy: 'bereitschaft.segeberg',
  createdAt: AT,
  updatedAt: AT,
  text: 'Alle Plätze belegt.',
  placement: { facilityName: 'Kinderhaus Travetal', answer: 'refused', reason: 'no_place' },
};

describe('EntryLog', () => {
  it('shows each line with time, kind, place and answer, and the reason the server refused a change to it', async () => {
    const restored: string[] = [];
    renderWithTheme(
      <EntryLog
        entries={[entry]}
        pendingIds={new Set()}
        rejections={[{ id: 'e1', code: 'entry_immutable', message: de.errors.entry_immutable, at: AT }]}
        now={() => AT}
        onAppend={async () => {}}
        onRestore={(id) => restored.push(id)}
      />,
    );
    const line = screen.getByTestId('entry');
    expect(line).toHaveTextContent('18.05.2025 01:10');
    expect(line).toHaveTextContent('Platzanfrage');
    expect(line).toHaveTextContent('Kinderhaus Travetal: abgelehnt (Kein Platz frei) – Alle Plätze belegt.');
    expect(line).toHaveTextContent('von bereitschaft.segeberg');
    const alert = within(line).getByTestId('entry-rejection');
    expect(alert).toHaveTextContent('Ein Protokolleintrag kann nach der Synchronisation nicht mehr geändert werden.');
    await userEvent.setup().click(within(alert).getByRole('button', { name: de.app.nightRecord.log.restore }));
    expect(restored).toEqual(['e1']);
  });
});
