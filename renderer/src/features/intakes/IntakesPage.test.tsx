import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { useState } from 'react';
import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import type { Intake } from '../../../../shared/schema/intake';
import { ClientContext } from '../../app/client-context';
import { NavigationContext, type View } from '../../app/navigation';
import type { ObhutClient } from '../../data/client';
import { openDatabase, type ObhutDatabase } from '../../data/database';
import { EntryRepository } from '../../data/entries';
import { FacilityRepository } from '../../data/facilities';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import { renderWithTheme } from '../../test-render';
import { ObligationsPage } from '../obligations/ObligationsPage';
import { IntakesPage } from './IntakesPage';

const NOW = Date.parse('2025-05-20T07:00+02:00');
const user = { id: 'leitung.segeberg', username: 'leitung.segeberg', displayName: 'Lena Leitung', officeId: 'segeberg', roles: ['supervisor', 'oncall'] };

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
let n = 0;

beforeEach(async () => {
  db = await openDatabase({ name: `obhut_intakes_page_${n++}`, key: 'k'.repeat(64), env: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.intakes.bulkInsert([record('mia', 'Mia', '2025-05-20T00:00+02:00'), record('ole', 'Ole', '2025-05-19T23:00+02:00')]);
  const pending = await PendingWrites.open(db);
  client = {
    user,
    intakes: new IntakeRepository(db.intakes, pending, user, () => NOW),
    entries: new EntryRepository(db.entries, db.rejections, pending, user, () => NOW),
    facilities: new FacilityRepository(db.facilities, pending, user, () => NOW),
    dismissRejection: async () => {},
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
  go = setView;
  return (
    <ClientContext.Provider value={client}>
      <NavigationContext.Provider value={{ view, go: setView }}>
        {view.kind === 'intakes' && <IntakesPage status={null} />}
        {view.kind === 'statistics' && <ObligationsPage status={null} now={() => NOW} />}
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
    expect(await screen.findByText('Diese Inobhutnahme gibt es auf diesem Gerät nicht (mehr).', {}, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('a row of the obligations dashboard opens its record in the intakes area', async () => {
    // The dashboard stands in the statistics slot of this harness; the session will give it its own area.
    renderWithTheme(<Areas initial={{ kind: 'statistics' }} />);
    const row = await screen.findByRole('row', { name: 'Akte von Ole Testkind öffnen – Personensorgeberechtigte informieren' }, { timeout: 15_000 });
    await userEvent.setup().click(row);
    expect(await openRecord()).toHaveAttribute('data-record-id', 'ole');
  });
});
