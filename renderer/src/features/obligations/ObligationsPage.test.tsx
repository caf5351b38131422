import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NEVER, of } from 'rxjs';

import { ClientContext } from '../../app/client-context';
import { NavigationContext, type View } from '../../app/navigation';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import type { SyncStatus } from '../../data/sync-status';
import { openTestDatabase } from '../../test-fixtures/database';
import { submittedRecord as record } from '../../test-fixtures/intake';
import { renderWithTheme } from '../../test-render';
import { ObligationsPage } from './ObligationsPage';

const at = (s: string) => Date.parse(s);
const supervisor = {
  id: 'leitung.segeberg',
  username: 'leitung.segeberg',
  displayName: 'Lena Leitung',
  officeId: 'segeberg',
  roles: ['supervisor'],
};

let db: ObhutDatabase;

beforeEach(async () => {
  db = await openTestDatabase('obhut_obligations');
  await db.intakes.bulkInsert([
    // Tuesday 20.05.2025: custodians due 02:40, handover to the ASD due 08:30.
    record('mia', 'Mia', '2025-05-20T00:00+02:00'),
    // Created by the supervisor herself (shown with her name); custodians informed, handover due 08:30.
    record('lenja', 'Lenja', '2025-05-19T22:00+02:00', {
      createdBy: 'leitung.segeberg',
      custodians: [{ id: 'c1', role: 'father', name: 'Max', informedAt: at('2025-05-19T23:00+02:00') }],
    }),
    // Another office's record: not on this dashboard.
    record('fremd', 'Fremd', '2025-05-20T00:00+02:00', { officeId: 'stormarn', createdBy: 'bereitschaft.stormarn' }),
  ]);
});
afterEach(async () => {
  cleanup();
  await db.close();
});

/** The page over the app's real intake repository and local database, with a clock the test moves. */
async function renderPage({
  clock,
  status = null,
  user = supervisor,
}: {
  clock: { now: number };
  status?: SyncStatus | null;
  user?: typeof supervisor;
}) {
  const pending = await PendingWrites.open(db);
  const intakes = new IntakeRepository(db.intakes, pending, user, () => clock.now);
  const client = { user, intakes, status$: status ? of(status) : NEVER } as unknown as ObhutClient;
  const went: View[] = [];
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <NavigationContext.Provider value={{ view: { kind: 'intakes' }, go: (v) => went.push(v) }}>
        <ObligationsPage now={() => clock.now} tickMs={40} />
      </NavigationContext.Provider>
    </ClientContext.Provider>,
  );
  await screen.findByTestId('obligations-summary', {}, { timeout: 15_000 });
  return { went, intakes };
}

const rowsOf = () =>
  screen
    .queryAllByTestId('obligation-row')
    .map((r) => `${r.getAttribute('data-intake-id')}:${r.getAttribute('data-kind')}:${r.getAttribute('data-status')}`);

/** A filter to type in: its text replaced by a word of the option, Enter takes the first match. */
async function choose(user: ReturnType<typeof userEvent.setup>, name: string, typed: string) {
  const field = screen.getByRole('combobox', { name });
  await user.click(field);
  await user.clear(field);
  await user.keyboard(`${typed}{Enter}`);
}

