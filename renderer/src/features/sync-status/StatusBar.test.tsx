import { screen, within } from '@testing-library/react';

import { de } from '../../../../shared/i18n';
import type { SyncStatus } from '../../data/sync-status';
import { renderWithTheme } from '../../test-render';
import { StatusBar } from './StatusBar';

const base: SyncStatus = {
  connection: 'online',
  serverReachable: true,
  machineOnline: true,
  streamConnected: true,
  lastSyncedAt: Date.UTC(2025, 4, 17, 21, 5),
  pendingIds: [],
  pendingCount: 0,
  rejections: [],
  conflictCount: 0,
  conflictIds: [],
  auth: { state: 'ok' },
  lastError: null,
};

describe('StatusBar', () => {
  it('shows online, the last sync in Berlin time and that nothing is waiting', () => {
    renderWithTheme(<StatusBar status={base} />);
    const bar = screen.getByRole('status', { name: 'Synchronisation' });
    expect(within(bar).getByTestId('status-connection')).toHaveTextContent('Online');
    expect(within(bar).getByTestId('status-last-sync')).toHaveTextContent('Zuletzt synchronisiert: 17.05.2025 23:05');
    expect(within(bar).getByTestId('status-pending')).toHaveTextContent('Alle Änderungen synchronisiert');
    expect(within(bar).queryByTestId('status-rejections')).toBeNull();
    expect(within(bar).queryByTestId('status-conflicts')).toBeNull();
  });

  it('shows the last sync error in words until the next successful sync', () => {
    const { rerender } = renderWithTheme(
      <StatusBar status={{ ...base, lastError: 'Der Server ist nicht erreichbar.' }} />,
    );
    expect(screen.getByTestId('status-last-error')).toHaveTextContent(
      'Letzter Übertragungsfehler: Der Server ist nicht erreichbar.',
    );
    rerender(<StatusBar status={base} />);
    expect(screen.queryByTestId('status-last-error')).toBeNull();
  });

  it('shows offline with the number of changes not yet on the server', () => {
    renderWithTheme(
      <StatusBar
        status={{
          ...base,
          connection: 'offline',
          serverReachable: false,
          pendingIds: ['a', 'b', 'c'],
          pendingCount: 3,
        }}
      />,
    );
    expect(screen.getByTestId('status-connection')).toHaveTextContent('Offline');
    expect(screen.getByTestId('status-connection')).toHaveAttribute('data-state', 'offline');
    expect(screen.getByTestId('status-pending')).toHaveTextContent('3 Änderungen noch nicht synchronisiert');
    expect(screen.getByTestId('status-pending')).toHaveAttribute('data-count', '3');
  });

  it('says so when it never synchronised, and uses the singular for one change', () => {
    renderWithTheme(
      <StatusBar
        status={{ ...base, connection: 'connecting', lastSyncedAt: null, pendingIds: ['a'], pendingCount: 1 }}
      />,
    );
    expect(screen.getByTestId('status-connection')).toHaveTextContent('Verbindung wird hergestellt');
    expect(screen.getByTestId('status-last-sync')).toHaveTextContent('Noch nicht synchronisiert');
    expect(screen.getByTestId('status-pending')).toHaveTextContent('1 Änderung noch nicht synchronisiert');
  });

  it('lists refused writes with their German reason and counts conflicts', () => {
    renderWithTheme(
      <StatusBar
        status={{
          ...base,
          rejections: [{ id: 'i1', code: 'invalid_transition', message: 'status change not allowed', at: 1 }],
          conflictCount: 2,
          conflictIds: ['i2'],
        }}
        describe={(id) => (id === 'i1' ? 'Lenja Testkind' : id)}
      />,
    );
    const rejections = screen.getByTestId('status-rejections');
    expect(rejections).toHaveTextContent('1 Änderung abgelehnt');
    expect(rejections).toHaveTextContent(`Lenja Testkind: ${de.errors.invalid_transition}`);
    expect(screen.getByTestId('status-conflicts')).toHaveTextContent('2 Konflikte');
  });

  it("falls back to the server's message for a code the catalogue does not know", () => {
    renderWithTheme(
      <StatusBar
        status={{
          ...base,
          rejections: [{ id: 'i1', code: 'quota_exceeded', message: 'Kontingent erschöpft.', at: 1 }],
        }}
      />,
    );
    expect(screen.getByTestId('status-rejections')).toHaveTextContent('i1: Kontingent erschöpft.');
  });
});
