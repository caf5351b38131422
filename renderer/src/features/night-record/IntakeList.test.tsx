import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { demoNightRecord } from '../../../../shared/demo/nightRecord';
import type { Intake } from '../../../../shared/schema/intake';
import { conflictRecord } from '../../../../shared/sync/merge';
import { EMPTY_SEARCH, matches } from '../../record/search';
import { renderWithTheme } from '../../test-render';
import { IntakeList } from './IntakeList';

function intake(id: string, firstName: string, receivedAt: number, extra: Partial<Intake> = {}): Intake {
  return {
    id,
    officeId: 'segeberg',
    createdBy: 'bereitschaft.segeberg',
    createdAt: receivedAt,
    updatedAt: receivedAt,
    updatedBy: 'bereitschaft.segeberg',
    receivedAt,
    child: { firstName, lastName: 'Testkind' },
    situation: '',
    status: 'draft',
    conflicts: [],
    ...extra,
  };
}

const at = (s: string) => Date.parse(s);

describe('IntakeList', () => {
  it('shows name, Berlin call time, status, deadlines and the sync markers of each row', async () => {
    const conflict = conflictRecord('situation', 'Fassung von B', 'leitung.segeberg', Date.UTC(2025, 4, 17, 22, 0));
    const night = demoNightRecord(at('2025-05-17T23:40+02:00'));
    const opened: string[] = [];
    renderWithTheme(
      <IntakeList
        intakes={[
          // Decided 00:20, custodians not informed: "inform" was due 02:20 and is overdue at 09:00, so is the handover.
          intake('i2', 'Lenja', Date.UTC(2025, 4, 17, 21, 40), {
            ...night,
            child: { firstName: 'Lenja', lastName: 'Testkind' },
            status: 'submitted',
            conflicts: [conflict],
          }),
          intake('i1', 'Mattis', Date.UTC(2025, 0, 3, 6, 5)),
        ]}
        pendingIds={new Set(['i1'])}
        rejectedIds={new Set()}
        now={at('2025-05-19T09:00+02:00')}
        onOpen={(id) => opened.push(id)}
      />,
    );
    const rows = screen.getAllByTestId('intake-row');
    expect(rows.map((r) => r.getAttribute('data-intake-id'))).toEqual(['i2', 'i1']);
    expect(rows[0]).toHaveTextContent('Lenja Testkind');
    expect(rows[0]).toHaveTextContent('17.05.2025 23:40');
    expect(rows[0]).toHaveTextContent('Vorgelegt');
    expect(within(rows[0]).getByTestId('marker-overdue')).toHaveTextContent('2 Fristen überfällig');
    expect(within(rows[0]).getByTestId('marker-conflict')).toHaveTextContent('Konflikt');
    expect(within(rows[0]).queryByTestId('marker-pending')).toBeNull();
    expect(rows[1]).toHaveTextContent('03.01.2025 07:05');
    expect(within(rows[1]).queryByTestId('marker-overdue')).toBeNull();
    expect(within(rows[1]).getByTestId('marker-pending')).toHaveTextContent('nicht synchronisiert');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Mattis Testkind öffnen' }));
    expect(opened).toEqual(['i1']);
  });

  it('shows the next deadline while none is overdue', () => {
    const night = demoNightRecord(at('2025-05-17T23:40+02:00'));
    renderWithTheme(
      <IntakeList
        intakes={[intake('i3', 'Ole', night.receivedAt, night)]}
        pendingIds={new Set()}
        rejectedIds={new Set()}
        now={at('2025-05-18T00:30+02:00')}
        onOpen={() => {}}
      />,
    );
    expect(screen.getByTestId('next-deadline')).toHaveTextContent(
      'Personensorgeberechtigte informieren bis 18.05.2025 02:20',
    );
  });
});

describe('search of the list', () => {
  const lenja = intake('a', 'Lenja', at('2025-05-17T23:40+02:00'), {
    child: { firstName: 'Jörg-Lenja', lastName: 'Müßig' },
  });
  const late = intake('b', 'Ole', at('2025-05-18T00:10+02:00'), { status: 'submitted' });

  it.each([
    ['everything when empty', EMPTY_SEARCH, ['a', 'b']],
    ['part of a name, without umlauts or case', { ...EMPTY_SEARCH, name: 'muss' }, ['a']],
    ['every word of the name', { ...EMPTY_SEARCH, name: 'jorg muss' }, ['a']],
    ['a name that does not occur', { ...EMPTY_SEARCH, name: 'Lena Meier' }, []],
    [
      'the Berlin day of the call (23:40 is still the 17th)',
      { ...EMPTY_SEARCH, from: '2025-05-17', to: '2025-05-17' },
      ['a'],
    ],
    ['from a day on', { ...EMPTY_SEARCH, from: '2025-05-18' }, ['b']],
    ['the status', { ...EMPTY_SEARCH, status: 'submitted' as const }, ['b']],
  ])('finds %s', (_name, search, ids) => {
    expect([lenja, late].filter((i) => matches(i, search)).map((i) => i.id)).toEqual(ids);
  });
});
