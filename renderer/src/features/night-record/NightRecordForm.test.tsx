import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import { isEmptyFact, isLateFactPath, lateFactChange } from '../../../../shared/nightRecord/lateFacts';
import type { Intake } from '../../../../shared/schema/intake';
import { conflictRecord } from '../../../../shared/sync/merge';
import { getAtPath } from '../../../../shared/sync/paths';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import type { EntryRepository } from '../../data/entries';
import { useEntries, useIntake } from '../../data/hooks';
import type { IntakeRepository } from '../../data/intakes';
import { inputId, SECTIONS } from '../../record/fields';
import { openTestRepositories } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { AUTOSAVE_MS } from './draft-store';
import { NightRecordForm, type NightRecordFormProps } from './NightRecordForm';

const NOW = Date.parse('2025-05-18T01:40+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const t = de.app.nightRecord;

let db: ObhutDatabase;
let intakes: IntakeRepository;
let entries: EntryRepository;
let client: ObhutClient;

beforeEach(async () => {
  ({ db, intakes, entries, client } = await openTestRepositories('obhut_nr', user, () => NOW));
});
afterEach(async () => {
  cleanup(); // unmount first: closing the form saves what is typed, into a database that must still be open
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

/** The form on its own, as before the hooks: its placement part finds no session (it reads the client itself). */
const NightRecordFormAlone = (props: NightRecordFormProps) => (
  <ClientContext.Provider value={null}>
    <NightRecordForm {...props} />
  </ClientContext.Provider>
);

/** The form fed from the local database, as the app feeds it. */
function Harness({ id, onClose = () => {} }: { id: string; onClose?: () => void }) {
  const intake = useIntake(id);
  const log = useEntries(id);
  if (intake === undefined) return null; // still loading (the app hands the form what its list already holds)
  return (
    <NightRecordFormAlone
      id={id}
      intake={intake}
      entries={log}
      intakes={intakes}
      onAppendEntry={async (input) => void (await entries.append(id, input))}
      onRestoreEntry={() => {}}
      currentUserId={user.id}
      userOfficeId={user.officeId}
      pendingIds={new Set()}
      rejections={[]}
      onDismissRejection={() => {}}
      suggestions={[
        {
          facilityId: 'kinderschutzhaus-elmshorn',
          facilityName: 'Kinderschutzhaus Elmshorn',
          provider: 'Perspektive gGmbH',
        },
      ]}
      now={() => NOW}
      onClose={onClose}
    />
  );
}

const stored = (id: string) => intakes.get(id);
async function renderRecord(id: string, onClose?: () => void) {
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <Harness id={id} onClose={onClose} />
    </ClientContext.Provider>,
  );
  await screen.findByTestId('night-record');
}
const section = (id: string) => document.querySelector(`[data-section="${id}"]`) as HTMLElement;

async function createComplete(id: string, patch: Partial<Intake> = {}, start = NOW - 3_600_000): Promise<Intake> {
  return intakes.create({ ...demoNightRecord(start), status: 'draft', ...patch }, id);
}

// A whole record (a hundred fields, forty of them comboboxes) renders in jsdom on a shared machine: give it time.
vi.setConfig({ testTimeout: 120_000 });
describe('NightRecordForm', () => {
  it('starts in the first name and saves while typing, with no button; Enter closes with everything kept', async () => {
    const closed: string[] = [];
    await renderRecord('new-1', () => closed.push('closed'));
    const u = userEvent.setup();
    expect(screen.getByLabelText('Vorname')).toHaveFocus();
    expect(screen.getByLabelText('Anruf eingegangen')).toHaveValue('18.05.2025 01:40');
    await u.keyboard('Lenja');
    await waitFor(async () => expect((await stored('new-1'))?.child.firstName).toBe('Lenja'), {
      timeout: AUTOSAVE_MS * 10,
    });
    expect(await stored('new-1')).toMatchObject({
      status: 'draft',
      receivedAt: NOW,
      officeId: 'segeberg',
      createdBy: user.id,
    });

    await u.tab();
    await u.keyboard('Testkind{Enter}');
    await act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));
    expect(closed).toEqual([]); // Enter does not leave the record
    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(closed).toEqual(['closed']), { timeout: 5000 });
    expect((await stored('new-1'))?.child).toEqual({ firstName: 'Lenja', lastName: 'Testkind' });
  });

  it('writes a field only when it parses, with the German message at the field', async () => {
    await createComplete('r-1');
    await renderRecord('r-1');
    const decided = await within(section('decision')).findByLabelText('Entscheidung getroffen');
    fireEvent.change(decided, { target: { value: '19.05.2025 10:00' } });
    expect(await screen.findByText(t.validation.futureDateTime)).toBeInTheDocument();
    fireEvent.change(within(section('child')).getByLabelText('Geschätztes Alter'), { target: { value: '30' } });
    expect(await screen.findByText(t.validation.range(0, 21))).toBeInTheDocument();
    await act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));
    const after = await stored('r-1');
    expect(after?.decision?.decidedAt).toBe(NOW - 3_600_000 + 40 * 60_000);
    expect(after?.child.estimatedAge).toBe(7);

    // "J" in a time field is now.
    fireEvent.keyDown(decided, { key: 'j' });
    await waitFor(async () =>
      expect((await stored('r-1'))?.decision?.decidedAt).toBe(Date.parse('2025-05-18T01:40+02:00')),
    );
    expect(decided).toHaveValue('18.05.2025 01:40');

    // "-15": a quarter of an hour ago, shown in full once the field is left.
    fireEvent.change(decided, { target: { value: '-15' } });
    fireEvent.blur(decided);
    expect(decided).toHaveValue('18.05.2025 01:25');
    await waitFor(async () =>
      expect((await stored('r-1'))?.decision?.decidedAt).toBe(Date.parse('2025-05-18T01:25+02:00')),
    );
  });

  it('lists what is missing in German, refuses to submit until it is there, then submits', async () => {
    await intakes.create(
      {
        receivedAt: NOW,
        child: { firstName: 'Mattis', lastName: 'Testkind', estimatedAge: 9 },
        initiatedBy: 'police',
        situation: 'Fiktiv.',
        status: 'draft',
      },
      'r-2',
    );
    await renderRecord('r-2');
    const u = userEvent.setup();
    const missing = await screen.findByTestId('intake-missing');
    expect(missing).toHaveAttribute('data-count', '13');
    expect(missing).toHaveTextContent('3 · Entscheidung und Rechtsgrundlage – Rechtsgrundlage');
    expect(missing).toHaveTextContent('Mindestens eine personensorgeberechtigte Person');

    await u.click(screen.getByTestId('submit'));
    expect(await screen.findByText(/Vorlegen nicht möglich/)).toBeInTheDocument();
    expect(within(section('risk')).getByLabelText('Einschätzung')).toHaveFocus();
    expect(within(section('decision')).getByLabelText('Rechtsgrundlage')).toHaveAccessibleDescription(
      expect.stringContaining(t.validation.requiredForSubmit),
    );
    expect((await stored('r-2'))?.status).toBe('draft');

    // The missing list's links jump to the field.
    await u.click(
      within(missing).getByRole('button', {
        name: 'Zu „3 · Entscheidung und Rechtsgrundlage – Rechtsgrundlage“ springen',
      }),
    );
    expect(within(section('decision')).getByLabelText('Rechtsgrundlage')).toHaveFocus();

    const night = demoNightRecord(NOW - 3_600_000);
    await intakes.update('r-2', { ...night, child: { firstName: 'Mattis', lastName: 'Testkind', estimatedAge: 9 } });
    await waitFor(() => expect(screen.getByTestId('intake-missing')).toHaveAttribute('data-count', '0'));
    await u.click(screen.getByTestId('submit'));
    await waitFor(async () => expect((await stored('r-2'))?.status).toBe('submitted'));
    expect(await screen.findByTestId('record-status')).toHaveTextContent('Vorgelegt');
    // The submit button is gone: the cursor is on the way back to the list, not lost on the page.
    await waitFor(() => expect(screen.getByRole('button', { name: t.done })).toHaveFocus());
  });

  it('adds custodians as list items and derives the responsible office', async () => {
    await createComplete('r-3', { custodians: [] });
    await renderRecord('r-3');
    const u = userEvent.setup();
    await u.click(within(section('custodians')).getByRole('button', { name: t.addCustodian }));
    const item = await within(section('custodians')).findByTestId('list-item', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(item).getByLabelText('Rolle')).toHaveFocus());
    await u.keyboard('Vater{Enter}'); // the first field of the new person has the cursor
    await u.type(within(item).getByLabelText('Name'), 'Max Beispiel');
    await waitFor(async () =>
      expect((await stored('r-3'))?.custodians).toEqual([
        expect.objectContaining({ role: 'father', name: 'Max Beispiel' }),
      ]),
    );
    expect(screen.getByTestId('intake-missing')).toHaveTextContent(
      '7 · Personensorgeberechtigte (Vater, Max Beispiel) – Informiert am – oder die Erreichbarkeitsversuche',
    );

    expect(screen.getByTestId('responsibility')).toHaveTextContent(
      'Zuständig: Kreis Segeberg (§ 87 S. 1 SGB VIII: tatsächlicher Aufenthalt vor der Maßnahme)',
    );
    await u.click(within(section('responsibility')).getByLabelText('Abweichend zuständig'));
    await u.keyboard('Stormarn{Enter}');
    expect(await screen.findByText(t.validation.overrideReason, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('responsibility')).toHaveTextContent('Der Fall ist an Kreis Stormarn zu übergeben.');
  });

  it('logs the placement search with one action each and takes the accepted place as the placement', async () => {
    await createComplete('r-4', { placement: undefined });
    await renderRecord('r-4');
    const u = userEvent.setup();
    const search = within(screen.getByTestId('placement-search'));
    await u.type(search.getByLabelText('Einrichtung oder Person'), 'Kinderhaus Travetal{Enter}');
    await waitFor(() => expect(search.getAllByTestId('place-row')).toHaveLength(1));
    expect(search.getByLabelText('Einrichtung oder Person')).toHaveValue('');
    await u.type(search.getByLabelText('Einrichtung oder Person'), 'Kinderschutzhaus Elmshorn{Enter}');
    await waitFor(() => expect(search.getAllByTestId('place-row')).toHaveLength(2));
    const first = search.getAllByTestId('place-row').find((r) => r.textContent?.includes('Kinderhaus Travetal'))!;
    await u.selectOptions(within(first).getByLabelText('Grund der Absage'), 'no_place');
    await u.click(search.getByRole('button', { name: 'Kinderhaus Travetal: abgelehnt' }));
    await u.click(search.getByRole('button', { name: 'Kinderschutzhaus Elmshorn: zugesagt' }));

    await waitFor(
      async () => expect((await stored('r-4'))?.placement?.facilityName).toBe('Kinderschutzhaus Elmshorn'),
      { timeout: 5000 },
    );
    expect((await stored('r-4'))?.placement).toMatchObject({
      facilityId: 'kinderschutzhaus-elmshorn',
      provider: 'Perspektive gGmbH',
    });
    const log = (await db.entries.find().exec()).map((e) => e.placement);
    expect(log).toHaveLength(4);
    expect(log).toEqual(
      expect.arrayContaining([
        { facilityName: 'Kinderhaus Travetal', answer: 'requested' },
        { facilityId: 'kinderschutzhaus-elmshorn', facilityName: 'Kinderschutzhaus Elmshorn', answer: 'requested' },
        { facilityName: 'Kinderhaus Travetal', answer: 'refused', reason: 'no_place' },
        { facilityId: 'kinderschutzhaus-elmshorn', facilityName: 'Kinderschutzhaus Elmshorn', answer: 'accepted' },
      ]),
    );
    expect(
      search
        .getAllByTestId('place-row')
        .map((r) => r.getAttribute('data-answer'))
        .sort(),
    ).toEqual(['accepted', 'refused']);
    expect(screen.getByTestId('placement-search')).toHaveTextContent('2 angefragt, 1 abgelehnt');
  });

  it('appends a log line with Enter, and offers a correction as a new line', async () => {
    await createComplete('r-5');
    await renderRecord('r-5');
    const u = userEvent.setup();
    const log = within(screen.getByTestId('entry-log'));
    await u.click(log.getByRole('combobox', { name: 'Art' }));
    await u.clear(log.getByRole('combobox', { name: 'Art' }));
    await u.keyboard('Benachr{Enter}');
    await u.type(log.getByLabelText('Eintrag'), 'Mutter erreicht{Enter}');
    const line = await log.findByTestId('entry');
    expect(line).toHaveTextContent('Benachrichtigung');
    expect(line).toHaveTextContent('Mutter erreicht');
    await u.click(within(line).getByRole('button', { name: t.log.correct }));
    await u.type(log.getByLabelText('Eintrag'), 'Vater erreicht, nicht die Mutter{Enter}');
    await waitFor(() => expect(log.getAllByTestId('entry')).toHaveLength(2));
    const [first, second] = await db.entries.find({ sort: [{ createdAt: 'asc' }, { id: 'asc' }] }).exec();
    const correction = log.getAllByTestId('entry').find((e) => e.textContent?.includes('Vater erreicht'));
    expect(correction).toHaveTextContent('korrigiert den Eintrag');
    expect([first.text, second.text, second.correctsId]).toEqual(
      expect.arrayContaining(['Mutter erreicht', 'Vater erreicht, nicht die Mutter']),
    );
  });

  it('shows a conflict by field path with author and time, and puts the other value back when chosen', async () => {
    const lost = conflictRecord(
      'custodians[custodian-1].attempts',
      'Vater erreicht',
      'leitung.segeberg',
      Date.parse('2025-05-18T01:10+02:00'),
    );
    const kept = conflictRecord('decision.ground', '42_1_2b', user.id, Date.parse('2025-05-18T01:12+02:00'));
    const created = await createComplete('r-6');
    await db.intakes
      .findOne('r-6')
      .exec()
      .then((d) => d!.incrementalPatch({ conflicts: [lost, kept] }));
    await renderRecord('r-6');
    const u = userEvent.setup();
    const rows = await screen.findAllByTestId('conflict-row');
    expect(rows[0]).toHaveTextContent(
      '7 · Personensorgeberechtigte (Mutter, Erika Musterfrau (fiktiv)) – Erreichbarkeitsversuche',
    );
    expect(within(rows[0]).getByTestId('conflict-kept')).toHaveTextContent('Vater erreicht');
    expect(within(rows[0]).getByTestId('conflict-current')).toHaveTextContent(created.custodians![0].attempts!);
    expect(within(rows[0]).getByTestId('conflict-by')).toHaveTextContent('leitung.segeberg');
    expect(within(rows[0]).getByTestId('conflict-at')).toHaveTextContent('18.05.2025 01:10');
    expect(within(rows[1]).getByTestId('conflict-kept')).toHaveTextContent('§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. b');
    expect(within(rows[1]).getByTestId('conflict-by')).toHaveTextContent('Ihnen');
    expect(screen.getByTestId('marker-conflict')).toBeInTheDocument();

    await u.click(screen.getByRole('button', { name: /^Anderen Wert übernehmen: .*Erreichbarkeitsversuche/ }));
    await waitFor(async () => expect((await stored('r-6'))?.custodians?.[0].attempts).toBe('Vater erreicht'));
    await u.click(screen.getByRole('button', { name: /^Aktuellen behalten: .*Rechtsgrundlage/ }));
    await waitFor(async () => expect((await stored('r-6'))?.conflicts).toEqual([]));
    expect((await stored('r-6'))?.decision?.ground).toBe('42_1_2a');
    expect(screen.queryByTestId('conflicts')).toBeNull();
  });

  it('shows the deadlines of the record with their state', async () => {
    // Decided at 23:20 on Saturday, custodians not reached: informing them was due at 01:20.
    await createComplete('r-7', {}, NOW - 3 * 3_600_000);
    await renderRecord('r-7');
    const obligations = await screen.findAllByTestId('obligation');
    // The demo night explained the measure to the child and consulted a colleague: both done (§ 42 Abs. 2, § 8a Abs. 1).
    expect(obligations.map((o) => [o.getAttribute('data-kind'), o.getAttribute('data-status')])).toEqual([
      ['informCustodians', 'overdue'],
      ['explainToChild', 'done'],
      ['handoverToAsd', 'open'],
      ['jointRiskAssessment', 'done'],
    ]);
    expect(obligations[2]).toHaveTextContent('fällig 19.05.2025 08:30');
    expect(obligations[0]).toHaveTextContent('§ 42 Abs. 3 S. 1 SGB VIII');
    expect(obligations[0]).toHaveTextContent('Personensorgeberechtigte informieren');
  });
});

