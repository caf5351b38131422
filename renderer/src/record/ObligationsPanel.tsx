import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';

import type { ObligationStatus, ObligationWithStatus } from '../../../shared/deadlines';
import { formatDateTime } from '../../../shared/format';
import { de } from '../../../shared/i18n';

const t = de.app.nightRecord.deadlines;

const STATUS_COLOR: Record<ObligationStatus, string> = {
  open: 'blue',
  dueSoon: 'yellow',
  overdue: 'red',
  done: 'teal',
};

/** The record's deadlines as obligations: what must be done by when, and whether it is. */
export const ObligationsPanel = memo(function ObligationsPanel({
  obligations,
}: {
  obligations: ObligationWithStatus[];
}) {
  return (
    <Paper withBorder p="sm" data-testid="obligations" aria-label={t.title}>
      <Title order={3} size="h5" mb="xs">
        {t.title}
      </Title>
      {obligations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.none}
        </Text>
      ) : (
        <Stack gap={4}>
          {obligations.map((o) => (
            <Group
              key={o.kind}
              gap="xs"
              wrap="nowrap"
              data-testid="obligation"
              data-kind={o.kind}
              data-status={o.status}
            >
              <Badge
                color={STATUS_COLOR[o.status]}
                variant={o.status === 'overdue' ? 'filled' : 'light'}
                miw={100}
                // The state is read first: it keeps its full word, the texts beside it wrap instead.
                style={{ flexShrink: 0 }}
              >
                {de.deadlines.statuses[o.status]}
              </Badge>
              <Text size="sm" fw={o.status === 'overdue' ? 700 : 400}>
                {de.deadlines.kinds[o.kind]}
              </Text>
              <Text size="sm" c="dimmed">
                {o.doneAt !== undefined ? t.doneAt(formatDateTime(o.doneAt)) : t.due(formatDateTime(o.dueAt))} ·{' '}
                {o.basis}
                {o.withoutUndueDelay && o.status !== 'done' ? ` · ${de.deadlines.withoutUndueDelay}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
});
