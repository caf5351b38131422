import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

import type { ObhutBridge, PrintToPdfResult } from '../../../../shared/ipc';
import type { LocalEvent } from '../../../../shared/local-events';
import { ClientContext } from '../../app/client-context';
import { PAGE_STYLE } from '../../app/print';
import { AccessLog, memoryQueueStore } from '../../data/access-log';
import type { ObhutClient } from '../../data/client';
import { type ObhutDatabase, openDatabase } from '../../data/database';
import { EntryRepository } from '../../data/entries';
import { IntakeRepository } from '../../data/intakes';
import { PendingWrites } from '../../data/pending';
import { renderWithTheme } from '../../test-render';
import { HandoverReport } from './HandoverReport';
import { HandoverReportButton } from './HandoverReportButton';
import { CALL_AT, MIN, reportEntries, reportIntake, SUPERVISOR, unaccompaniedIntake, WORKER } from './report-fixture';
import { reportOf } from './report-model';

const MORNING = CALL_AT + 10 * 60 * MIN;
const session = (u: { id: string; displayName: string }) => ({
  ...u,
  username: u.id,
  officeId: 'segeberg',
  roles: ['supervisor'],
});

describe('HandoverReport', () => {
  it('lays out every part of the report for print', () => {
    const intake = reportIntake({
      review: { state: 'countersigned', countersignedBy: SUPERVISOR.id, countersignedAt: MORNING - 15 * MIN },
    });
    const report = reportOf(intake, reportEntries(), MORNING, new Map([[SUPERVISOR.id, SUPERVISOR.displayName]]));
    renderWithTheme(<HandoverReport report={report} />);

    const article = screen.getByRole('article', { name: 'Übergabebericht an den ASD' });
    expect(within(article).getByRole('heading', { level: 1 })).toHaveTextContent('Übergabebericht an den ASD');
    expect(screen.getByTestId('report-child')).toHaveTextContent('Mia Musterkind');
    expect(screen.queryByTestId('report-notices')).toBeNull();

    const summary = screen.getByRole('region', { name: 'Zusammenfassung' });
    expect(summary).toHaveTextContent('Anruf eingegangen24.11.2026 23:00');
    const decisions = screen.getByRole('region', { name: 'Verlauf der Nacht' });
    expect(decisions).toHaveTextContent(
      '§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. a – dringende Gefahr, die Personensorgeberechtigten widersprechen nicht',
    );

    const lines = screen.getAllByTestId('report-log-line');
    expect(lines).toHaveLength(5);
    expect(
      within(lines[0])
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '24.11.2026 23:02',
      'Anruf',
      'Polizei meldet Kind allein in der Wohnung',
      WORKER.id, // not among the names given: shown by id
    ]);
    expect(lines[4]).toHaveTextContent('berichtigt den Eintrag vom 25.11.2026 00:10 (Platzanfrage)');

    const obligations = screen.getAllByTestId('report-obligation');
    expect(obligations.map((o) => [o.dataset.kind, o.dataset.status])).toEqual([
      ['informCustodians', 'overdue'],
      ['handoverToAsd', 'overdue'],
    ]);

    const supervisor = screen.getAllByTestId('report-signature').find((s) => s.dataset.role === 'supervisor')!;
    expect(supervisor).toHaveTextContent('Dr. Petra Beispiel');
    expect(supervisor).toHaveTextContent('Elektronisch gegengezeichnet am 25.11.2026 08:45');
    const receiver = screen.getAllByTestId('report-signature').find((s) => s.dataset.role === 'receiver')!;
    expect(receiver.dataset.signed).toBe('false');

    // A4 page counter from the catalogue, in the page's print styles.
    expect(PAGE_STYLE).toContain('"Seite " counter(page) " von " counter(pages)');
    expect(article.querySelector('style')?.textContent).toBe(PAGE_STYLE);
  });

  it('issue 13: prints the sections of an unaccompanied night in the numbered order, the health sheet included', () => {
    renderWithTheme(<HandoverReport report={reportOf(unaccompaniedIntake(), [], MORNING, new Map())} />);
    const blocks = screen.getAllByTestId('report-decision');
    expect(blocks.map((b) => b.dataset.section)).toEqual([
      'call',
      'risk',
      'decision',
      'placement',
      'transport',
      'health',
      'trustedPerson',
      'custody',
      'provisional',
      'ageAssessment',
    ]);
    const night = screen.getByRole('region', { name: 'Verlauf der Nacht' });
    expect(night).toHaveTextContent('Aktenzeichen der PolizeiDEMO-BPOL-0042');
    expect(night).toHaveTextContent('AllergienPenicillin');
    expect(night).toHaveTextContent('Verwandte im In- oder AuslandBruder in Kiel');
    const summary = screen.getByRole('region', { name: 'Zusammenfassung' });
    expect(summary).toHaveTextContent('Dolmetscher/-innenHerr Dolmetsch (Dari, fiktiv)');
    expect(summary).toHaveTextContent('Aufenthaltsort nicht mitgeteiltGeheim gehalten: Hinweise auf Schleuser');
  });

  it('says so where a part is empty', () => {
    const intake = reportIntake({
      call: undefined,
      decision: undefined,
      risk: undefined,
      placement: undefined,
      transport: undefined,
      health: undefined,
      trustedPerson: undefined,
      custody: undefined,
      custodians: [],
      responsibility: undefined,
    });
    renderWithTheme(<HandoverReport report={reportOf(intake, [], MORNING, new Map())} />);
    expect(screen.getByRole('region', { name: 'Verlauf der Nacht' })).toHaveTextContent('Keine Angaben erfasst.');
    expect(screen.getByRole('region', { name: 'Protokoll' })).toHaveTextContent('Keine Protokolleinträge.');
    expect(screen.getByRole('region', { name: 'Offene Pflichten und Fristen' })).toHaveTextContent(
      'Keine offenen Pflichten.',
    );
    expect(screen.getByTestId('report-notices')).toHaveTextContent('noch nicht gegengezeichnet');
  });
});