describe('NightRecordForm after the morning review', () => {
  const SIGNED_AT = Date.parse('2025-05-18T01:20+02:00');
  /** A submitted record with a review as the supervisor's step left it (written as sync would store it). */
  async function reviewed(
    id: string,
    review: Intake['review'],
    officeId: Intake['officeId'] = 'segeberg',
  ): Promise<Intake> {
    const created = await createComplete(id, { status: 'submitted' });
    const doc = await db.intakes.findOne(id).exec();
    await doc!.incrementalPatch({ review, officeId });
    return { ...created, review, officeId };
  }
  /** Every form control of the record's sections (the log below has its own). */
  const sectionControls = () => [
    ...document.querySelectorAll<HTMLElement>(
      '[data-section] input:not([type=hidden]), [data-section] select, [data-section] textarea',
    ),
  ];
  const pathOfInput = new Map(SECTIONS.flatMap((s) => s.fields.map((f) => [inputId(f.path), f.path] as const)));
  const custodianPath = (id: string) => {
    const m = /^nr-custodians_custodian-1__(.+)$/.exec(id);
    return m ? `custodians[custodian-1].${m[1]}` : undefined;
  };
  const idOf = (el: HTMLElement) => el.id.replace(/-first$/, '') || el.closest('[id^="nr-"]')?.id || '';
  const pathOf = (el: HTMLElement) => pathOfInput.get(idOf(el)) ?? custodianPath(idOf(el));

  it('shows the returned record with the comment at the top and hands it back for review', async () => {
    const review = {
      state: 'returned' as const,
      returnedBy: 'leitung.segeberg',
      returnedAt: SIGNED_AT,
      returnComment: 'Bitte die Gründe der Entscheidung ergänzen.',
    };
    await reviewed('rv-1', review);
    await renderRecord('rv-1');
    const u = userEvent.setup();
    const banner = await screen.findByTestId('record-review');
    expect(banner).toHaveAttribute('data-state', 'returned');
    expect(within(banner).getByTestId('record-return-comment')).toHaveTextContent(
      'Zurückgegeben von leitung.segeberg am 18.05.2025 01:20: Bitte die Gründe der Entscheidung ergänzen.',
    );
    expect(screen.getByTestId('record-review-state')).toHaveTextContent('zurückgegeben');
    // The top of the record: before the first section.
    expect(banner.compareDocumentPosition(section('child')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // A returned record is corrected in the form as before.
    const reasons = within(section('decision')).getByLabelText('Begründung');
    expect(reasons).toBeEnabled();
    await u.type(reasons, ' Ergänzt.');
    await u.click(within(banner).getByRole('button', { name: t.review.resubmit }));
    await waitFor(async () => expect((await stored('rv-1'))?.review).toEqual({ ...review, state: 'new' }), {
      timeout: 15_000,
    });
    expect((await stored('rv-1'))?.decision?.reasons).toMatch(/ Ergänzt\.$/);
    expect(await screen.findByTestId('record-review', {}, { timeout: 15_000 })).toHaveTextContent(t.review.resubmitted);
    expect(screen.queryByRole('button', { name: t.review.resubmit })).toBeNull();
  });

  it('refuses to hand a returned record back while something is missing, and says what', async () => {
    const review = {
      state: 'returned' as const,
      returnedBy: 'leitung.segeberg',
      returnedAt: SIGNED_AT,
      returnComment: 'Begründung fehlt.',
    };
    await reviewed('rv-2', review);
    await renderRecord('rv-2');
    const u = userEvent.setup();
    await u.clear(within(section('decision')).getByLabelText('Begründung'));
    await u.click(screen.getByRole('button', { name: t.review.resubmit }));
    expect(await screen.findByTestId('resubmit-blocked', {}, { timeout: 15_000 })).toHaveTextContent(
      t.missing.title(1),
    );
    expect(within(section('decision')).getByLabelText('Begründung')).toHaveFocus();
    expect((await stored('rv-2'))?.review).toEqual(review);
  });

  it('locks a countersigned record: only empty late facts take input, once; nothing else is written; the log takes addenda', async () => {
    const review = { state: 'countersigned' as const, countersignedBy: 'leitung.segeberg', countersignedAt: SIGNED_AT };
    await reviewed('rv-3', review);
    const before = (await stored('rv-3'))!;
    await renderRecord('rv-3');
    const u = userEvent.setup();
    const banner = await screen.findByTestId('record-review');
    expect(banner).toHaveAttribute('data-access', 'locked');
    expect(within(banner).getByTestId('record-read-only-note')).toHaveTextContent(t.review.locked);
    expect(within(banner).getByTestId('record-late-facts-note')).toHaveTextContent(t.review.lateFacts);
    expect(within(banner).getByTestId('record-countersigned')).toHaveTextContent(
      'Gegengezeichnet von leitung.segeberg am 18.05.2025 01:20.',
    );
    expect(screen.queryByTestId('submit')).toBeNull();
    expect(screen.queryByRole('button', { name: t.addCustodian })).toBeNull();
    expect(within(screen.getByTestId('placement-search')).queryByRole('textbox')).toBeNull();

    // Every enabled control is an empty late fact; filled ones and the night's facts are disabled.
    const enabled = sectionControls().filter((el) => !(el as HTMLInputElement).disabled);
    expect(enabled.length).toBeGreaterThan(0);
    for (const el of enabled) {
      const path = pathOf(el);
      expect(path, el.id).toBeDefined();
      expect(isLateFactPath(path!), path).toBe(true);
      expect(isEmptyFact(getAtPath(before, path!)), path).toBe(true);
    }
    expect(within(section('child')).getByLabelText('Vorname')).toBeDisabled();
    expect(within(section('statistics')).getByLabelText('Geschlecht')).toBeDisabled(); // filled in the night
    expect(within(section('end')).getByLabelText('Grund der Beendigung / Anschlusshilfe')).toBeEnabled();
    const custodian = within(section('custodians')).getByTestId('list-item');
    expect(within(custodian).getByLabelText('Informiert am')).toBeEnabled();
    expect(within(custodian).getByLabelText('Name')).toBeDisabled();

    // Typing into what is locked writes nothing, also not when the record closes.
    await u.type(within(section('child')).getByLabelText('Vorname'), 'X');
    await u.type(within(section('decision')).getByLabelText('Begründung'), 'Y');
    await act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));
    expect(await stored('rv-3')).toEqual(before);

    // A late fact is added when its field is left, and is then locked too.
    const endReason = within(section('end')).getByLabelText('Grund der Beendigung / Anschlusshilfe');
    await u.click(endReason);
    await u.keyboard('Rückkehr{Enter}');
    await act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));
    expect((await stored('rv-3'))?.end).toBeUndefined(); // not while the field still has the focus
    await u.tab();
    await waitFor(async () => expect((await stored('rv-3'))?.end).toEqual({ reason: 'return_to_custodians' }));
    const after = (await stored('rv-3'))!;
    expect({ ...after, end: undefined, updatedAt: 0 }).toEqual({ ...before, end: undefined, updatedAt: 0 });
    await waitFor(() =>
      expect(within(section('end')).getByLabelText('Grund der Beendigung / Anschlusshilfe')).toBeDisabled(),
    );

    // The custodian reached in the morning: "J" in the time field, written on leaving it - and the server's rule
    // for locked records (shared/nightRecord/lateFacts.ts) sees exactly these two facts added, nothing changed.
    const informed = within(custodian).getByLabelText('Informiert am');
    informed.focus();
    await u.keyboard('j');
    await u.tab();
    await waitFor(async () => expect((await stored('rv-3'))?.custodians?.[0].informedAt).toBe(NOW));
    expect(lateFactChange(before, (await stored('rv-3'))!)).toEqual({
      added: ['custodians[custodian-1].informedAt', 'end.reason'],
    });
    await waitFor(() => expect(within(custodian).getByLabelText('Informiert am')).toBeDisabled());

    // Later facts of another kind go into the log (an addendum), which stays open.
    const log = within(screen.getByTestId('entry-log'));
    await u.type(log.getByLabelText('Eintrag'), 'Mutter am Vormittag erreicht{Enter}');
    await waitFor(async () =>
      expect((await db.entries.find().exec()).map((e) => e.text)).toEqual(['Mutter am Vormittag erreicht']),
    );
  });

  it('shows a record received by handover read only, with the handover, and writes nothing to it', async () => {
    const review = {
      state: 'handed_over' as const,
      countersignedBy: 'leitung.pinneberg',
      countersignedAt: SIGNED_AT,
      handedOverTo: 'segeberg' as const,
      handedOverBy: 'leitung.pinneberg',
      handedOverAt: SIGNED_AT + 60_000,
    };
    await reviewed('rv-4', review, 'pinneberg');
    const before = (await stored('rv-4'))!;
    await renderRecord('rv-4');
    const u = userEvent.setup();
    const banner = await screen.findByTestId('record-review');
    expect(banner).toHaveAttribute('data-access', 'received');
    expect(banner).toHaveTextContent(de.review.ui.record.receivedFrom('pinneberg'));
    expect(within(banner).getByTestId('record-handed-over')).toHaveTextContent(
      `Übergeben an das Jugendamt ${de.offices.segeberg} von leitung.pinneberg am 18.05.2025 01:21.`,
    );
    // Not even an empty late fact: the receiving office does not write the sending office's record.
    expect(sectionControls().length).toBeGreaterThan(0);
    expect(sectionControls().filter((el) => !(el as HTMLInputElement).disabled)).toEqual([]);
    expect(screen.queryByRole('button', { name: t.addCustodian })).toBeNull();
    expect(screen.queryByRole('button', { name: /entfernen$/ })).toBeNull();

    await u.type(within(section('end')).getByLabelText('Ende der Maßnahme'), 'J');
    await u.type(within(section('child')).getByLabelText('Vorname'), 'X');
    await u.keyboard('{Escape}');
    await act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));
    expect(await stored('rv-4')).toEqual(before);
  });
});
