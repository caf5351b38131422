import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';

import { formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { defaultPeriod, periodProblem, type VerbundOverview } from '../../../../shared/overview';
import { berlinToday } from '../../app/berlin-time';
import { useClient } from '../../app/client-context';
import { IsoDateInput } from '../../app/inputs/DateTextInput';
import { useSyncStatus } from '../../data/hooks';
import { NetworkError } from '../../data/http';
import { OverviewCharts } from './OverviewCharts';

const t = de.overview;

type Load =
  | { kind: 'loading' }
  | { kind: 'loaded'; data: VerbundOverview }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

/**
 * The Verbund overview for the coordination and the offices' supervisors: counts of all five offices, fetched
 * from the server for a period (nothing of it is stored on the device, so it needs a connection).
 */
export function VerbundOverviewPage({ now = Date.now }: { now?: () => number }) {
  const client = useClient();
  const status = useSyncStatus();
  const [period, setPeriod] = useState(() => defaultPeriod(berlinToday(now())));
  const [draft, setDraft] = useState(period);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const offline = status?.connection === 'offline';
  const problem = periodProblem(draft.from, draft.to);

  useEffect(() => {
    if (offline) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the load's state follows the connection
      setLoad({ kind: 'offline' });
      return;
    }
    let current = true;
    setLoad({ kind: 'loading' });
    client.overview.get(period.from, period.to).then(
      (data) => current && setLoad({ kind: 'loaded', data }),
      (err: unknown) => {
        if (!current) return;
        if (err instanceof NetworkError) setLoad({ kind: 'offline' });
        else setLoad({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, period, offline, attempt]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problem) return;
    if (draft.from === period.from && draft.to === period.to) setAttempt((n) => n + 1);
    else setPeriod(draft);
  };

  return (
    <Stack data-testid="verbund-overview" pb={96}>
      <Title order={2}>{t.title}</Title>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <form onSubmit={submit} aria-label={t.title}>
        <Group align="flex-end">
          <IsoDateInput
            label={t.period.from}
            value={draft.from}
            now={now}
            onChange={(from) => setDraft({ ...draft, from })}
            required
          />
          <IsoDateInput
            label={t.period.to}
            value={draft.to}
            now={now}
            onChange={(to) => setDraft({ ...draft, to })}
            required
          />
          <Button type="submit" disabled={problem !== null || offline}>
            {t.period.show}
          </Button>
        </Group>
        {problem && (
          <Text c="red" size="sm" mt={4} role="alert">
            {t.period.problems[problem]}
          </Text>
        )}
      </form>
      {load.kind === 'offline' && (
        <Alert color="yellow" data-testid="overview-offline" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t.offline}</Text>
            {!offline && (
              <Button size="xs" variant="light" onClick={() => setAttempt((n) => n + 1)}>
                {t.retry}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {load.kind === 'failed' && (
        <Alert color="red" data-testid="overview-failed" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t.failed(load.message)}</Text>
            <Button size="xs" variant="light" onClick={() => setAttempt((n) => n + 1)}>
              {t.retry}
            </Button>
          </Stack>
        </Alert>
      )}
      {load.kind === 'loading' && <Loader aria-label={t.loading} />}
      {load.kind === 'loaded' && (
        <Stack gap="xl">
          <Text fw={500} data-testid="overview-period">
            {t.period.shown(formatIsoDate(load.data.from), formatIsoDate(load.data.to))}
          </Text>
          <OverviewCharts data={load.data} />
        </Stack>
      )}
    </Stack>
  );
}
