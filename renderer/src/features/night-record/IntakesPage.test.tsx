import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import type { LocalEvent } from '../../../../shared/local-events';
import type { Intake } from '../../../../shared/schema/intake';
import { ClientContext } from '../../app/client-context';
import { NavigationContext, type View } from '../../app/navigation';
import { AccessLog, memoryQueueStore } from '../../data/access-log';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { EntryRepository } from '../../data/entries';
import { FacilityRepository } from '../../data/facilities';
import { HoldRepository } from '../../data/holds';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import { openTestDatabase } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { IntakesPage, LIST_PAGE } from './IntakesPage';

const NOW = Date.parse('2025-05-20T07:00+02:00');
const user = {
  id: 'leitung.segeberg',
  username: 'leitung.segeberg',
  displayName: 'Lena Leitung',
  officeId: 'segeberg',
  roles: ['supervisor', 'oncall'],
};

function record(id: string, firstName: string, call: string): Intake {
  const start = Date.parse(call);
  return {
    ...demoNightRecord(start, { firstName, lastName: 'Testkind' }),
    id,
    officeId: 'segeberg',
    createdBy: 'bereitschaft.segeberg',
    createdAt: start,
    updatedAt: start,
    updatedBy: 'bereitschaft.segeberg',
    status: 'submitted',
    conflicts: [],
  };
}

let db: ObhutDatabase;
let client: ObhutClient;
/** Events of the access log as they would go to the server. */
let sent: LocalEvent[] = [];

