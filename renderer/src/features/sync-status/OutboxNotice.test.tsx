import { screen, within } from '@testing-library/react';

import type { OutboxEntry } from '../../data/outbox';
import type { SyncStatus } from '../../data/sync-status';
import { renderWithTheme } from '../../test-render';
import { StatusBar } from './StatusBar';

const status: SyncStatus = {
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

const sealed: OutboxEntry = {
  userId: 'bereitschaft.segeberg',
  displayName: 'Bereitschaft Segeberg',
  count: 3,
  sealedAt: 1,
  expiresAt: Date.UTC(2025, 4, 30),
  sealed: { token: 't'.repeat(43), iv: 'aXY=', ciphertext: 'Y2lwaGVy' },
};

describe('the status bar for everyone at the laptop', () => {
  it('says whose changes wait, and how many, beside the own state', () => {
    renderWithTheme(<StatusBar status={status} outbox={[sealed]} />);
    const bar = screen.getByRole('status', { name: 'Synchronisation' });
    expect(within(bar).getByTestId('status-pending')).toHaveTextContent('Alle Änderungen synchronisiert');
    expect(within(bar).getByTestId('outbox-waiting')).toHaveTextContent(
      '3 Änderungen von Bereitschaft Segeberg warten auf Übertragung',
    );
  });

  it('says when they can only go with their author, one line per author', () => {
    renderWithTheme(
      <StatusBar
        status={status}
        outbox={[
          {
            ...sealed,
            userId: 'leitung.segeberg',
            displayName: 'Leitung Segeberg',
            count: 1,
            sealed: null,
            expiresAt: null,
          },
          sealed,
        ]}
      />,
    );
    const lines = screen.getAllByTestId('outbox-waiting').map((l) => l.textContent);
    expect(lines).toEqual([
      '1 Änderung von Leitung Segeberg wartet auf die nächste Anmeldung von Leitung Segeberg auf diesem Gerät',
      '3 Änderungen von Bereitschaft Segeberg warten auf Übertragung',
    ]);
  });

  it('shows nothing when nothing waits', () => {
    renderWithTheme(<StatusBar status={status} outbox={[]} />);
    expect(screen.queryByTestId('outbox-notice')).toBeNull();
  });
});
