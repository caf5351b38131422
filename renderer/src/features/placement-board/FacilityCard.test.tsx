import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoFacilities } from '../../../../shared/demo/facilities';
import { newHold } from '../../../../shared/placement/newHold';
import { renderWithTheme } from '../../test-render';
import { boardCards, NO_CRITERIA } from './board-model';
import { FacilityCard } from './FacilityCard';

const MIN = 60_000;
const NOW = Date.UTC(2025, 10, 24, 1, 51); // 02:51 in Berlin
const facilities = demoFacilities(NOW);
const JSH = facilities.find((f) => f.id === 'jugendschutzhaus-norderstedt')!;
const INTAKE = '11111111-1111-4111-8111-111111111111';

const hold = (id: string, officeId: 'segeberg' | 'pinneberg', overbooked = false) => ({
  ...newHold({
    id,
    facility: JSH,
    officeId,
    intakeRef: INTAKE,
    ageGroup: '14_to_16',
    sex: 'female',
    userId: 'u',
    now: NOW - 5 * MIN,
  }),
  overbooked,
});

function cardFor(facilityId: string, holds: ReturnType<typeof hold>[], pending: string[] = []) {
  return boardCards(facilities, holds, { ...NO_CRITERIA, ageYears: 15, sex: 'female' }, NOW, {
    officeId: 'segeberg',
    pendingIds: new Set(pending),
    overseesVerbund: false,
  }).find((c) => c.match.facility.id === facilityId)!;
}

describe('a facility card', () => {
  it('shows free places with the age of the report, and holds a place with one click', async () => {
    const onHold = vi.fn();
    renderWithTheme(<FacilityCard card={cardFor(JSH.id, [])} now={NOW} onHold={onHold} intakeName={() => undefined} />);
    const card = screen.getByRole('article', { name: 'Jugendschutzhaus Norderstedt' });
    expect(within(card).getByTestId('free-places')).toHaveTextContent('3 Plätze frei');
    expect(within(card).getByTestId('report-stand')).toHaveTextContent('Stand: 02:14 (vor 37 min)');
    expect(within(card).getByText('Passt')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Platz halten: Jugendschutzhaus Norderstedt' }));
    expect(onHold).toHaveBeenCalledWith(expect.objectContaining({ id: JSH.id }));
  });

  it("shows the mother-and-child room's own capacity beside the places, and a mother's hold takes the room", () => {
    const mother = { ...hold('mother', 'pinneberg'), room: 'mother_child' as const };
    const show = (holds: ReturnType<typeof hold>[]) =>
      renderWithTheme(<FacilityCard card={cardFor(JSH.id, holds)} now={NOW} intakeName={() => undefined} />).unmount;
    let unmount = show([]);
    let card = screen.getByRole('article', { name: 'Jugendschutzhaus Norderstedt' });
    expect(within(card).getByTestId('mother-child-free')).toHaveTextContent('Mutter-Kind-Zimmer: 1 von 1 frei');
    expect(within(card).getByTestId('free-places')).toHaveTextContent('3 Plätze frei');
    unmount();

    unmount = show([mother]);
    card = screen.getByRole('article', { name: 'Jugendschutzhaus Norderstedt' });
    expect(within(card).getByTestId('mother-child-free')).toHaveTextContent('Mutter-Kind-Zimmer: 0 von 1 frei');
    // The 14 places are not touched by the mother's hold.
    expect(within(card).getByTestId('free-places')).toHaveTextContent('3 Plätze frei');
    unmount();

    unmount = show([mother, { ...mother, id: 'mother-2' }]);
    card = screen.getByRole('article', { name: 'Jugendschutzhaus Norderstedt' });
    expect(within(card).getByTestId('mother-child-free')).toHaveTextContent('Mutter-Kind-Zimmer: 1 Platz überbucht');
    expect(within(card).getByTestId('free-places')).toHaveTextContent('3 Plätze frei');
    unmount();

    // A house without a room shows none.
    renderWithTheme(
      <FacilityCard card={cardFor('kinderschutzhaus-elmshorn', [])} now={NOW} intakeName={() => undefined} />,
    );
    expect(
      within(screen.getByRole('article', { name: 'Kinderschutzhaus Elmshorn' })).queryByTestId('mother-child-free'),
    ).toBeNull();
  });

  it('marks an unsynced hold as provisional and names the intake', () => {
    const mine = hold('00000000-0000-4000-8000-000000000001', 'segeberg');
    renderWithTheme(
      <FacilityCard
        card={cardFor(JSH.id, [mine], [mine.id])}
        now={NOW}
        intakeName={(id) => (id === INTAKE ? 'Emma Erfunden' : undefined)}
      />,
    );
    expect(screen.getByTestId('free-places')).toHaveTextContent('2 Plätze frei');
    const row = screen.getByTestId('own-hold');
    expect(within(row).getByTestId('hold-provisional')).toHaveTextContent('Vorläufig – noch nicht bestätigt');
    expect(row).toHaveTextContent('für Emma Erfunden');
    expect(row).toHaveTextContent('bis 24.11.2025 06:46');
    expect(screen.queryByRole('button', { name: /Platz halten/ })).toBeNull();
  });

  it('over-booked: the hold is flagged and the other office is named with its duty phone', () => {
    const card = cardFor(JSH.id, [
      hold('00000000-0000-4000-8000-000000000001', 'segeberg', true),
      hold('00000000-0000-4000-8000-000000000002', 'pinneberg', true),
      hold('00000000-0000-4000-8000-000000000003', 'pinneberg', true),
      hold('00000000-0000-4000-8000-000000000004', 'pinneberg', true),
    ]);
    renderWithTheme(<FacilityCard card={card} now={NOW} intakeName={() => undefined} />);
    expect(screen.getByTestId('free-places')).toHaveTextContent('1 Platz überbucht');
    expect(screen.getByTestId('hold-overbooked')).toHaveTextContent('Überbucht');
    expect(screen.getAllByTestId('collision-contact').map((e) => e.textContent)).toEqual([
      'Kreis Pinneberg: Bereitschaftsdienst 04121 555-0199',
    ]);
    expect(screen.getByTestId('overbooked-alert')).toHaveTextContent('Einrichtung: 040 555-0140');
  });

  it('says why a facility does not fit and marks a stale report', () => {
    renderWithTheme(
      <FacilityCard
        card={cardFor('bereitschaftspflege-herzogtum-lauenburg-1', [])}
        now={NOW}
        intakeName={() => undefined}
      />,
    );
    expect(screen.getByText('Passt nicht')).toBeInTheDocument();
    expect(within(screen.getByTestId('mismatches')).getByText('Aufnahme nur bis 10 Jahre')).toBeInTheDocument();
    expect(screen.getByTestId('stale')).toHaveTextContent('Veraltet');
    expect(screen.getByTestId('report-stand')).toHaveTextContent('vor 1 Tag');
  });
});
