import { screen, within } from '@testing-library/react';

import { conflictRecord } from '../../../shared/sync/merge';
import { submittedRecord } from '../test-fixtures/intake';
import { renderWithTheme } from '../test-render';
import { ConflictsPanel } from './ConflictsPanel';

const LOST_AT = Date.parse('2025-05-18T01:10+02:00');
const WON_AT = Date.parse('2025-05-18T00:55+02:00');
const WORKER = 'bereitschaft.segeberg';
const BOSS = 'leitung.segeberg';
const names = new Map([
  [WORKER, 'Bereitschaft Segeberg'],
  [BOSS, 'Leitung Segeberg'],
]);

/** The worker's situation text lost against the supervisor's, as the server stamped it (shared/rules/conflicts.ts). */
const stamped = {
  ...conflictRecord('situation', 'Fassung der Nacht.', WORKER, LOST_AT),
  deviceId: 'b1f3c2d4-0000-4000-8000-000000000001',
  deviceName: 'Obhut Desktop (Win32)',
  winner: { by: BOSS, at: WON_AT, deviceId: 'pc-leitung-segeberg' },
};

function renderPanel(conflicts: (typeof stamped | ReturnType<typeof conflictRecord>)[]) {
  const intake = submittedRecord('r-1', 'Mia', '2025-05-17T22:40+02:00', {
    situation: 'Fassung der Leitung.',
    updatedBy: WORKER,
    conflicts,
  });
  renderWithTheme(
    <ConflictsPanel intake={intake} currentUserId={WORKER} names={names} onTake={() => {}} onKeep={() => {}} />,
  );
}

describe('ConflictsPanel', () => {
  it('shows for both values who wrote them, on which device, and when', () => {
    renderPanel([stamped]);
    const row = screen.getByTestId('conflict-row');
    const current = within(row).getByTestId('conflict-current');
    expect(current).toHaveTextContent('Fassung der Leitung.');
    expect(within(current).getByTestId('conflict-current-by')).toHaveTextContent('von Leitung Segeberg');
    // Only the id is known of the supervisor's device: a short label, and the panel says so.
    expect(within(current).getByTestId('conflict-current-device')).toHaveTextContent(
      'Gerät pc-leitu… (Name unbekannt, nur Kennung)',
    );
    expect(within(current).getByTestId('conflict-current-at')).toHaveTextContent('18.05.2025 00:55');

    const kept = within(row).getByTestId('conflict-kept');
    expect(kept).toHaveTextContent('Fassung der Nacht.');
    expect(within(kept).getByTestId('conflict-by')).toHaveTextContent('von Ihnen');
    expect(within(kept).getByTestId('conflict-device')).toHaveTextContent('Gerät „Obhut Desktop (Win32)“ (b1f3c2d4…)');
    expect(within(kept).getByTestId('conflict-at')).toHaveTextContent('18.05.2025 01:10');
  });

  it("tells the worker whose earlier value replaced hers, on which device, not the record's last writer", () => {
    renderPanel([stamped]);
    expect(screen.getByTestId('conflict-own-lost')).toHaveTextContent(
      'Ihr Wert bei „Situation (kurz)“ wurde durch einen früheren Wert von Leitung Segeberg auf ' +
        'Gerät pc-leitu… (Name unbekannt, nur Kennung) ersetzt und ist hier aufbewahrt.',
    );
  });

  it('says what is not recorded of a conflict from before the server stamped devices', () => {
    renderPanel([conflictRecord('situation', 'Fassung der Nacht.', WORKER, LOST_AT)]);
    expect(screen.getByTestId('conflict-current-origin')).toHaveTextContent(
      'Wer diesen Wert geschrieben hat, ist zu diesem älteren Konflikt nicht erfasst.',
    );
    expect(screen.getByTestId('conflict-device')).toHaveTextContent('Gerät nicht erfasst');
    expect(screen.getByTestId('conflict-own-lost')).toHaveTextContent(
      'wurde durch einen früheren Wert ersetzt und ist hier aufbewahrt.',
    );
  });
});
