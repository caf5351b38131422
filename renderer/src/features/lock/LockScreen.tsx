import { Alert, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { loginErrorMessage } from '../../app/login-error';
import { useNightContact } from '../../app/night-contact';
import type { LockCause } from './use-auto-lock';

const t = de.security.lock;

type Props = {
  displayName: string;
  cause: LockCause;
  idleMinutes: number;
  /** Resolves once unlocked; throws a LoginError otherwise (wrong password, offline without a record ...). */
  onUnlock: (password: string) => Promise<void>;
  onSwitchUser: () => void;
};

/** Shown instead of the app while it is locked: nothing of the records is in memory, only the user's name. */
export function LockScreen({ displayName, cause, idleMinutes, onUnlock, onSwitchUser }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contact = useNightContact();
  const reason = cause === 'idle' ? t.reasons.idle(idleMinutes) : t.reasons[cause];

  return (
    <Paper withBorder p="xl" maw={460} mx="auto" mt="10vh" radius="md" data-testid="lock-screen">
      <form
        aria-labelledby="lock-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!password) return;
          setBusy(true);
          setError(null);
          try {
            await onUnlock(password);
          } catch (err) {
            setError(loginErrorMessage(err, contact));
            setPassword('');
            setBusy(false);
          }
        }}
      >
        <Stack>
          <Title order={1} size="h2" id="lock-title">
            {t.title}
          </Title>
          <Text size="sm">{reason}</Text>
          <Text size="sm" c="dimmed">
            {t.intro(displayName)} {t.pendingKept}
          </Text>
          {error && (
            <Alert color="red" role="alert" data-testid="unlock-error">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t.password}
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t.unlock}
          </Button>
          <Button variant="subtle" size="xs" onClick={onSwitchUser}>
            {t.switchUser}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