beforeEach(async () => {
  sent = [];
  db = await openTestDatabase('obhut_intakes_page');
  await db.intakes.bulkInsert([
    record('mia', 'Mia', '2025-05-20T00:00+02:00'),
    record('ole', 'Ole', '2025-05-19T23:00+02:00'),
  ]);
  const pending = await PendingWrites.open(db);
  client = {
    user,
    intakes: new IntakeRepository(db.intakes, pending, user, () => NOW),
    entries: new EntryRepository(db.entries, db.rejections, pending, user, () => NOW),
    facilities: new FacilityRepository(db.facilities, pending, user, () => NOW),
    holds: new HoldRepository(db.holds, pending, user, () => NOW),
    dismissRejection: async () => {},
    accessLog: new AccessLog(memoryQueueStore(), user.id, (events) => {
      sent.push(...events);
      return Promise.resolve();
    }),
  } as unknown as ObhutClient;
});
afterEach(async () => {
  cleanup(); // unmount first: closing a record saves what is typed, into a database that must still be open
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

let go: (view: View) => void = () => {};

/** The areas as the session switches them (Session.tsx): the view in state, go() replaces it. */
function Areas({ initial }: { initial: View }) {
  const [view, setView] = useState<View>(initial);
  useEffect(() => {
    go = setView;
  }, []);
  return (
    <ClientContext.Provider value={client}>
      <NavigationContext.Provider value={{ view, go: setView }}>
        {view.kind === 'intakes' && <IntakesPage />}
      </NavigationContext.Provider>
    </ClientContext.Provider>
  );
}

const openRecord = async () => screen.findByTestId('night-record', {}, { timeout: 15_000 });

describe('IntakesPage opens the record another area asks for', () => {
  it('opens navigation.view.intakeId when the page is entered with it', async () => {
    renderWithTheme(<Areas initial={{ kind: 'intakes', intakeId: 'ole' }} />);
    const form = await openRecord();
    expect(form).toHaveAttribute('data-record-id', 'ole');
    await waitFor(() => expect(sent.map((e) => [e.kind, e.recordId])).toEqual([['opened', 'ole']]));
    expect(within(form).getByRole('heading', { level: 2 })).toHaveTextContent('Ole Testkind');
    expect(screen.queryByText('Diese Inobhutnahme gibt es auf diesem Gerät nicht (mehr).')).toBeNull();
  });

  it('shows the list without an intakeId, and opens a record asked for while the page is already open', async () => {
    renderWithTheme(<Areas initial={{ kind: 'intakes' }} />);
    await screen.findByTestId('intake-list', {}, { timeout: 15_000 });
    expect(screen.queryByTestId('night-record')).toBeNull();
    act(() => go({ kind: 'intakes', intakeId: 'mia' }));
    expect(await openRecord()).toHaveAttribute('data-record-id', 'mia');
    // Closing returns to the list; asking again for the same record opens it again.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Fertig – zur Liste' }));
    await screen.findByTestId('intake-list');
    act(() => go({ kind: 'intakes', intakeId: 'mia' }));
    expect(await openRecord()).toHaveAttribute('data-record-id', 'mia');
  });

  it('says so when the record asked for is not on this device', async () => {
    renderWithTheme(<Areas initial={{ kind: 'intakes', intakeId: 'gibt-es-nicht' }} />);
    expect(
      await screen.findByText('Diese Inobhutnahme gibt es auf diesem Gerät nicht (mehr).', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
  });
});

describe('IntakesPage after the morning review', () => {
  const RETURNED_AT = Date.parse('2025-05-20T06:30+02:00');

  it('marks a returned record in the list; the worker reads the comment there and hands the record back', async () => {
    const review = {
      state: 'returned' as const,
      returnedBy: 'leitung.segeberg',
      returnedAt: RETURNED_AT,
      returnComment: 'Bitte die Erreichbarkeitsversuche genauer angeben.',
    };
    // Returned for the age, which the worker has since added: nothing is missing for the review any more.
    await db.intakes
      .findOne('mia')
      .exec()
      .then((d) => d!.incrementalPatch({ review, child: { firstName: 'Mia', lastName: 'Testkind', estimatedAge: 8 } }));
    renderWithTheme(<Areas initial={{ kind: 'intakes' }} />);
    const u = userEvent.setup();
    await screen.findByTestId('intake-list', {}, { timeout: 15_000 });
    const row = screen.getAllByTestId('intake-row').find((r) => r.getAttribute('data-intake-id') === 'mia')!;
    expect(within(row).getByTestId('marker-review')).toHaveAttribute('data-state', 'returned');
    expect(within(row).getByTestId('marker-review')).toHaveTextContent('zurückgegeben');

    await u.click(within(row).getByRole('button', { name: /Mia Testkind/ }));
    const form = await openRecord();
    expect(within(form).getByTestId('record-return-comment')).toHaveTextContent(
      'Zurückgegeben von Lena Leitung am 20.05.2025 06:30: Bitte die Erreichbarkeitsversuche genauer angeben.',
    );
    await u.click(within(form).getByRole('button', { name: 'Erneut zur Prüfung vorlegen' }));
    await waitFor(async () => expect((await client.intakes.get('mia'))?.review).toEqual({ ...review, state: 'new' }), {
      timeout: 5000,
    });
    await u.click(screen.getByRole('button', { name: 'Fertig – zur Liste' }));
    await screen.findByTestId('intake-list');
    const after = screen.getAllByTestId('intake-row').find((r) => r.getAttribute('data-intake-id') === 'mia')!;
    expect(within(after).getByTestId('marker-review')).toHaveAttribute('data-state', 'new');
  });

  it('shows a record received from another office as such, and opens it read only', async () => {
    const received = record('lio', 'Lio', '2025-05-19T22:00+02:00');
    await db.intakes.insert({
      ...received,
      officeId: 'pinneberg',
      review: {
        state: 'handed_over',
        countersignedBy: 'leitung.pinneberg',
        countersignedAt: RETURNED_AT,
        handedOverTo: 'segeberg',
        handedOverBy: 'leitung.pinneberg',
        handedOverAt: RETURNED_AT + 60_000,
      },
    });
    renderWithTheme(<Areas initial={{ kind: 'intakes' }} />);
    await screen.findByTestId('intake-list', {}, { timeout: 15_000 });
    const row = screen.getAllByTestId('intake-row').find((r) => r.getAttribute('data-intake-id') === 'lio')!;
    expect(within(row).getByTestId('marker-received')).toHaveTextContent('übernommen vom Jugendamt');
    expect(screen.getAllByTestId('intake-row').filter((r) => within(r).queryByTestId('marker-received'))).toHaveLength(
      1,
    );

    await userEvent.setup().click(within(row).getByRole('button', { name: /Lio Testkind/ }));
    const form = await openRecord();
    expect(within(form).getByTestId('record-review')).toHaveAttribute('data-access', 'received');
    expect(within(form).getByLabelText('Vorname')).toBeDisabled();
    expect(within(form).queryByTestId('submit')).toBeNull();
  });
});

describe('IntakesPage on a laptop with more records than one page', () => {
  /** 2024's calls, one a day from January 2nd: all older than mia and ole; the oldest is Jonas Müller. */
  const older = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 2 + i)).toISOString().slice(0, 10);
      const intake = record(`old-${String(i).padStart(3, '0')}`, `Kind${i}`, `${day}T12:00+01:00`);
      return i === 0 ? { ...intake, child: { ...intake.child, firstName: 'Jonas', lastName: 'Müller' } } : intake;
    });
  const rowIds = () => screen.getAllByTestId('intake-row').map((r) => r.getAttribute('data-intake-id'));

  beforeEach(async () => {
    await db.intakes.bulkInsert(older(LIST_PAGE + 10));
  });

  it('shows the newest page first, newest call first, and more on "Weitere Einträge anzeigen"', async () => {
    renderWithTheme(<Areas initial={{ kind: 'intakes' }} />);
    await screen.findByTestId('intake-list', {}, { timeout: 15_000 });
    const all = LIST_PAGE + 12;
    await waitFor(() =>
      expect(screen.getByTestId('intake-count')).toHaveTextContent(`${LIST_PAGE} von ${all} Inobhutnahmen`),
    );
    const first = rowIds();
    expect(first).toHaveLength(LIST_PAGE);
    expect(first.slice(0, 3)).toEqual(['mia', 'ole', `old-${LIST_PAGE + 9}`]);
    expect(first).not.toContain('old-000');

    // A button, reached and pressed with the keyboard.
    const more = screen.getByRole('button', { name: 'Weitere Einträge anzeigen' });
    more.focus();
    await userEvent.setup().keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('intake-count')).toHaveTextContent(new RegExp(`^${all} Inobhutnahmen$`)),
    );
    expect(rowIds()).toHaveLength(all);
    expect(rowIds().at(-1)).toBe('old-000');
    expect(screen.queryByRole('button', { name: 'Weitere Einträge anzeigen' })).toBeNull();
  });

  it('finds a record beyond the page by name, umlauts aside, and lists every hit', async () => {
    renderWithTheme(<Areas initial={{ kind: 'intakes' }} />);
    await screen.findByTestId('intake-list', {}, { timeout: 15_000 });
    const u = userEvent.setup();
    const search = within(screen.getByRole('search', { name: 'Suche' }));
    await u.type(search.getByRole('searchbox', { name: 'Name des Kindes' }), 'muller');
    await waitFor(() => expect(rowIds()).toEqual(['old-000']), { timeout: 10_000 });
    expect(screen.getByTestId('intake-count')).toHaveTextContent(`1 von ${LIST_PAGE + 12} Inobhutnahmen`);
    expect(screen.queryByRole('button', { name: 'Weitere Einträge anzeigen' })).toBeNull();

    // Every hit, not only the newest page's: all children are called "Testkind" but Jonas.
    await u.clear(search.getByRole('searchbox', { name: 'Name des Kindes' }));
    await u.type(search.getByRole('searchbox', { name: 'Name des Kindes' }), 'testk');
    await waitFor(() => expect(rowIds()).toHaveLength(LIST_PAGE + 11), { timeout: 10_000 });
    expect(rowIds()[0]).toBe('mia');
  });
});
