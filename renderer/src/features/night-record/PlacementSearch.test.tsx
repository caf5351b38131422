import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { freePlaces } from '../../../../shared/placement/freePlaces';
import type { Entry } from '../../../../shared/schema/entry';
import { ClientContext } from '../../app/client-context';
import type { ObhutClient } from '../../data/client';
import { FacilityRepository } from '../../data/facilities';
import { HoldRepository } from '../../data/holds';
import { openTestRepositories } from '../../test-fixtures/database';
import { renderWithTheme } from '../../test-render';
import { PlacementSearch } from './PlacementSearch';

const NOW = Date.parse('2025-05-18T01:40+02:00');
const user = {
  id: 'bereitschaft.segeberg',
  username: 'bereitschaft.segeberg',
  displayName: 'B',
  officeId: 'segeberg',
  roles: ['oncall'],
};

vi.setConfig({ testTimeout: 60_000 });

describe('PlacementSearch', () => {
  it('asks a Verbund facility for a record without any age: a placement (age group unknown), not only a log line', async () => {
    const { db, pending, intakes, entries } = await openTestRepositories('obhut_ps', user, () => NOW);
    try {
      const facility = demoFacilities(NOW).find((f) => f.id === 'kinderschutzhaus-elmshorn')!;
      await db.facilities.insert(facility);
      const record = await intakes.create({
        receivedAt: NOW,
        child: { firstName: 'Fiktiv', lastName: 'Ohnealter' },
        initiatedBy: 'police',
        situation: '',
        status: 'draft',
      });
      const holds = new HoldRepository(db.holds, pending, user, () => NOW);
      // The parts of a session the search uses: the real repositories on a real local database.
      const client = {
        user,
        holds,
        intakes,
        entries,
        facilities: new FacilityRepository(db.facilities, pending, user, () => NOW),
      } as unknown as ObhutClient;
      const logged: Entry['placement'][] = [];
      renderWithTheme(
        <ClientContext.Provider value={client}>
          <PlacementSearch
            intakeId={record.id}
            entries={[]}
            suggestions={[{ facilityId: facility.id, facilityName: facility.name }]}
            onAnswer={async (place, answer) => void logged.push({ ...place, answer })}
          />
        </ClientContext.Provider>,
      );
      const search = within(screen.getByTestId('placement-search'));
      const u = userEvent.setup();
      await u.type(search.getByLabelText('Einrichtung oder Person'), facility.name);
      await u.keyboard('{Enter}');

      await waitFor(async () => expect(await db.holds.find().exec()).toHaveLength(1), { timeout: 10_000 });
      const [placement] = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      expect(placement).toMatchObject({
        facilityId: facility.id,
        intakeRef: record.id,
        ageGroup: 'unknown',
        status: 'requested',
      });
      await waitFor(() =>
        expect(logged).toEqual([{ facilityId: facility.id, facilityName: facility.name, answer: 'requested' }]),
      );
      await waitFor(() => expect(search.getAllByTestId('place-row')).toHaveLength(1));
      expect(search.getByTestId('place-row')).toHaveAttribute('data-status', 'requested');

      // Once the facility holds the place, the board counts it like any other.
      await holds.setStatus(placement.id, 'held');
      const after = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      expect(freePlaces(facility, after, NOW).free).toBe(freePlaces(facility, [], NOW).free - 1);
    } finally {
      await db.close();
    }
  });

  it("asks for the mother-and-child room for a young mother's record: once held, it takes the room, not a place", async () => {
    const { db, pending, intakes, entries } = await openTestRepositories('obhut_ps_room', user, () => NOW);
    try {
      const facility = demoFacilities(NOW).find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
      await db.facilities.insert(facility);
      const record = await intakes.create({
        receivedAt: NOW,
        child: { firstName: 'Fiktiv', lastName: 'Junge-Mutter', estimatedAge: 16 },
        initiatedBy: 'police',
        situation: '',
        status: 'draft',
        group: { id: 'gruppe-mk', kind: 'mother_child', role: 'mother' },
      });
      const holds = new HoldRepository(db.holds, pending, user, () => NOW);
      const client = {
        user,
        holds,
        intakes,
        entries,
        facilities: new FacilityRepository(db.facilities, pending, user, () => NOW),
      } as unknown as ObhutClient;
      renderWithTheme(
        <ClientContext.Provider value={client}>
          <PlacementSearch
            intakeId={record.id}
            entries={[]}
            suggestions={[{ facilityId: facility.id, facilityName: facility.name }]}
            onAnswer={async () => {}}
          />
        </ClientContext.Provider>,
      );
      const u = userEvent.setup();
      await u.type(
        within(screen.getByTestId('placement-search')).getByLabelText('Einrichtung oder Person'),
        facility.name,
      );
      await u.keyboard('{Enter}');

      await waitFor(async () => expect(await db.holds.find().exec()).toHaveLength(1), { timeout: 10_000 });
      const [placement] = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      expect(placement).toMatchObject({ facilityId: facility.id, room: 'mother_child', status: 'requested' });
      await holds.setStatus(placement.id, 'held');
      const after = (await db.holds.find().exec()).map((d) => d.toMutableJSON());
      expect(freePlaces(facility, after, NOW, 'mother_child').free).toBe(0);
      expect(freePlaces(facility, after, NOW).free).toBe(freePlaces(facility, [], NOW).free);
    } finally {
      await db.close();
    }
  });
});
