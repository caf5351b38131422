import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';

import { de } from '../../../../shared/i18n';
import { loginErrorMessage } from '../../app/login-error';
import { useNightContact } from '../../app/night-contact';

const t = de.app.login;

type Props = {
  serverUrl: string;
  initialUsername?: string;
  /** Resolves when logged in; throws a LoginError otherwise. */
  onLogin: (username: string, password: string) => Promise<void>;
};

export function LoginForm({ serverUrl, initialUsername = '', onLogin }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contact = useNightContact();
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: initialUsername, password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t.required),
      password: (v) => (v ? null : t.required),
    },
  });

  const submit = form.onSubmit(async ({ username, password }) => {
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (err) {
      setError(loginErrorMessage(err, contact));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="xl" maw={420} mx="auto" mt="10vh" radius="md">
      <form onSubmit={submit} aria-labelledby="login-title" noValidate>
        <Stack>
          <Title order={1} size="h2" id="login-title">
            {t.title}
          </Title>
          <Text size="sm" c="dimmed">
            {t.intro}
          </Text>
          {error && (
            <Alert color="red" role="alert" data-testid="login-error">
              {error}
            </Alert>
          )}
          <TextInput
            label={t.username}
            autoComplete="username"
            autoFocus={!initialUsername}
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t.password}
            autoComplete="current-password"
            autoFocus={!!initialUsername}
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} fullWidth>
            {t.submit}
          </Button>
          <Text size="xs" c="dimmed">
            {t.server(serverUrl)}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
