import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoContacts } from '../../../../shared/demo/contacts';
import { ClientContext } from '../../app/client-context';
import { OpenRecordContext } from '../../app/open-record';
import type { ObhutClient } from '../../data/client';
import { ContactRepository } from '../../data/contacts';
import type { ObhutDatabase } from '../../data/database';
import { EntryRepository } from '../../data/entries';
import { PendingWrites } from '../../data/pending';
import { openTestDatabase } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { DirectorySearch } from './DirectorySearch';

const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'Bereitschaft',
  officeId: 'segeberg',
  roles: ['oncall'],
};

let db: ObhutDatabase;
let client: ObhutClient;

beforeEach(async () => {
  db = await openTestDatabase('obhut_directory_search');
  await db.contacts.bulkInsert(demoContacts(Date.now()));
  const pending = await PendingWrites.open(db);
  client = {
    user,
    contacts: new ContactRepository(db.contacts, pending, user),
    entries: new EntryRepository(db.entries, db.rejections, pending, user),
  } as unknown as ObhutClient;
});
afterEach(async () => {
  cleanup();
  await db.close();
});

function renderSearch(intakeId: string | null) {
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <OpenRecordContext.Provider value={{ intakeId, announce: () => {} }}>
        <label>
          Lage
          <textarea />
        </label>
        <DirectorySearch />
      </OpenRecordContext.Provider>
    </ClientContext.Provider>,
  );
}

const names = () =>
  within(screen.getByRole('listbox'))
    .queryAllByRole('option')
    .map((o) => o.getAttribute('aria-label'));

describe('the directory search (Ctrl+K)', () => {
  it('opens from inside a field and finds by the starts of words', async () => {
    renderSearch(null);
    await userEvent.click(screen.getByLabelText('Lage'));
    await userEvent.keyboard('{Control>}k{/Control}');
    const input = await screen.findByLabelText('Verzeichnis durchsuchen');
    await userEvent.type(input, 'dolm arab');
    await waitFor(() => expect(names()).toEqual(['Dolmetschdienst Nord']));
    await userEvent.clear(input);
    await userEvent.type(input, 'polizei bad seg');
    await waitFor(() => expect(names()).toEqual(['Polizeistation Bad Segeberg']));
    await userEvent.clear(input);
    await userEvent.type(input, 'kjp');
    await waitFor(() => expect(names()).toEqual(['Kinder- und Jugendpsychiatrie Nord, Notaufnahme']));
  });

  it('shows only this week’s Hintergrunddienst, marked as on duty', async () => {
    renderSearch(null);
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByLabelText('Verzeichnis durchsuchen'), 'hintergrund segeberg');
    await waitFor(() => expect(names()).toEqual(['Hintergrunddienst Kreis Segeberg: Jan Ostermann']));
    expect(screen.getByText('im Dienst')).toBeInTheDocument();
  });

  it('writes the call into the open record’s log with Alt+P', async () => {
    renderSearch('intake-1');
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByLabelText('Verzeichnis durchsuchen'), 'dolm');
    await waitFor(() => expect(names()[0]).toBe('Dolmetschdienst Nord'));
    await userEvent.keyboard('{Alt>}p{/Alt}');
    await waitFor(async () => expect(await db.entries.count().exec()).toBe(1));
    const [entry] = await db.entries.find().exec();
    expect(entry.intakeId).toBe('intake-1');
    expect(entry.kind).toBe('call');
    expect(entry.text).toMatch(/^Anruf bei Dolmetschdienst Nord \(Dolmetschdienst\), \d\d:\d\d, Tel\. 04551 99 99 50$/);
  });

  it('says so instead of logging when no record is open', async () => {
    renderSearch(null);
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.type(await screen.findByLabelText('Verzeichnis durchsuchen'), 'fahrdienst');
    await waitFor(() => expect(names()).toEqual(['Fahrdienst Perspektive']));
    await userEvent.keyboard('{Alt>}p{/Alt}');
    expect(await screen.findByText('Öffnen Sie einen Bericht, um den Anruf zu protokollieren.')).toBeInTheDocument();
    expect(await db.entries.count().exec()).toBe(0);
  });
});
