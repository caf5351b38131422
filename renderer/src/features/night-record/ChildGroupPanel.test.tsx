import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useCallback } from 'react';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { useIntake } from '../../data/hooks';
import type { FieldEdit, IntakeRepository } from '../../data/intakes';
import { openTestRepositories } from '../../test-fixtures/database';
import { submittedRecord } from '../../test-fixtures/intake';
import { renderWithTheme } from '../../test-render';
import { ChildGroupPanel } from './ChildGroupPanel';

const NOW = Date.parse('2025-05-18T01:40+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const t = de.relatedRecords.group;
/** Generous: the store is encrypted and the machine may be busy; the test asserts what, not how fast. */
const SLOW = 60_000;

let db: ObhutDatabase;
let intakes: IntakeRepository;
let client: ObhutClient;

beforeEach(async () => {
  ({ db, intakes, client } = await openTestRepositories('obhut_group', user, () => NOW));
});
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

/** The panel as the record page shows it, fed from the local database and writing the open record through it. */
function Harness({ id }: { id: string }) {
  const intake = useIntake(id);
  const write = useCallback(async (edits: readonly FieldEdit[]) => void (await intakes.setFields(id, edits)), [id]);
  if (!intake) return null;
  return <ChildGroupPanel record={intake} officeId={user.officeId} editable write={write} intakes={intakes} />;
}

describe('linking the children taken in together', () => {
  it('finds a record beyond the newest ones by its name and links it, without reading every record', async () => {
    // 40 calls of the last weeks, and a sister's record of two years ago that only typing her name offers.
    const recent = Array.from({ length: 40 }, (_, i) =>
      submittedRecord(`recent-${i}`, `Kind${i}`, new Date(NOW - (i + 1) * 86_400_000).toISOString()),
    );
    await db.intakes.bulkInsert([
      ...recent,
      submittedRecord('ronja-2023', 'Ronja', '2023-04-02T22:00+02:00', {
        child: { firstName: 'Ronja', lastName: 'Räuberin' },
      }),
    ]);
    await intakes.create(
      { ...demoNightRecord(NOW), child: { firstName: 'Mattis', lastName: 'Räuberin' }, status: 'draft' },
      'mattis-now',
    );
    // The session's name index is built (once, as after the list page); the panel reads no more than that.
    await intakes.prepareSearch();
    const find = vi.spyOn(db.intakes, 'find');

    renderWithTheme(
      <ClientContext.Provider value={client}>
        <Harness id="mattis-now" />
      </ClientContext.Provider>,
    );
    const panel = await screen.findByTestId('child-group', undefined, { timeout: SLOW });
    const select = within(panel).getByRole('combobox', { name: t.linkWith });

    // Before a name is typed: the newest 20 records (this one aside), not hers.
    const u = userEvent.setup();
    await u.click(select);
    await screen.findByRole('option', { name: /^Kind0 Testkind/, hidden: true }, { timeout: SLOW });
    expect(screen.getAllByRole('option', { name: /Testkind/, hidden: true })).toHaveLength(19);
    expect(screen.queryByRole('option', { name: /^Ronja/, hidden: true })).toBeNull();

    // Typed as it is heard at night: no umlaut, lower case.
    await u.type(select, 'rauber');
    await u.click(
      await screen.findByRole('option', { name: 'Ronja Räuberin (02.04.2023)', hidden: true }, { timeout: SLOW }),
    );
    expect(select).toHaveValue('Ronja Räuberin (02.04.2023)');
    await u.click(within(panel).getByRole('button', { name: t.link }));

    await waitFor(
      () =>
        expect(
          within(panel)
            .getAllByRole('listitem')
            .map((li) => li.textContent),
        ).toEqual(['Ronja Räuberin', 'Mattis Räuberin']),
      { timeout: SLOW },
    );
    const [ronja, mattis] = await Promise.all([intakes.get('ronja-2023'), intakes.get('mattis-now')]);
    expect(ronja?.group).toEqual({ id: mattis?.group?.id, kind: 'siblings' });
    expect(mattis?.group?.kind).toBe('siblings');
    // Only the newest records are queried (by the index on the call time); the rest is read by id.
    expect(find).toHaveBeenCalled();
    for (const [query] of find.mock.calls) expect(query?.limit).toBe(20);
  }, 120_000);
});