describe('ObligationsPage', () => {
  it('shows every due and overdue obligation of the office, overdue first, with due time, status and who is responsible', async () => {
    await renderPage({ clock: { now: at('2025-05-20T07:00+02:00') }, status: { pendingIds: ['lenja'] } as SyncStatus });
    expect(screen.getByTestId('obligations-summary')).toHaveTextContent(
      '3 Fristen fällig: 1 überfällig, 2 bald fällig',
    );
    expect(rowsOf()).toEqual([
      'mia:informCustodians:overdue',
      'lenja:handoverToAsd:dueSoon',
      'mia:handoverToAsd:dueSoon',
    ]);
    const [first, second] = screen.getAllByTestId('obligation-row');
    const cells = within(first)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'Mia Testkind',
      'Personensorgeberechtigte informieren§ 42 Abs. 3 S. 1 SGB VIII (alle Personensorge- und Erziehungsberechtigten)',
      '20.05.2025 02:40',
      'überfällig',
      'bereitschaft.segeberg',
    ]);
    expect(
      within(second)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Lenja Testkindnicht synchronisiert',
      'Fall an den zuständigen ASD übergebenörtliche Regelung',
      '20.05.2025 08:30',
      'bald fällig',
      'Lena Leitung (Sie)',
    ]);
  });

  it('filters by kind, responsible and only overdue, and says how many are shown', async () => {
    await renderPage({ clock: { now: at('2025-05-20T07:00+02:00') } });
    const user = userEvent.setup();
    await choose(user, 'Pflicht', 'Fall ASD');
    expect(rowsOf()).toEqual(['lenja:handoverToAsd:dueSoon', 'mia:handoverToAsd:dueSoon']);
    await choose(user, 'Zuständig', 'bereitschaft segeberg');
    expect(rowsOf()).toEqual(['mia:handoverToAsd:dueSoon']);
    expect(screen.getByTestId('obligations-summary')).toHaveTextContent(
      '3 Fristen fällig: 1 überfällig, 2 bald fällig · 1 von 3 angezeigt',
    );
    await user.click(screen.getByLabelText('Nur überfällige'));
    expect(rowsOf()).toEqual([]);
    expect(screen.getByText('Keine Frist passt zu den Filtern.')).toBeInTheDocument();
    await choose(user, 'Pflicht', 'Alle');
    expect(rowsOf()).toEqual(['mia:informCustodians:overdue']);
  });

  it('follows the clock and the data without a reload', async () => {
    const clock = { now: at('2025-05-20T01:00+02:00') };
    const { intakes } = await renderPage({ clock });
    // 01:00: nothing is due yet.
    expect(screen.getByTestId('obligations-summary')).toHaveTextContent('Keine Frist ist fällig oder überfällig.');
    clock.now = at('2025-05-20T02:00+02:00');
    await waitFor(() => expect(rowsOf()).toEqual(['mia:informCustodians:dueSoon']));
    clock.now = at('2025-05-20T02:41+02:00');
    await waitFor(() => expect(rowsOf()).toEqual(['mia:informCustodians:overdue']));
    // The custodians are informed on another device; the record arrives: the obligation is done and goes.
    await intakes.setFields('mia', [
      ['custodians', [{ id: 'c1', role: 'mother', name: 'Erika', informedAt: at('2025-05-20T02:30+02:00') }]],
    ]);
    await waitFor(() => expect(rowsOf()).toEqual([]), { timeout: 10_000 });
    // A new record of the night appears with its own obligation: decided 01:10, custodians due 03:10.
    await db.intakes.insert(record('ole', 'Ole', '2025-05-20T00:30+02:00'));
    await waitFor(() => expect(rowsOf()).toEqual(['ole:informCustodians:dueSoon']), { timeout: 10_000 });
  });

  it("opens the record of a row by click or Enter, for a supervisor a colleague's submitted record in the review; the arrow keys move between rows", async () => {
    const { went } = await renderPage({ clock: { now: at('2025-05-20T07:00+02:00') } });
    const user = userEvent.setup();
    await user.click(
      screen.getByRole('row', {
        name: 'Akte von Mia Testkind öffnen – Fall an den zuständigen ASD übergeben',
      }),
    );
    expect(went).toEqual([{ kind: 'review', intakeId: 'mia' }]);
    const rows = screen.getAllByTestId('obligation-row');
    rows[2].focus();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(rows[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(went).toEqual([
      { kind: 'review', intakeId: 'mia' },
      { kind: 'review', intakeId: 'mia' },
    ]);
  });

  it('opens a record the supervisor took herself while on call, or a draft, in the records area, not in the review', async () => {
    await db.intakes.upsert(record('eva', 'Eva', '2025-05-20T00:00+02:00', { status: 'draft' }));
    const { went } = await renderPage({
      clock: { now: at('2025-05-20T07:00+02:00') },
      user: { ...supervisor, roles: ['supervisor', 'oncall'] },
    });
    const user = userEvent.setup();
    // Lenja: created by the supervisor herself while on call.
    await user.click(
      screen.getByRole('row', {
        name: 'Akte von Lenja Testkind öffnen – Fall an den zuständigen ASD übergeben',
      }),
    );
    await user.click(
      screen.getByRole('row', {
        name: 'Akte von Eva Testkind öffnen – Fall an den zuständigen ASD übergeben',
      }),
    );
    expect(went).toEqual([
      { kind: 'intakes', intakeId: 'lenja' },
      { kind: 'intakes', intakeId: 'eva' },
    ]);
  });

  it('opens the record in the records area for an on-call worker', async () => {
    const worker = {
      id: 'bereitschaft.segeberg',
      username: 'bereitschaft.segeberg',
      displayName: 'Bea Bereit',
      officeId: 'segeberg',
      roles: ['oncall'],
    };
    const { went } = await renderPage({ clock: { now: at('2025-05-20T07:00+02:00') }, user: worker });
    const user = userEvent.setup();
    screen.getAllByTestId('obligation-row')[0].focus();
    await user.keyboard(' ');
    expect(went).toEqual([{ kind: 'intakes', intakeId: 'mia' }]);
  });

  it("shows a record another office handed over: from the handover on this office's ASD answers for it (issue 13)", async () => {
    await db.intakes.insert(
      record('noah', 'Noah', '2025-05-20T00:00+02:00', {
        officeId: 'stormarn',
        review: {
          state: 'handed_over',
          handedOverTo: 'segeberg',
          handedOverBy: 'leitung.stormarn',
          handedOverAt: at('2025-05-20T01:00+02:00'),
        },
      }),
    );
    await renderPage({ clock: { now: at('2025-05-20T07:00+02:00') } });
    expect(rowsOf()).toEqual([
      'mia:informCustodians:overdue',
      'noah:informCustodians:overdue',
      'lenja:handoverToAsd:dueSoon',
      'mia:handoverToAsd:dueSoon',
    ]);
    expect(screen.getAllByTestId('obligation-row')[1]).toHaveTextContent('ASD Kreis Segeberg');
  });
});
