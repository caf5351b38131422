import { screen, within } from '@testing-library/react';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { newHold } from '../../../../shared/placement/newHold';
import { renderWithTheme } from '../../test-render';
import { HoldsOverview } from './HoldsOverview';

const NOW = Date.UTC(2025, 10, 24, 1, 51);
const facilities = demoFacilities(NOW);
const JSH = facilities.find((f) => f.id === 'jugendschutzhaus-norderstedt')!;

const motherHold = (id: string, officeId: 'segeberg' | 'pinneberg') => ({
  ...newHold({
    id,
    facility: JSH,
    officeId,
    intakeRef: '11111111-1111-4111-8111-111111111111',
    ageGroup: '16_to_18',
    sex: 'female',
    userId: 'u',
    now: NOW - 60_000,
    room: 'mother_child',
  }),
  overbooked: true,
});

describe("the coordinator's over-booked facilities", () => {
  it("shows an over-booked mother-and-child room with the room's count, not the house's free places", () => {
    renderWithTheme(
      <HoldsOverview
        facilities={facilities}
        holds={[motherHold('a', 'segeberg'), motherHold('b', 'pinneberg')]}
        now={NOW}
      />,
    );
    const rows = within(screen.getByTestId('overbooked-facilities')).getAllByTestId('overbooked-hold');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveAttribute('data-room', 'mother_child');
    expect(rows[0]).toHaveTextContent('Jugendschutzhaus Norderstedt');
    expect(rows[0]).toHaveTextContent('Mutter-Kind-Zimmer: 1 Platz überbucht');
    expect(rows[0]).not.toHaveTextContent('3 Plätze frei');
  });
});
