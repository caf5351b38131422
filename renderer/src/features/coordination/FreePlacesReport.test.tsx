import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { freePlaces } from '../../../../shared/placement/freePlaces';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import type { ObhutDatabase } from '../../data/database';
import { FacilityRepository } from '../../data/facilities';
import { PendingWrites } from '../../data/pending';
import { openTestDatabase } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { FreePlacesReport } from './FreePlacesReport';

const NOW = Date.UTC(2025, 10, 24, 1, 51);
const coordinator = {
  id: 'koordination',
  username: 'koordination',
  displayName: 'K',
  officeId: 'segeberg',
  roles: ['coordinator'],
};

let db: ObhutDatabase;
let pending: PendingWrites;

beforeEach(async () => {
  db = await openTestDatabase('obhut_report');
  pending = await PendingWrites.open(db);
  await db.facilities.bulkInsert(demoFacilities(NOW));
});
afterEach(async () => {
  await db.close();
});

const stored = async (id: string) => (await db.facilities.findOne(id).exec())!.toMutableJSON();

/** The report with the app's real facility repository over a real local database. */
async function renderReport() {
  const repo = new FacilityRepository(db.facilities, pending, coordinator, () => NOW + 60_000);
  const client = { user: coordinator, facilities: repo } as unknown as ObhutClient;
  const facilities = (await db.facilities.find().exec()).map((d) => d.toMutableJSON());
  renderWithTheme(
    <ClientContext.Provider value={client}>
      <FreePlacesReport facilities={facilities} holds={[]} now={NOW} pendingIds={new Set()} />
    </ClientContext.Provider>,
  );
}

describe('reporting free places', () => {
  it('one field per facility: type the number, Enter reports it, Tab goes on to the next facility', async () => {
    await renderReport();
    const field = screen.getByLabelText('Freie Plätze jetzt: Jugendschutzhaus Norderstedt');
    await userEvent.click(field);
    await userEvent.keyboard('1{Enter}');
    await waitFor(async () =>
      expect(freePlaces(await stored('jugendschutzhaus-norderstedt'), [], NOW + 60_000).reported).toBe(1),
    );
    const latest = (await stored('jugendschutzhaus-norderstedt')).freeReports.at(-1)!;
    expect(latest).toMatchObject({ free: 1, reportedAt: NOW + 60_000, reportedBy: 'koordination' });
    expect(await screen.findByTestId('report-notice')).toHaveTextContent(
      'Jugendschutzhaus Norderstedt: 1 frei gemeldet.',
    );
    expect(pending.ids).toContain('jugendschutzhaus-norderstedt');

    // Tab leaves the field, passes its button, and lands in the next field: the house's mother-and-child room, then
    // the next facility (alphabetical order).
    await userEvent.click(field);
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(
      screen.getByLabelText('Freie Plätze jetzt: Jugendschutzhaus Norderstedt – Mutter-Kind-Zimmer'),
    );
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Freie Plätze jetzt: Kinderhaus Travetal'));
  });

  it("reports the mother-and-child room on its own: the room's report, not the house's", async () => {
    await renderReport();
    const before = await stored('jugendschutzhaus-norderstedt');
    const field = screen.getByLabelText('Freie Plätze jetzt: Jugendschutzhaus Norderstedt – Mutter-Kind-Zimmer');
    await userEvent.type(field, '2{Enter}');
    expect(await screen.findByText('Höchstens 1 (Plätze im Mutter-Kind-Zimmer).')).toBeInTheDocument();
    expect(await stored('jugendschutzhaus-norderstedt')).toEqual(before);

    await userEvent.clear(field);
    await userEvent.type(field, '0{Enter}');
    await waitFor(async () =>
      expect(freePlaces(await stored('jugendschutzhaus-norderstedt'), [], NOW + 60_000, 'mother_child').free).toBe(0),
    );
    const after = await stored('jugendschutzhaus-norderstedt');
    expect(after.motherChildFreeReports.at(-1)).toMatchObject({ free: 0, reportedBy: 'koordination' });
    expect(after.freeReports).toEqual(before.freeReports);
    expect(await screen.findByTestId('report-notice')).toHaveTextContent(
      'Jugendschutzhaus Norderstedt – Mutter-Kind-Zimmer: 0 frei gemeldet.',
    );
  });

  it('refuses more free places than the facility has, and writes nothing', async () => {
    await renderReport();
    const before = await stored('kinderschutzhaus-elmshorn');
    const row = screen.getAllByTestId('report-row').find((r) => r.dataset.facilityId === 'kinderschutzhaus-elmshorn')!;
    await userEvent.type(within(row).getByRole('textbox'), '9{Enter}');
    expect(await within(row).findByText('Höchstens 8 (Plätze gesamt).')).toBeInTheDocument();
    expect(await stored('kinderschutzhaus-elmshorn')).toEqual(before);
  });
});
