import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { of } from 'rxjs';

import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { conflictRecord } from '../../../../shared/sync/merge';
import { ClientContext } from '../../app/client-context';
import { reviewPapers } from '../../app/record-papers';
import { AccessLog, memoryQueueStore } from '../../data/access-log';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { EntryRepository } from '../../data/entries';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import type { SyncStatus } from '../../data/sync-status';
import { openTestDatabase } from '../../test-fixtures/database';
import { submittedRecord } from '../../test-fixtures/intake';
import { renderWithTheme } from '../../test-render';
import { ReviewPage } from './ReviewPage';

// Monday morning: the queue shows what came in since Friday 00:00 and whatever is still open.
const NOW = Date.parse('2026-11-23T08:00+01:00');
const supervisor = {
  id: 'leitung.pinneberg',
  username: 'leitung.pinneberg',
  displayName: 'Leitung Pinneberg',
  officeId: 'pinneberg',
  roles: ['supervisor'],
};

/** A submitted record of the Pinneberg on-call service (test-fixtures/intake.ts). */
const record = (id: string, firstName: string, receivedAt: string, extra: Partial<Intake> = {}): Intake =>
  submittedRecord(id, firstName, receivedAt, { officeId: 'pinneberg', ...extra });

const RECORDS: Intake[] = [
  // Responsible: Segeberg (the demo night's location before), so it may be handed over once countersigned.
  record('sat', 'Mia', '2026-11-21T23:40+01:00', {
    conflicts: [conflictRecord('situation', 'ältere Fassung', 'bereitschaft.pinneberg', 1)],
  }),
  record('sun', 'Jonas', '2026-11-22T02:10+01:00', { responsibility: { locationBeforeOfficeId: 'pinneberg' } }),
  record('fri-signed', 'Ida', '2026-11-20T09:00+01:00', {
    review: {
      state: 'countersigned',
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: Date.parse('2026-11-20T12:00+01:00'),
    },
  }),
  record('thu-signed', 'Tom', '2026-11-19T21:00+01:00', {
    review: {
      state: 'countersigned',
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: Date.parse('2026-11-19T23:00+01:00'),
    },
  }),
  record('draft', 'Eva', '2026-11-22T05:00+01:00', { status: 'draft' }),
];

let db: ObhutDatabase;

beforeEach(async () => {
  db = await openTestDatabase('obhut_review');
  await db.intakes.bulkInsert(RECORDS);
});
afterEach(async () => {
  await db.close();
});

const status = (extra: Partial<SyncStatus> = {}): SyncStatus => ({
  connection: 'online',
  serverReachable: true,
  machineOnline: true,
  streamConnected: true,
  lastSyncedAt: NOW,
  pendingIds: [],
  pendingCount: 0,
  rejections: [],
  conflictCount: 0,
  conflictIds: [],
  auth: { state: 'ok' },
  lastError: null,
  ...extra,
});

/** The page over the app's real repositories and local database. */
async function renderPage(syncStatus: SyncStatus = status(), intakeId?: string) {
  const pending = await PendingWrites.open(db);
  const dismissed: string[] = [];
  const opened: string[] = [];
  const client = {
    user: supervisor,
    status$: of(syncStatus),
    intakes: new IntakeRepository(db.intakes, pending, supervisor, () => NOW),
    entries: new EntryRepository(db.entries, db.rejections, pending, supervisor, () => NOW),
    dismissRejection: async (id: string) => void dismissed.push(id),
    accessLog: new AccessLog(memoryQueueStore(), supervisor.id, (events) => {
      opened.push(...events.map((e) => `${e.kind}:${e.recordId}`));
      return Promise.resolve();
    }),
  } as unknown as ObhutClient;
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <ReviewPage intakeId={intakeId} now={() => NOW} papers={reviewPapers} />
    </ClientContext.Provider>,
  );
  if (intakeId) await screen.findByTestId('review-record', {}, { timeout: 15_000 });
  else await screen.findAllByTestId('review-row', {}, { timeout: 15_000 });
  return { pending, dismissed, opened };
}

const rowIds = () => screen.queryAllByTestId('review-row').map((r) => r.getAttribute('data-intake-id'));
const stored = async (id: string) => (await db.intakes.findOne(id).exec())!.toMutableJSON();

/** A filter to type in: its text replaced by a word of the option, Enter takes the first match. */
async function choose(user: ReturnType<typeof userEvent.setup>, name: string, typed: string) {
  const field = screen.getByRole('combobox', { name });
  await user.click(field);
  await user.clear(field);
  await user.keyboard(`${typed}{Enter}`);
}

