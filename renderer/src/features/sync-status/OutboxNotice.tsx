import { Stack, Text } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import type { OutboxEntry } from '../../data/outbox';

const t = de.app.status;

/**
 * Whose changes wait on this laptop for the server: names and counts only, never what was changed, for whoever is
 * at the laptop (docs/outbox.md).
 */
export function OutboxNotice({ entries }: { entries: OutboxEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Stack gap={2} aria-label={t.outboxLabel} data-testid="outbox-notice">
      {entries.map((e) => (
        <Text
          key={e.userId}
          size="sm"
          fw={700}
          c="yellow"
          data-testid="outbox-waiting"
          data-count={e.count}
          data-sealed={e.sealed ? 'yes' : 'no'}
        >
          {e.sealed
            ? t.outboxWaiting(e.count, e.displayName)
            : e.stranded === 'too_large'
              ? t.outboxTooLarge(e.count, e.displayName)
              : t.outboxWaitingForLogin(e.count, e.displayName)}
        </Text>
      ))}
    </Stack>
  );
}
