import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NEVER, of } from 'rxjs';

import type { LocalEvent } from '../../../../shared/local-events';
import { FIXTURE_2025 } from '../../../../shared/statistics/fixtures/measures2025';
import { ClientContext } from '../../app/client-context';
import { NavigationContext, type View } from '../../app/navigation';
import { AccessLog, memoryQueueStore } from '../../data/access-log';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import type { SyncStatus } from '../../data/sync-status';
import { openTestDatabase } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { StatisticsPage } from './StatisticsPage';

const EXPECTED = readFileSync(resolve(__dirname, '../../../../shared/statistics/fixtures/expected-2025.csv'), 'utf8');
const NOW = Date.parse('2026-02-10T09:00+01:00');
const supervisor = {
  id: 'leitung.segeberg',
  username: 'leitung.segeberg',
  displayName: 'Leitung',
  officeId: 'segeberg',
  roles: ['supervisor'],
};

let db: ObhutDatabase;

beforeEach(async () => {
  db = await openTestDatabase('obhut_statistics');
  // The deleted record never reaches the list of a real client; the rest go in as synced documents.
  await db.intakes.bulkInsert(FIXTURE_2025.filter((i) => !i._deleted));
});
afterEach(async () => {
  await db.close();
  vi.restoreAllMocks();
});

/** The page over the app's real intake repository and local database. */
async function renderPage(status: SyncStatus | null = null, now = NOW) {
  const pending = await PendingWrites.open(db);
  const intakes = new IntakeRepository(db.intakes, pending, supervisor, () => now);
  // The real access log; its way to the server is a list.
  const sent: LocalEvent[] = [];
  const accessLog = new AccessLog(memoryQueueStore(), supervisor.id, (events) => {
    sent.push(...events);
    return Promise.resolve();
  });
  const client = {
    user: supervisor,
    intakes,
    accessLog,
    status$: status ? of(status) : NEVER,
  } as unknown as ObhutClient;
  const went: View[] = [];
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <NavigationContext.Provider value={{ view: { kind: 'statistics' }, go: (v) => went.push(v) }}>
        <StatisticsPage now={() => now} />
      </NavigationContext.Provider>
    </ClientContext.Provider>,
  );
  // The first query decrypts every record: slow on a busy machine.
  await screen.findByTestId('statistics-summary', {}, { timeout: 15_000 });
  return { went, sent };
}

describe('StatisticsPage', () => {
  it('shows the last year by default with its counts, the incomplete records and the open ones', async () => {
    await renderPage();
    expect(screen.getByRole('combobox', { name: 'Berichtsjahr' })).toHaveValue('2025');
    expect(screen.getByTestId('statistics-summary')).toHaveTextContent(
      '35 beendete Maßnahmen: 31 nach § 42, 3 nach § 42a · 31 vollständig, 4 unvollständig',
    );
    const rows = within(screen.getByTestId('statistics-incomplete')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-record-id'))).toEqual(['stat-31', 'stat-32', 'stat-35', 'stat-34']);
    expect(rows[0]).toHaveTextContent('Ben Statistikkind 31');
    expect(rows[0]).toHaveTextContent('10.03.2025');
    expect(rows[0]).toHaveTextContent('Geschlecht: fehlt – einzutragen unter Angaben für die Statistik – Geschlecht');
    expect(rows[3]).toHaveTextContent(
      'Beginn: fehlt – einzutragen unter 3 · Entscheidung und Rechtsgrundlage – Beginn der Maßnahme',
    );
    const open = within(screen.getByTestId('statistics-open')).getAllByRole('row').slice(1);
    expect(open.map((r) => r.getAttribute('data-record-id'))).toEqual(['stat-47', 'stat-42']);
    const sexes = within(screen.getByTestId('counts-sex'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(sexes).toEqual(['männlich16', 'weiblich16', 'divers1', 'ohne Angabe1', 'ohne Angabe (unvollständig)1']);
    expect(screen.getByTestId('statistics-verify')).toHaveTextContent('Dauer: gezählt als Kalendertage');
  });

  it('opens at the nearest year with ended measures when the default year has none (issue 15)', async () => {
    // In February 2027 the default is 2026; without its one measure (stat-41) the page opens at 2025, not at zeros.
    await db.intakes.findOne('stat-41').remove();
    await renderPage(null, Date.parse('2027-02-10T09:00+01:00'));
    expect(screen.getByRole('combobox', { name: 'Berichtsjahr' })).toHaveValue('2025');
    expect(screen.getByTestId('statistics-summary')).toHaveTextContent('35 beendete Maßnahmen');
  });

  it('opens an incomplete record in the intakes area', async () => {
    const { went } = await renderPage();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Ben Statistikkind 31 öffnen' }));
    expect(went).toEqual([{ kind: 'intakes', intakeId: 'stat-31' }]);
  });

  it("switches the year: 2024 has the one measure ended at 23:30 on New Year's Eve", async () => {
    await renderPage();
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Berichtsjahr' }));
    await user.clear(screen.getByRole('combobox', { name: 'Berichtsjahr' }));
    await user.keyboard('2024{Enter}');
    await waitFor(
      () =>
        expect(screen.getByTestId('statistics-summary')).toHaveTextContent(
          '1 beendete Maßnahme: 1 nach § 42, 0 nach § 42a',
        ),
      {
        timeout: 10_000,
      },
    );
    expect(screen.getByTestId('statistics-all-complete')).toBeInTheDocument();
  });

  it('downloads the CSV as a Blob, the same as the file written by hand', async () => {
    let saved: Blob | undefined;
    // jsdom has no object URLs: these two browser functions stand in for the download.
    URL.createObjectURL = (blob: Blob) => ((saved = blob), 'blob:statistik');
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { sent } = await renderPage();
    await userEvent.setup().click(screen.getByRole('button', { name: 'CSV herunterladen' }));
    await waitFor(
      () =>
        expect(screen.getByTestId('statistics-download-notice')).toHaveTextContent(
          '35 Zeilen exportiert: statistik-schutzmassnahmen-2025-segeberg.csv',
        ),
      { timeout: 10_000 },
    );
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('statistik-schutzmassnahmen-2025-segeberg.csv');
    expect(link.href).toBe('blob:statistik');
    expect(saved!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(EXPECTED);
    // Audited as the statistics export of 2025 with its 35 measures: what the deletion run waits for.
    await waitFor(() => expect(sent).toMatchObject([{ kind: 'statistics', year: 2025, count: 35 }]));
    expect(sent[0]).not.toHaveProperty('recordId');
  });

  it('says when changes of these records are not yet on the server', async () => {
    const status = { pendingIds: ['stat-31', 'stat-32', 'other-collection-doc'] } as SyncStatus;
    await renderPage(status);
    expect(screen.getByText(/2 Änderungen auf diesem Gerät sind noch nicht synchronisiert/)).toBeInTheDocument();
  });
});
