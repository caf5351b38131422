import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core';

import { de } from '../../../../shared/i18n';

const t = de.security.revoked;

export type WipeState = 'wiping' | 'done' | 'failed';

/** What a revoked device shows: why, that its data are gone, and what was lost. */
export function RevokedScreen({ state, lost }: { state: WipeState; lost: number }) {
  return (
    <Paper withBorder p="xl" maw={560} mx="auto" mt="10vh" radius="md" data-testid="revoked-screen" data-state={state}>
      <Stack>
        <Title order={1} size="h2">
          {t.title}
        </Title>
        {state === 'wiping' && (
          <Text size="sm">
            <Loader size="xs" mr="xs" />
            {t.wiping}
          </Text>
        )}
        {state === 'done' && <Text>{t.message}</Text>}
        {state === 'failed' && (
          <Alert color="red" role="alert">
            {t.wipeFailed}
          </Alert>
        )}
        {lost > 0 && (
          <Alert color="orange" data-testid="revoked-lost">
            {t.lost(lost)}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t.contact}
        </Text>
      </Stack>
    </Paper>
  );
}