describe('ReviewPage: the queue', () => {
  it('lists the records since the last working day, newest first, with state, deadlines, conflicts and sync state', async () => {
    await renderPage(status({ pendingIds: ['sun'] }));
    expect(rowIds()).toEqual(['sun', 'sat', 'fri-signed']);
    const [sun, sat, fri] = screen.getAllByTestId('review-row');
    expect(sun).toHaveAccessibleName('Bericht von Jonas Testkind prüfen');
    expect(sun).toHaveTextContent('22.11.2026 02:10');
    expect(within(sun).getByTestId('review-row-state')).toHaveTextContent('ungeprüft');
    expect(within(sun).getByTestId('review-row-sync')).toHaveTextContent('nicht synchronisiert');
    expect(within(sun).getByTestId('review-row-sync')).toHaveAttribute('data-state', 'pending');
    expect(within(sat).getByTestId('review-row-sync')).toHaveTextContent(/^synchronisiert$/);
    expect(within(sat).getByTestId('review-row-sync')).toHaveAttribute('data-state', 'synced');
    expect(within(sat).getByTestId('review-row-conflicts')).toHaveTextContent('1 Konflikt');
    expect(within(sun).queryByTestId('review-row-conflicts')).toBeNull();
    expect(within(fri).getByTestId('review-row-state')).toHaveTextContent('gegengezeichnet');
    // Saturday's night: nothing handed to the ASD by Monday 08:00 is overdue; every row has open obligations.
    expect(within(sat).getByTestId('review-row-overdue')).toHaveTextContent(/^davon \d+ überfällig$/);
    for (const row of [sun, sat, fri])
      expect(within(row).getByTestId('review-row-open')).toHaveTextContent(/^\d+ offen$/);
    expect(screen.getByTestId('review-count')).toHaveTextContent('3 von 3 Berichten');
  });

  it('filters by period, state, overdue deadlines and name', async () => {
    const user = userEvent.setup();
    await renderPage();
    await user.click(screen.getByRole('radio', { name: 'Alle vorgelegten Berichte' }));
    expect(rowIds()).toEqual(['sun', 'sat', 'fri-signed', 'thu-signed']);
    await choose(user, 'Prüfstand', 'gegengezeichnet');
    expect(rowIds()).toEqual(['fri-signed', 'thu-signed']);
    await choose(user, 'Prüfstand', 'Alle');
    await user.type(screen.getByLabelText('Name suchen'), 'jonas');
    expect(rowIds()).toEqual(['sun']);
    await user.clear(screen.getByLabelText('Name suchen'));
    await user.click(screen.getByLabelText('Nur mit überfälligen Fristen'));
    const overdue = rowIds();
    // Exactly the rows with an overdue badge remain, and Saturday's night is one of them.
    expect(overdue).toContain('sat');
    for (const row of screen.getAllByTestId('review-row'))
      expect(within(row).getByTestId('review-row-overdue')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Name suchen'), 'niemand');
    expect(screen.getByTestId('review-no-match')).toHaveTextContent('Kein Bericht entspricht den Filtern.');
  });

  it('is usable by keyboard: arrows move between rows, Enter opens, Esc goes back to the same row', async () => {
    const user = userEvent.setup();
    await renderPage();
    const [first, second] = screen.getAllByTestId('review-row');
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(second).toHaveFocus();
    await user.keyboard('{Enter}');
    const view = await screen.findByTestId('review-record');
    expect(view).toHaveAttribute('data-record-id', 'sat');
    expect(screen.getByRole('heading', { name: 'Prüfung: Mia Testkind' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getAllByTestId('review-row')[1]).toHaveFocus());
  });
});

describe('ReviewPage: reviewing one record', () => {
  it('shows the whole record read-only with its deadlines, log and conflicts', async () => {
    await db.entries.insert({
      id: 'e1',
      officeId: 'pinneberg',
      intakeId: 'sat',
      kind: 'note',
      at: Date.parse('2026-11-21T23:55+01:00'),
      createdBy: 'bereitschaft.pinneberg',
      createdAt: 1,
      updatedAt: 1,
      text: 'Kind in der Bereitschaftspflege angekommen.',
    });
    const { opened } = await renderPage(status(), 'sat');
    // Opening is audited (record id only): the access log sends it at once.
    await waitFor(() => expect(opened).toEqual(['opened:sat']));
    const summary = screen.getByTestId('record-summary');
    expect(within(summary).getByText('Mia')).toBeInTheDocument();
    expect(within(summary).getByText(/Polizei trifft das Kind nachts allein/)).toBeInTheDocument();
    expect(within(summary).queryByRole('textbox')).toBeNull();
    expect(screen.getByTestId('obligations')).toBeInTheDocument();
    expect(screen.getAllByTestId('obligation').length).toBeGreaterThan(0);
    expect(await screen.findByText('Kind in der Bereitschaftspflege angekommen.')).toBeInTheDocument();
    expect(screen.getByTestId('conflicts')).toHaveTextContent('ältere Fassung');
    expect(screen.getByTestId('review-state')).toHaveTextContent('ungeprüft');
    expect(screen.queryByTestId('review-locked')).toBeNull();
    expect(screen.getByTestId('handover-report-button')).toHaveTextContent(de.report.print.button);
  });

  it('countersigns: the record carries the signer and time and shows as locked', async () => {
    const user = userEvent.setup();
    const { pending } = await renderPage(status(), 'sun');
    expect(screen.queryByRole('button', { name: 'Übergeben' })).toBeNull(); // responsible is the own office
    await user.click(screen.getByRole('button', { name: 'Gegenzeichnen' }));
    await user.click(await screen.findByRole('button', { name: 'Jetzt gegenzeichnen' }));
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('gegengezeichnet'));
    // The pressed button is gone: the focus is on the record's heading, not lost to the page.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Prüfung: Jonas Testkind' })).toHaveFocus());
    expect(screen.getByTestId('review-locked')).toHaveTextContent('gesperrt');
    expect(screen.getByTestId('review-locked-note')).toHaveTextContent(de.review.ui.record.locked);
    expect(screen.queryByRole('button', { name: 'Gegenzeichnen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Zurückgeben' })).toBeNull();
    const saved = await stored('sun');
    expect(saved.review).toEqual({
      state: 'countersigned',
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: NOW,
    });
    expect(saved.updatedBy).toBe('leitung.pinneberg');
    expect(pending.ids).toContain('sun');
    // Locked, the responsibility can no longer change: the handover is offered anyway, and the dialog warns when
    // the chosen office is not the one the record names (here the own office, so nothing is preselected).
    await user.click(screen.getByRole('button', { name: 'Übergeben' }));
    const target = await screen.findByRole('combobox', { name: 'Zuständiges Jugendamt' });
    expect(target).toHaveValue(de.review.ui.handOver.targetNone);
    expect(screen.queryByTestId('review-handover-differs')).toBeNull();
    // Every office starts alike ("Kreis …"): the word that tells them apart finds the office.
    await choose(user, 'Zuständiges Jugendamt', 'Segeberg');
    expect(target).toHaveValue(de.offices.segeberg);
    expect(screen.getByTestId('review-handover-differs')).toHaveTextContent(
      `Nach den Angaben im Bericht ist das Jugendamt ${de.offices.pinneberg} zuständig, nicht das gewählte.`,
    );
  });

  it('does not let a supervisor countersign a record she created herself (Vier-Augen-Prinzip)', async () => {
    await db.intakes.upsert(
      record('own', 'Paul', '2026-11-22T03:00+01:00', {
        createdBy: 'leitung.pinneberg',
        updatedBy: 'leitung.pinneberg',
      }),
    );
    const user = userEvent.setup();
    await renderPage(status(), 'own');
    const sign = screen.getByRole('button', { name: 'Gegenzeichnen' });
    expect(sign).toBeDisabled();
    expect(sign).toHaveAccessibleDescription('Eigene Berichte zeichnet eine andere Leitung gegen.');
    expect(screen.getByTestId('review-countersign-hint')).toHaveTextContent(
      'Eigene Berichte zeichnet eine andere Leitung gegen.',
    );
    await user.click(sign);
    expect(screen.queryByRole('button', { name: 'Jetzt gegenzeichnen' })).toBeNull();
    // She may still return it.
    expect(screen.getByRole('button', { name: 'Zurückgeben' })).toBeEnabled();
    await waitFor(async () => expect((await stored('own')).review).toEqual({ state: 'in_review' }));
  });

  it('does not countersign over unresolved conflicts (the lock would keep them forever)', async () => {
    const user = userEvent.setup();
    await renderPage(status(), 'sat');
    const sign = screen.getByRole('button', { name: 'Gegenzeichnen' });
    expect(sign).toBeDisabled();
    expect(screen.getByTestId('review-countersign-hint')).toHaveTextContent('Bitte klären Sie zuerst die Konflikte.');
    // Keeping the record's value resolves the conflict; then the record may be countersigned.
    await user.click(within(screen.getByTestId('conflicts')).getByRole('button', { name: /^Aktuellen behalten: / }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gegenzeichnen' })).toBeEnabled());
    expect(screen.queryByTestId('review-countersign-hint')).toBeNull();
  });

  it('keeps the return comment and shows the failure inside the dialog when the step cannot be saved', async () => {
    const user = userEvent.setup();
    await renderPage(status(), 'sun');
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('in Prüfung'));
    await user.click(screen.getByRole('button', { name: 'Zurückgeben' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bericht zurückgeben' });
    await user.type(within(dialog).getByLabelText(/Kommentar für die Fachkraft/), 'Bitte Schule ergänzen.');
    // Meanwhile a colleague's countersignature arrives from the server: the record may no longer be returned.
    const signed = { state: 'countersigned' as const, countersignedBy: 'leitung2.pinneberg', countersignedAt: 7 };
    await db.intakes.upsert({ ...(await stored('sun')), review: signed });
    await user.click(within(dialog).getByRole('button', { name: 'Mit Kommentar zurückgeben' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(de.review.ui.stepOutdated);
    expect(within(dialog).getByLabelText(/Kommentar für die Fachkraft/)).toHaveValue('Bitte Schule ergänzen.');
    expect(screen.getByRole('dialog', { name: 'Bericht zurückgeben' })).toBeInTheDocument();
    expect((await stored('sun')).review).toEqual(signed);
  });

  it('does not countersign a record that was returned meanwhile: it comes back from the worker first', async () => {
    const user = userEvent.setup();
    const { pending } = await renderPage(status(), 'sun');
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('in Prüfung'));
    await user.click(screen.getByRole('button', { name: 'Gegenzeichnen' }));
    const dialog = await screen.findByRole('dialog', { name: de.review.ui.countersign.title });
    // A colleague's return arrives from the server while the dialog is open.
    const back = {
      state: 'returned' as const,
      returnedBy: 'leitung2.pinneberg',
      returnedAt: 7,
      returnComment: 'Schule fehlt.',
    };
    await db.intakes.upsert({ ...(await stored('sun')), review: back });
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('zurückgegeben'));
    const marksBefore = pending.snapshot();
    await user.click(within(dialog).getByRole('button', { name: 'Jetzt gegenzeichnen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(de.review.ui.stepOutdated);
    expect((await stored('sun')).review).toEqual(back);
    // Nothing was written, so nothing new waits for the server.
    expect(pending.snapshot()).toEqual(marksBefore);
  });

  it('shows a step that could not be saved in German only, and logs the technical cause', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const user = userEvent.setup();
      await renderPage(status(), 'sun');
      await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('in Prüfung'));
      await user.click(screen.getByRole('button', { name: 'Gegenzeichnen' }));
      const dialog = await screen.findByRole('dialog', { name: de.review.ui.countersign.title });
      // The local database is gone (e.g. the app is closing): the write fails with RxDB's English message.
      await db.intakes.close();
      await user.click(within(dialog).getByRole('button', { name: 'Jetzt gegenzeichnen' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(new RegExp(`^${de.review.ui.stepFailed}$`));
      expect(warn).toHaveBeenCalledWith('review step not saved', expect.any(Error));
    } finally {
      warn.mockRestore();
    }
  });

  it('stays on the record when Esc is pressed while typing in a field', async () => {
    const user = userEvent.setup();
    await renderPage(status(), 'sun');
    await user.click(screen.getByRole('textbox', { name: 'Eintrag' }));
    await user.keyboard('Nachtrag{Escape}');
    expect(screen.getByTestId('review-record')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Eintrag' })).toHaveValue('Nachtrag');
    // Outside a field Esc still leads back to the list.
    screen.getByRole('heading', { name: 'Prüfung: Jonas Testkind' }).focus();
    await user.keyboard('{Escape}');
    await screen.findAllByTestId('review-row');
  });

  it('returns only with a comment, and the comment is on the record', async () => {
    const user = userEvent.setup();
    await renderPage(status(), 'sat');
    await user.click(screen.getByRole('button', { name: 'Zurückgeben' }));
    await user.click(await screen.findByRole('button', { name: 'Mit Kommentar zurückgeben' }));
    expect(await screen.findByText('Bitte begründen Sie die Rückgabe mit einem Kommentar.')).toBeInTheDocument();
    expect((await stored('sat')).review).toEqual({ state: 'in_review' });
    await user.type(screen.getByLabelText(/Kommentar für die Fachkraft/), '  Sorgeberechtigte nicht dokumentiert. ');
    await user.click(screen.getByRole('button', { name: 'Mit Kommentar zurückgeben' }));
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('zurückgegeben'));
    expect((await stored('sat')).review).toEqual({
      state: 'returned',
      returnedBy: 'leitung.pinneberg',
      returnedAt: NOW,
      returnComment: 'Sorgeberechtigte nicht dokumentiert.',
    });
    expect(screen.getByTestId('review-return-comment')).toHaveTextContent('Sorgeberechtigte nicht dokumentiert.');
    // Returned: the worker corrects it and hands it back first; until then it is neither signed nor returned again.
    expect(screen.queryByRole('button', { name: 'Gegenzeichnen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Zurückgeben' })).toBeNull();
  });

  it('marks a new record "in Prüfung" when it is opened', async () => {
    await renderPage(status(), 'sat');
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('in Prüfung'));
    expect((await stored('sat')).review).toEqual({ state: 'in_review' });
    expect(screen.queryByRole('button', { name: 'Als beendet abschließen' })).toBeNull();
  });

  it('closes a countersigned record once the measure has ended, and not before', async () => {
    await db.intakes.upsert(
      record('fri-ended', 'Jona', '2026-11-20T09:00+01:00', {
        review: { state: 'countersigned', countersignedBy: 'leitung.pinneberg', countersignedAt: 5 },
        end: { endedAt: Date.parse('2026-11-21T10:00+01:00'), reason: 'foster_family' },
      }),
    );
    const user = userEvent.setup();
    // Countersigned, but the measure goes on ('fri-signed' has no end): nothing to close yet.
    await renderPage(status(), 'fri-signed');
    expect(screen.getByTestId('review-state')).toHaveTextContent('gegengezeichnet');
    expect(screen.getByRole('button', { name: 'Übergeben' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Als beendet abschließen' })).toBeNull();
    cleanup();
    await renderPage(status(), 'fri-ended');
    await user.click(screen.getByRole('button', { name: 'Als beendet abschließen' }));
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('beendet'));
    expect((await stored('fri-ended')).review).toEqual({
      state: 'closed',
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: 5,
    });
    expect(screen.queryByRole('button', { name: 'Als beendet abschließen' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Prüfung: Jona Testkind' })).toHaveFocus());
  });

  it('hands a countersigned record over to the responsible office it suggests', async () => {
    await db.intakes.upsert(
      record('fri-signed', 'Ida', '2026-11-20T09:00+01:00', {
        review: { state: 'countersigned', countersignedBy: 'leitung.pinneberg', countersignedAt: 5 },
      }),
    );
    const user = userEvent.setup();
    await renderPage(status(), 'fri-signed');
    expect(screen.getByTestId('review-locked')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Übergeben' }));
    const target = await screen.findByRole('combobox', { name: 'Zuständiges Jugendamt' });
    expect(target).toHaveValue(de.offices.segeberg);
    await user.click(target);
    // The list (still fading in, so hidden to the accessibility tree) offers every office but the record's own.
    expect(await screen.findByRole('option', { name: de.offices.stormarn, hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: de.offices.pinneberg, hidden: true })).toBeNull();
    expect(screen.queryByTestId('review-handover-differs')).toBeNull();
    await choose(user, 'Zuständiges Jugendamt', 'Stormarn');
    expect(screen.getByTestId('review-handover-differs')).toHaveTextContent(
      `das Jugendamt ${de.offices.segeberg} zuständig`,
    );
    await choose(user, 'Zuständiges Jugendamt', 'Segeberg');
    expect(screen.queryByTestId('review-handover-differs')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Jetzt übergeben' }));
    await waitFor(() => expect(screen.getByTestId('review-state')).toHaveTextContent('übergeben'));
    expect((await stored('fri-signed')).review).toEqual({
      state: 'handed_over',
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: 5,
      handedOverTo: 'segeberg',
      handedOverBy: 'leitung.pinneberg',
      handedOverAt: NOW,
    });
    expect(screen.queryByRole('button', { name: 'Übergeben' })).toBeNull();
  });

  it("shows the server's refusal in German and lets the user acknowledge it", async () => {
    const user = userEvent.setup();
    const refused = status({
      rejections: [{ id: 'fri-signed', code: 'intake_locked', message: 'intake is locked', at: NOW }],
    });
    const { dismissed } = await renderPage(refused, 'fri-signed');
    const alert = screen.getByTestId('review-rejection');
    expect(alert).toHaveTextContent(de.review.ui.rejected.title);
    expect(alert).toHaveTextContent(de.errors.intake_locked);
    expect(screen.getByTestId('review-sync')).toHaveAttribute('data-state', 'rejected');
    await user.click(within(alert).getByRole('button', { name: 'Gelesen' }));
    expect(dismissed).toEqual(['fri-signed']);
  });
});