describe('HandoverReportButton', () => {
  let db: ObhutDatabase;
  let client: ObhutClient;
  let sent: LocalEvent[] = [];
  let n = 0;

  beforeEach(async () => {
    db = await openDatabase({
      name: `obhut_report_${n++}`,
      key: 'r'.repeat(64),
      env: { indexedDB: new IDBFactory(), IDBKeyRange },
    });
    const pending = await PendingWrites.open(db);
    // The worker wrote the record and its log; the supervisor countersigned it and now prints.
    const worker = session(WORKER);
    const workerIntakes = new IntakeRepository(db.intakes, pending, worker, () => CALL_AT);
    const workerEntries = new EntryRepository(db.entries, db.rejections, pending, worker, () => CALL_AT);
    const {
      id: _id,
      officeId: _o,
      createdBy: _c,
      createdAt: _ca,
      updatedAt: _u,
      updatedBy: _ub,
      conflicts: _cf,
      ...content
    } = reportIntake();
    await workerIntakes.create(content, 'intake-report-1');
    for (const e of reportEntries().filter((e) => e.intakeId === 'intake-report-1')) {
      await workerEntries.append(
        'intake-report-1',
        { kind: e.kind, text: e.text, at: e.at, placement: e.placement, correctsId: e.correctsId },
        e.id,
      );
    }
    const supervisor = session(SUPERVISOR);
    const intakes = new IntakeRepository(db.intakes, pending, supervisor, () => MORNING);
    await intakes.update('intake-report-1', {
      review: { state: 'countersigned', countersignedBy: SUPERVISOR.id, countersignedAt: MORNING - 15 * MIN },
    });
    const entries = new EntryRepository(db.entries, db.rejections, pending, supervisor, () => MORNING);
    // The parts of the session the button uses, with the real repositories.
    // The access log is the real one; only its way to the server is a list (sent events land there).
    sent = [];
    const accessLog = new AccessLog(memoryQueueStore(), supervisor.id, (events) => {
      sent.push(...events);
      return Promise.resolve();
    });
    client = { user: supervisor, intakes, entries, accessLog } as unknown as ObhutClient;
  });
  afterEach(async () => {
    delete window.obhut;
    vi.restoreAllMocks();
    await db.close();
  });

  const renderButton = (intakeId = 'intake-report-1') =>
    renderWithTheme(
      <ClientContext.Provider value={client}>
        <HandoverReportButton intakeId={intakeId} names={new Map([[WORKER.id, WORKER.displayName]])} />
      </ClientContext.Provider>,
    );

  it('in the browser: puts the report into the print root, then opens the print dialog', async () => {
    let printedText = '';
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      printedText = document.querySelector('.obhut-print-root')?.textContent ?? '';
    });
    renderButton();
    expect(screen.queryByTestId('handover-report')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Übergabebericht drucken' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    // Audited: the kind and the record, nothing of what was printed.
    await waitFor(() => expect(sent.map((e) => [e.kind, e.recordId])).toEqual([['print', 'intake-report-1']]));
    expect(JSON.stringify(sent)).not.toContain('Mia');

    // What was on the page when the dialog opened: the record, its decisions, its log, the signatures.
    expect(printedText).toContain('Mia Musterkind');
    expect(printedText).toContain(
      '§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. a – dringende Gefahr, die Personensorgeberechtigten widersprechen nicht',
    );
    expect(printedText).toContain('Polizei meldet Kind allein in der Wohnung');
    expect(printedText).toContain('Bereitschaftspflege Segeberg 1: zugesagt');
    expect(printedText).toContain('Dr. Petra Beispiel');
    const root = screen.getByTestId('handover-report-print-root');
    expect(root.parentElement).toBe(document.body);
    expect(
      within(root)
        .getAllByTestId('report-log-line')
        .map((l) => l.dataset.entryId),
    ).toEqual(['e-1', 'e-2', 'e-3', 'e-4', 'e-5']);
    const worker = within(root)
      .getAllByTestId('report-signature')
      .find((s) => s.dataset.role === 'worker')!;
    expect(worker).toHaveTextContent('Jana Fiktiv');
    // The logged-in supervisor is named by her display name (from the session, not from `names`), never her id.
    const supervisor = within(root)
      .getAllByTestId('report-signature')
      .find((s) => s.dataset.role === 'supervisor')!;
    expect(supervisor).toHaveTextContent('Dr. Petra Beispiel');
    expect(root).not.toHaveTextContent(SUPERVISOR.id);
    expect(within(root).getByTestId('report-summary')).toHaveTextContent('gegengezeichnet');
  });

  it('in the desktop app: saves the PDF through the preload API with a German file name without the child name and says where', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const asked: string[] = [];
    let reportInPage = false;
    const bridge: Partial<ObhutBridge> = {
      printToPdf: (name: string): Promise<PrintToPdfResult> => {
        asked.push(name);
        reportInPage = !!document
          .querySelector('.obhut-print-root [data-testid="report-child"]')
          ?.textContent?.includes('Mia');
        return Promise.resolve({ status: 'saved', path: `/home/leitung/Dokumente/${name}` });
      },
    };
    window.obhut = bridge as ObhutBridge;
    renderButton();
    await userEvent.click(screen.getByRole('button', { name: 'Übergabebericht drucken' }));
    const message = await screen.findByTestId('handover-report-message');
    expect(asked).toHaveLength(1);
    // Date and record reference ('intake-report-1' cut to 8 characters), not the child's name.
    expect(asked[0]).toMatch(/^Übergabebericht – \d\d\.\d\d\.\d{4} – intake-r\.pdf$/);
    expect(reportInPage).toBe(true);
    expect(message).toHaveTextContent(`Der Bericht wurde als PDF gespeichert: /home/leitung/Dokumente/${asked[0]}`);
    expect(print).not.toHaveBeenCalled();
    await waitFor(() => expect(sent.map((e) => [e.kind, e.recordId])).toEqual([['pdf', 'intake-report-1']]));
  });

  it('reports a cancelled save and a failure', async () => {
    const results: PrintToPdfResult[] = [
      { status: 'cancelled' },
      { status: 'failed', message: 'Die Datei konnte nicht geschrieben werden.' },
    ];
    window.obhut = { printToPdf: () => Promise.resolve(results.shift()!) } as unknown as ObhutBridge;
    renderButton();
    const button = screen.getByRole('button', { name: 'Übergabebericht drucken' });
    await userEvent.click(button);
    await waitFor(() =>
      expect(screen.getByTestId('handover-report-message')).toHaveTextContent('Das Speichern wurde abgebrochen.'),
    );
    expect(screen.getByTestId('handover-report-message')).toHaveAttribute('role', 'status');
    await userEvent.click(button);
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Der Bericht konnte nicht gedruckt werden: Die Datei konnte nicht geschrieben werden.',
      ),
    );
    // Nothing left the app: nothing to audit.
    expect(sent).toEqual([]);
  });

  it('says so when the record is not on this device, and prints nothing', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderButton('not-here');
    await userEvent.click(screen.getByRole('button', { name: 'Übergabebericht drucken' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Der Bericht ist auf diesem Gerät nicht vorhanden.');
    expect(print).not.toHaveBeenCalled();
    expect(screen.queryByTestId('handover-report')).toBeNull();
  });
});
