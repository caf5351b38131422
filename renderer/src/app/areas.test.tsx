import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';

import { demoNightRecord } from '../../../shared/demo/nightRecord';
import type { Intake } from '../../../shared/schema/intake';
import { AccessLog, memoryQueueStore } from '../data/access-log';
import type { ObhutClient } from '../data/client';
import type { ObhutDatabase } from '../data/database';
import { EntryRepository } from '../data/entries';
import { FacilityRepository } from '../data/facilities';
import { HoldRepository } from '../data/holds';
import { IntakeRepository } from '../data/intakes';
import { PendingWrites } from '../data/pending';
import { IntakesPage } from '../features/night-record/IntakesPage';
import { ObligationsPage } from '../features/obligations/ObligationsPage';
import { openTestDatabase } from '../test-fixtures/database';
import { renderWithTheme } from '../test-render';
import { ClientContext } from './client-context';
import { NavigationContext, type View } from './navigation';

/* One area asking another to open a record, as the session switches areas (Session.tsx); each page's own side is
   tested beside the page, this is the two together. */

const NOW = Date.parse('2025-05-20T07:00+02:00');
const worker = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'Bea Bereit',
  officeId: 'segeberg',
  roles: ['oncall'],
};

let db: ObhutDatabase;
let client: ObhutClient;

beforeEach(async () => {
  db = await openTestDatabase('obhut_areas');
  const start = Date.parse('2025-05-19T23:00+02:00');
  const ole: Intake = {
    ...demoNightRecord(start, { firstName: 'Ole', lastName: 'Testkind' }),
    id: 'ole',
    officeId: 'segeberg',
    createdBy: worker.id,
    createdAt: start,
    updatedAt: start,
    updatedBy: worker.id,
    status: 'submitted',
    conflicts: [],
  };
  await db.intakes.insert(ole);
  const pending = await PendingWrites.open(db);
  client = {
    user: worker,
    intakes: new IntakeRepository(db.intakes, pending, worker, () => NOW),
    entries: new EntryRepository(db.entries, db.rejections, pending, worker, () => NOW),
    facilities: new FacilityRepository(db.facilities, pending, worker, () => NOW),
    holds: new HoldRepository(db.holds, pending, worker, () => NOW),
    dismissRejection: async () => {},
    accessLog: new AccessLog(memoryQueueStore(), worker.id, () => Promise.resolve()),
  } as unknown as ObhutClient;
});
afterEach(async () => {
  cleanup(); // unmount first: closing a record saves what is typed, into a database that must still be open
  await new Promise((r) => setTimeout(r, 300));
  await db.close();
});

function Areas({ initial }: { initial: View }) {
  const [view, setView] = useState<View>(initial);
  return (
    <ClientContext.Provider value={client}>
      <NavigationContext.Provider value={{ view, go: setView }}>
        {view.kind === 'intakes' && <IntakesPage />}
        {view.kind === 'obligations' && <ObligationsPage now={() => NOW} />}
      </NavigationContext.Provider>
    </ClientContext.Provider>
  );
}

it("a row of the obligations dashboard opens an on-call worker's record in the intakes area", async () => {
  renderWithTheme(<Areas initial={{ kind: 'obligations' }} />);
  const row = await screen.findByRole(
    'row',
    { name: 'Akte von Ole Testkind öffnen – Personensorgeberechtigte informieren' },
    { timeout: 15_000 },
  );
  await userEvent.setup().click(row);
  expect(await screen.findByTestId('night-record', {}, { timeout: 15_000 })).toHaveAttribute('data-record-id', 'ole');
});
