import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { map } from 'rxjs';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import { fieldLabel } from '../../../../shared/nightRecord/fieldLabel';
import type { Intake } from '../../../../shared/schema/intake';
import { conflictRecord } from '../../../../shared/sync/merge';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import type { EntryRepository } from '../../data/entries';
import { useEntries, useIntake, useRejections } from '../../data/hooks';
import type { IntakeRepository } from '../../data/intakes';
import { lostValues } from '../../data/lost-values';
import { clearRejections, type RejectionDoc, viewOf } from '../../data/rejections';
import type { SyncStatus } from '../../data/sync-status';
import { openTestRepositories } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { AUTOSAVE_MS } from './draft-store';
import { NightRecordForm, type NightRecordFormProps } from './NightRecordForm';

const NOW = Date.parse('2025-05-18T09:40+02:00');
const CALL = Date.parse('2025-05-18T00:40+02:00');
const SIGNED_AT = Date.parse('2025-05-18T08:20+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const t = de.app.nightRecord;
const countersigned = {
  state: 'countersigned' as const,
  countersignedBy: 'leitung.segeberg',
  countersignedAt: SIGNED_AT,
};

let db: ObhutDatabase;
let intakes: IntakeRepository;
let entries: EntryRepository;
let client: ObhutClient;

beforeEach(async () => {
  let repositories: ObhutClient;
  ({ db, intakes, entries, client: repositories } = await openTestRepositories('obhut_nrl', user, () => NOW));
  // The session's status carries the refusals stored on this device.
  const status$ = db.rejections
    .find()
    .$.pipe(map((docs) => ({ rejections: docs.map((d) => viewOf(d.toMutableJSON())) }) as SyncStatus));
  client = { ...repositories, status$ };
});
afterEach(async () => {
  vi.restoreAllMocks();
  cleanup();
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

/** The form on its own, as before the hooks: its placement part finds no session (it reads the client itself). */
const NightRecordFormAlone = (props: NightRecordFormProps) => (
  <ClientContext.Provider value={null}>
    <NightRecordForm {...props} />
  </ClientContext.Provider>
);

/** The form fed from the local database, refusals included, as the app feeds it. */
function Harness({ id, onClose = () => {} }: { id: string; onClose?: () => void }) {
  const intake = useIntake(id);
  const log = useEntries(id);
  const rejections = useRejections();
  if (intake === undefined) return null;
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
      rejections={rejections}
      onDismissRejection={(rid) => void clearRejections(db.rejections, [rid])}
      now={() => NOW}
      onClose={onClose}
    />
  );
}

const stored = async (id: string) => (await intakes.get(id))!;
const section = (id: string) => document.querySelector(`[data-section="${id}"]`) as HTMLElement;
const settle = () => act(() => new Promise((r) => setTimeout(r, AUTOSAVE_MS * 3)));

async function record(
  id: string,
  review?: Intake['review'],
  officeId: Intake['officeId'] = 'segeberg',
): Promise<Intake> {
  await intakes.create({ ...demoNightRecord(CALL), status: 'submitted' }, id);
  if (review) await (await db.intakes.findOne(id).exec())!.incrementalPatch({ review, officeId });
  return stored(id);
}

async function renderRecord(id: string, onClose?: () => void) {
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <Harness id={id} onClose={onClose} />
    </ClientContext.Provider>,
  );
  await screen.findByTestId('night-record');
}

// A whole record (a hundred fields, forty of them comboboxes) renders in jsdom on a shared machine: give it time.
vi.setConfig({ testTimeout: 120_000 });

describe('lostValues', () => {
  it('names by path what the device had and the other state lacks, list items by id, bookkeeping left out', () => {
    const server = {
      id: 'x',
      updatedAt: 1,
      situation: 'S',
      custodians: [{ id: 'c1', name: 'A' }],
      statistics: { reasons: ['neglect'] },
    };
    const local = {
      id: 'x',
      updatedAt: 2,
      review: { state: 'new' },
      situation: 'S2',
      custodians: [
        { id: 'c1', name: 'A', attempts: 'mobil' },
        { id: 'c2', name: 'B' },
      ],
      statistics: { reasons: ['neglect', 'violence'] },
    };
    expect(lostValues(local, server)).toEqual([
      { path: 'situation', value: 'S2' },
      { path: 'custodians[c1].attempts', value: 'mobil' },
      { path: 'custodians[c2].name', value: 'B' },
      { path: 'statistics.reasons', value: ['neglect', 'violence'] },
    ]);
    expect(lostValues(server, server)).toEqual([]);
  });
});

describe('the worker’s record after an intake_locked refusal', () => {
  it('takes the server state and keeps what this device had in one log line', async () => {
    const server = await record('lk-1', countersigned);
    // Edited offline while the supervisor countersigned: the merge kept the countersignature, the push was refused.
    const custodian = server.custodians![0];
    const refused: Intake = {
      ...server,
      decision: { ...server.decision!, reasons: 'Nachts ergänzt' },
      custodians: [{ ...custodian, attempts: 'Noch einmal 06:10 versucht' }],
      updatedAt: server.updatedAt + 1,
    };
    await (await db.intakes.findOne('lk-1').exec())!.incrementalModify(() => refused);
    const rejection: RejectionDoc = {
      id: 'lk-1',
      collectionName: 'intakes',
      code: 'intake_locked',
      message: '',
      at: NOW,
      assumedMasterState: JSON.stringify(server),
      rejectedState: JSON.stringify(refused),
    };
    await db.rejections.insert(rejection);

    await renderRecord('lk-1');
    const u = userEvent.setup();
    const alert = await screen.findByTestId('intake-rejection', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent(t.rejection.hintLocked);
    expect(alert).not.toHaveTextContent(t.rejection.hint);
    await u.click(within(alert).getByRole('button', { name: t.rejection.restore }));

    await waitFor(() => expect(screen.queryByTestId('intake-rejection')).toBeNull(), { timeout: 15_000 });
    const now = await stored('lk-1');
    expect(now.decision).toEqual(server.decision);
    expect(now.custodians).toEqual(server.custodians);
    const log = (await db.entries.find().exec()).map((e) => e.toMutableJSON());
    expect(log).toHaveLength(1);
    expect(log[0].kind).toBe('note');
    expect(log[0].text).toBe(
      t.rejection.notTaken(
        `${fieldLabel('decision.reasons', refused)}: Nachts ergänzt; ` +
          `${fieldLabel(`custodians[${custodian.id}].attempts`, refused)}: Noch einmal 06:10 versucht`,
      ),
    );
    expect(log[0].text).toContain('Erreichbarkeitsversuche');
  });

  it('offers no way to take the server state for other refusals', async () => {
    await record('lk-2');
    await db.rejections.insert({
      id: 'lk-2',
      collectionName: 'intakes',
      code: 'validation_failed',
      message: '',
      at: NOW,
      assumedMasterState: 'null',
      rejectedState: 'null',
    });
    await renderRecord('lk-2');
    const alert = await screen.findByTestId('intake-rejection', {}, { timeout: 15_000 });
    expect(alert).toHaveTextContent(t.rejection.hint);
    expect(within(alert).queryByRole('button', { name: t.rejection.restore })).toBeNull();
  });
});

describe('writes to a record locked meanwhile', () => {
  it('does not write a field typed while the record got countersigned, and says so with the value', async () => {
    const before = await record('lk-3');
    await renderRecord('lk-3');
    const u = userEvent.setup();
    const reasons = within(section('decision')).getByLabelText('Begründung');
    await u.type(reasons, ' Z');
    await (await db.intakes.findOne('lk-3').exec())!.incrementalPatch({ review: countersigned });
    await settle();
    const note = await screen.findByTestId('record-not-written');
    expect(note).toHaveTextContent(`Begründung: ${before.decision!.reasons} Z`);
    expect((await stored('lk-3')).decision).toEqual(before.decision);
    expect((await stored('lk-3')).review).toEqual(countersigned);
  });

  it('does not overwrite a late fact another device filled meanwhile', async () => {
    await record('lk-4', countersigned);
    await renderRecord('lk-4');
    const u = userEvent.setup();
    await u.click(within(section('end')).getByLabelText('Grund der Beendigung / Anschlusshilfe'));
    await u.keyboard('Rückkehr{Enter}');
    await (await db.intakes.findOne('lk-4').exec())!.incrementalPatch({ end: { reason: 'foster_family' as const } });
    await u.tab();
    await settle();
    expect((await stored('lk-4')).end).toEqual({ reason: 'foster_family' });
    expect(await screen.findByTestId('record-not-written')).toHaveTextContent('Grund der Beendigung / Anschlusshilfe');
  });

  it('does not fix a late fact when the window loses the focus, but when the record closes', async () => {
    await record('lk-5', countersigned);
    const onClose = vi.fn();
    await renderRecord('lk-5', onClose);
    const u = userEvent.setup();
    await u.click(within(section('end')).getByLabelText('Grund der Beendigung / Anschlusshilfe'));
    await u.keyboard('Rückkehr{Enter}');
    const hasFocus = vi.spyOn(document, 'hasFocus').mockReturnValue(false); // switched to another app
    await u.tab();
    await settle();
    expect((await stored('lk-5')).end).toBeUndefined();
    hasFocus.mockRestore();
    await u.click(screen.getByRole('button', { name: t.done }));
    await waitFor(async () => expect((await stored('lk-5')).end).toEqual({ reason: 'return_to_custodians' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });
});

describe('keyboard and conflicts', () => {
  it('Esc keeps the record open, in the log field with its line typed too; Ctrl+Enter closes it', async () => {
    await record('lk-6', countersigned);
    const onClose = vi.fn();
    await renderRecord('lk-6', onClose);
    const u = userEvent.setup();
    await u.type(within(screen.getByTestId('entry-log')).getByLabelText('Eintrag'), 'Mutter erreicht');
    await u.keyboard('{Escape}');
    await settle();
    expect(onClose).not.toHaveBeenCalled();
    expect(within(screen.getByTestId('entry-log')).getByLabelText('Eintrag')).toHaveValue('Mutter erreicht');
    (document.activeElement as HTMLElement).blur();
    await u.keyboard('{Escape}');
    await settle();
    expect(onClose).not.toHaveBeenCalled();
    await u.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('a locked record’s conflict can be kept (dismissed), not taken; a received record offers neither', async () => {
    const conflict = conflictRecord('end.reason', 'foster_family', 'leitung.segeberg', SIGNED_AT);
    await record('lk-7', countersigned);
    await (await db.intakes.findOne('lk-7').exec())!.incrementalPatch({ conflicts: [conflict] });
    await renderRecord('lk-7');
    const u = userEvent.setup();
    const row = await screen.findByTestId('conflict-row');
    expect(within(row).queryByRole('button', { name: t.conflicts.take })).toBeNull();
    await u.click(within(row).getByRole('button', { name: t.conflicts.keepLabel(fieldLabel('end.reason')) }));
    await waitFor(async () => expect((await stored('lk-7')).conflicts).toEqual([]));
    expect((await stored('lk-7')).end).toBeUndefined();
    cleanup();

    await record(
      'lk-8',
      {
        ...countersigned,
        state: 'handed_over',
        handedOverTo: 'segeberg',
        handedOverBy: 'leitung.pinneberg',
        handedOverAt: SIGNED_AT + 1,
      },
      'pinneberg',
    );
    await (await db.intakes.findOne('lk-8').exec())!.incrementalPatch({ conflicts: [conflict] });
    await renderRecord('lk-8');
    const received = await screen.findByTestId('conflict-row');
    expect(within(received).queryAllByRole('button')).toEqual([]);
  });
});
