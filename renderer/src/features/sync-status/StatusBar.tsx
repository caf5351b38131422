import { Badge, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { OutboxEntry } from '../../data/outbox';
import type { SyncStatus } from '../../data/sync-status';
import { rejectionMessage } from '../../record/rejection-message';
import { OutboxNotice } from './OutboxNotice';

const t = de.app.status;

type Props = {
  status: SyncStatus | null;
  /** How to name a record in the list of rejections (the child's name where known). */
  describe?: (id: string) => string;
  /** Changes of other users of this laptop that wait for the server (the laptop's outbox). */
  outbox?: OutboxEntry[];
  /** The button that opens the laptop's sync log (SyncLogDialog.tsx; the session gives it). */
  log?: ReactNode;
};

/** Always visible: connection, last sync, what is not on the server yet, refusals and conflicts. */
export function StatusBar({ status, describe = (id) => id, outbox = [], log }: Props) {
  if (!status) return null;
  const color = status.connection === 'online' ? 'teal' : status.connection === 'offline' ? 'red' : 'yellow';
  return (
    <div role="status" aria-label={t.label} data-testid="status-bar">
      <Group gap="md" wrap="wrap">
        <Badge
          color={color}
          variant="filled"
          size="lg"
          tt="none"
          data-testid="status-connection"
          data-state={status.connection}
        >
          {t[status.connection]}
        </Badge>
        <Text size="sm" data-testid="status-last-sync">
          {status.lastSyncedAt === null ? t.neverSynced : t.lastSynced(formatDateTime(status.lastSyncedAt))}
        </Text>
        <Text
          size="sm"
          fw={status.pendingCount > 0 ? 700 : 400}
          c={status.pendingCount > 0 ? 'yellow' : undefined}
          data-testid="status-pending"
          data-count={status.pendingCount}
        >
          {t.pending(status.pendingCount)}
        </Text>
        {status.conflictCount > 0 && (
          <Badge color="orange" variant="light" data-testid="status-conflicts" data-count={status.conflictCount}>
            {t.conflicts(status.conflictCount)}
          </Badge>
        )}
        {status.lastError !== null && (
          <Text size="sm" c="red.4" data-testid="status-last-error">
            {de.problems.sync.lastError(status.lastError)}
          </Text>
        )}
        {status.auth.state === 'failed' && (
          <Badge color="red" variant="light" data-testid="status-auth">
            {t.authFailed}
          </Badge>
        )}
        {log}
      </Group>
      <OutboxNotice entries={outbox} />
      {status.rejections.length > 0 && (
        <div data-testid="status-rejections" data-count={status.rejections.length}>
          <Text size="sm" fw={700} c="red.4">
            {t.rejected(status.rejections.length)}
          </Text>
          <List size="sm">
            {status.rejections.map((r) => (
              <List.Item key={r.id}>{t.rejectedItem(describe(r.id), rejectionMessage(r))}</List.Item>
            ))}
          </List>
        </div>
      )}
    </div>
  );
}
