import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useCallback } from 'react';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { useIntake, useIntakes } from '../../data/hooks';
import type { FieldEdit, IntakeRepository } from '../../data/intakes';
import { openTestRepositories } from '../../test-fixtures/database';
import { submittedRecord } from '../../test-fixtures/intake';
import { renderWithTheme } from '../../test-render';
import { EarlierIntakes, EarlierIntakesPanel } from './EarlierIntakesPanel';

const NOW = Date.parse('2025-05-18T01:40+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};
const t = de.relatedRecords.earlier;
/** Generous: the store is encrypted and the machine may be busy; the test asserts what, not how fast. */
const SLOW = 60_000;

let db: ObhutDatabase;
let intakes: IntakeRepository;
let client: ObhutClient;

beforeEach(async () => {
  ({ db, intakes, client } = await openTestRepositories('obhut_earlier', user, () => NOW));
});
afterEach(async () => {
  cleanup();
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

/**
 * The panel as the form shows it, fed from the local database; what the form would autosave while typing is written
 * through the same repository (the whole form, typed by keyboard, is the e2e test's: test/e2e/related-records).
 */
function Harness({ id }: { id: string }) {
  const intake = useIntake(id);
  const records = useIntakes();
  const write = useCallback(async (edits: readonly FieldEdit[]) => void (await intakes.setFields(id, edits)), [id]);
  if (!intake || records === null) return null;
  return <EarlierIntakesPanel record={intake} records={records} officeId={user.officeId} editable write={write} />;
}

async function earlier(id: string, start: string, child: Intake['child'], facilityName?: string) {
  const at = Date.parse(start);
  const night = demoNightRecord(at);
  await intakes.create(
    {
      ...night,
      child,
      status: 'submitted',
      placement: facilityName ? { ...night.placement, facilityName } : undefined,
    },
    id,
  );
}

const stored = (id: string) => intakes.get(id);

describe('earlier intakes of the child beside the record', () => {
  it('shows them once name and birth date are known, fills "repeated this year", and takes back a dismissed match', async () => {
    const leon = { firstName: 'Leon', lastName: 'Beispiel', birthDate: '2010-03-14' };
    await earlier('leon-march', '2025-03-14T22:00+01:00', leon, 'Jugendschutzhaus Norderstedt');
    await earlier('leon-2024', '2024-06-01T23:00+02:00', { ...leon, firstName: 'LÉON' }, 'Kinderhaus Travetal');
    await earlier('other-leon', '2025-02-01T22:00+01:00', { ...leon, birthDate: '2011-03-14' });
    // First and last name typed the wrong way round; no birth date yet.
    const { statistics, ...night } = demoNightRecord(NOW);
    await intakes.create(
      {
        ...night,
        statistics: { sex: statistics?.sex },
        child: { firstName: 'Beispiel', lastName: 'Leon' },
        status: 'draft',
      },
      'new-leon',
    );

    renderWithTheme(
      <ClientContext.Provider value={client}>
        <Harness id="new-leon" />
      </ClientContext.Provider>,
    );
    await waitFor(() => expect(screen.queryByTestId('earlier-intakes')).toBeNull());
    await intakes.setFields('new-leon', [['child.birthDate', '2010-03-14']]);

    const panel = await screen.findByTestId('earlier-intakes', undefined, { timeout: SLOW });
    expect(panel).toHaveTextContent(
      '2 frühere Inobhutnahmen in diesem Amt, zuletzt 14.03.2025, Jugendschutzhaus Norderstedt',
    );
    expect(
      within(panel)
        .getAllByTestId('earlier-intake')
        .map((li) => li.dataset.recordId),
    ).toEqual(['leon-march', 'leon-2024']);
    await waitFor(async () => expect((await stored('new-leon'))?.statistics?.repeatedThisYear).toBe(true), {
      timeout: SLOW,
    });
    expect((await stored('new-leon'))?.earlierIntakes?.filledFrom).toEqual(['leon-march']);
    expect(await screen.findByText(t.filled)).toBeInTheDocument();

    // The March record is another Leon: dismissed, it is no match any more, and the answer it gave goes with it.
    fireEvent.click(within(panel).getByRole('button', { name: t.dismissLabel('14.03.2025') }));
    await waitFor(async () => expect((await stored('new-leon'))?.earlierIntakes?.dismissed).toEqual(['leon-march']), {
      timeout: SLOW,
    });
    await waitFor(async () => expect((await stored('new-leon'))?.statistics?.repeatedThisYear).toBeUndefined(), {
      timeout: SLOW,
    });
    expect((await stored('new-leon'))?.earlierIntakes?.filledFrom).toBeUndefined();
    await waitFor(() =>
      expect(screen.getByTestId('earlier-intakes')).toHaveTextContent(
        '1 frühere Inobhutnahme in diesem Amt, zuletzt 01.06.2024, Kinderhaus Travetal',
      ),
    );
    expect(screen.getByTestId('earlier-intakes')).toHaveTextContent(t.dismissed(1));
  }, 120_000);

  it("searches only the own office's records", async () => {
    const lea = { firstName: 'Lea', lastName: 'Muster', birthDate: '2012-01-02' };
    await earlier('lea-1', '2025-01-10T22:00+01:00', lea);
    await intakes.create({ ...demoNightRecord(NOW), child: lea, status: 'draft' }, 'lea-now');
    // A record of another office cannot be in this store by sync; were it there, it would still not count.
    await db.intakes.upsert({ ...(await stored('lea-1'))!, id: 'lea-stormarn', officeId: 'stormarn' });

    renderWithTheme(
      <ClientContext.Provider value={client}>
        <Harness id="lea-now" />
      </ClientContext.Provider>,
    );
    const panel = await screen.findByTestId('earlier-intakes', undefined, { timeout: 10_000 });
    expect(
      within(panel)
        .getAllByTestId('earlier-intake')
        .map((li) => li.dataset.recordId),
    ).toEqual(['lea-1']);
  });

  it('finds the earlier records among many through the name index, reading only those of the same name', async () => {
    const birthDate = '2010-03-14';
    const others = Array.from({ length: 300 }, (_, i) =>
      submittedRecord(`other-${i}`, i % 3 === 0 ? 'Leon' : `Kind${i}`, '2024-01-05T22:00+01:00', {
        child: { firstName: i % 3 === 0 ? 'Leon' : `Kind${i}`, lastName: `Familie${i}`, birthDate },
      }),
    );
    await db.intakes.bulkInsert([
      ...others,
      // The matcher's spellings: umlaut written out, names the wrong way round, case - a name prefix finds neither.
      submittedRecord('jonas-2024', 'Jonas', '2024-06-01T23:00+02:00', {
        child: { firstName: 'Jonas', lastName: 'Mueller', birthDate },
      }),
      submittedRecord('jonas-march', 'MÜLLER', '2025-03-14T22:00+01:00', {
        child: { firstName: 'MÜLLER', lastName: 'jonas', birthDate },
        placement: { facilityName: 'Jugendschutzhaus Norderstedt' },
      }),
      submittedRecord('other-jonas', 'Jonas', '2025-02-01T22:00+01:00', {
        child: { firstName: 'Jonas', lastName: 'Müller', birthDate: '2011-03-14' },
      }),
    ]);
    await intakes.create(
      { ...demoNightRecord(NOW), child: { firstName: 'Jonas', lastName: 'Müller', birthDate }, status: 'draft' },
      'jonas-now',
    );
    // The session's name index is built (once, as after the list page); opening the record reads no more than that.
    await intakes.prepareSearch();
    const find = vi.spyOn(db.intakes, 'find');
    const byIds = vi.spyOn(db.intakes, 'findByIds');

    function Page() {
      const intake = useIntake('jonas-now');
      const write = useCallback(
        async (edits: readonly FieldEdit[]) => void (await intakes.setFields('jonas-now', edits)),
        [],
      );
      if (!intake) return null;
      return <EarlierIntakes record={intake} officeId={user.officeId} editable write={write} />;
    }
    renderWithTheme(
      <ClientContext.Provider value={client}>
        <Page />
      </ClientContext.Provider>,
    );

    const panel = await screen.findByTestId('earlier-intakes', undefined, { timeout: SLOW });
    expect(panel).toHaveTextContent(
      '2 frühere Inobhutnahmen in diesem Amt, zuletzt 14.03.2025, Jugendschutzhaus Norderstedt',
    );
    expect(
      within(panel)
        .getAllByTestId('earlier-intake')
        .map((li) => li.dataset.recordId),
    ).toEqual(['jonas-march', 'jonas-2024']);
    expect(find).not.toHaveBeenCalled();
    // Only the records of this name (the record itself among them) are read, not the 300 others.
    expect(byIds).toHaveBeenCalled();
    for (const [ids] of byIds.mock.calls)
      expect([...ids].sort()).toEqual(['jonas-2024', 'jonas-march', 'jonas-now', 'other-jonas']);
  }, 120_000);
});
