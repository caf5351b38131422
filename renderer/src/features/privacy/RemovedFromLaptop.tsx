import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { useClient } from '../../app/client-context';
import { useNavigation } from '../../app/navigation';
import { useRemovedCopies, useSyncStatus } from '../../data/hooks';
import { syncErrorText } from '../../data/sync-error';
import { purgeDaysOfMachine } from './use-laptop-purge';

const t = de.privacy.removed;

/**
 * The office's finished records this laptop no longer holds (shared/privacy/laptop-purge.ts): when the call came
 * and the state, nothing else. Online, one is fetched again from the server and opened.
 */
export function RemovedFromLaptop() {
  const client = useClient();
  const navigation = useNavigation();
  const removed = useRemovedCopies();
  const status = useSyncStatus();
  const online = status?.connection === 'online';
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void purgeDaysOfMachine().then((d) => live && setDays(d));
    return () => {
      live = false;
    };
  }, []);
  const rows = useMemo(() => [...removed].sort((a, b) => b.receivedAt - a.receivedAt), [removed]);
  if (rows.length === 0) return null;

  const fetchAgain = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await client.laptopCopies.fetchAgain(id);
      navigation.go({ kind: 'intakes', intakeId: id });
    } catch (err) {
      setError(t.failed(syncErrorText(err)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="removed-from-laptop" data-testid="removed-from-laptop">
      <Title order={3} id="removed-from-laptop">
        {t.title}
      </Title>
      {days !== null && (
        <Text size="sm" c="dimmed">
          {t.intro(days)}
        </Text>
      )}
      {!online && <Text size="sm">{t.offline}</Text>}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <ul aria-label={t.listLabel} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((r) => {
          const when = formatDateTime(r.receivedAt);
          return (
            <li key={r.id} data-testid="removed-copy" data-id={r.id}>
              <Group justify="space-between" py={4}>
                <Text>{t.row(when, t.states[r.state])}</Text>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t.fetch(when)}
                  disabled={!online || busy !== null}
                  loading={busy === r.id}
                  onClick={() => void fetchAgain(r.id)}
                >
                  {t.fetchShort}
                </Button>
              </Group>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
