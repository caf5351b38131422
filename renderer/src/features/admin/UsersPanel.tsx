import { Alert, Badge, Button, Group, Modal, MultiSelect, PasswordInput, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState } from 'react';

import { de } from '../../../../shared/i18n';
import { OFFICE_ROLES, type Role } from '../../../../shared/roles';
import type { AdminUser } from '../../../../shared/sync/protocol';
import { useClient } from '../../app/client-context';
import { adminErrorMessage } from './admin-error';
import { AdminListFrame, useAdminAction } from './AdminList';
import { useAdminQuery } from './use-admin-query';

const t = de.security.admin.users;
const roleLabel = (role: string) => de.roles[role as Role] ?? role;

/** The office's accounts: create, reset a password, disable and enable. */
export function UsersPanel() {
  const client = useClient();
  const load = useCallback(() => client.admin.users(), [client]);
  const { data, error, reload } = useAdminQuery(load);
  const [creating, setCreating] = useState(false);
  const [passwordFor, setPasswordFor] = useState<AdminUser | null>(null);
  const { notice, setNotice, act } = useAdminAction(reload);

  return (
    <>
      <AdminListFrame
        actions={<Button onClick={() => setCreating(true)}>{t.create}</Button>}
        onReload={reload}
        error={error}
        notice={notice}
        onCloseNotice={() => setNotice(null)}
        count={data?.length ?? null}
        emptyText={t.empty}
      >
        <Table aria-label={t.label} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.columns.username}</Table.Th>
              <Table.Th>{t.columns.displayName}</Table.Th>
              <Table.Th>{t.columns.roles}</Table.Th>
              <Table.Th>{t.columns.status}</Table.Th>
              <Table.Th>{t.columns.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{u.roles.map(roleLabel).join(', ')}</Table.Td>
                <Table.Td>
                  {u.disabled ? <Badge color="red">{t.disabled}</Badge> : <Badge color="green">{t.active}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" onClick={() => setPasswordFor(u)}>
                      {t.resetPassword}
                    </Button>
                    {u.id !== client.user.id && (
                      <Button
                        size="xs"
                        variant="light"
                        color={u.disabled ? 'green' : 'red'}
                        onClick={() =>
                          void act(
                            () => client.admin.setDisabled(u.id, !u.disabled),
                            u.disabled ? t.enabledDone(u.username) : t.disabledDone(u.username),
                          )
                        }
                      >
                        {u.disabled ? t.enable : t.disable}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </AdminListFrame>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t.form.title}>
        {creating && (
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onCreated={async (username) => {
              setCreating(false);
              setNotice({ ok: true, text: t.created(username) });
              await reload();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={passwordFor !== null}
        onClose={() => setPasswordFor(null)}
        title={passwordFor ? t.passwordTitle(passwordFor.username) : ''}
      >
        {passwordFor && (
          <PasswordForm
            onSubmit={async (password) => {
              await client.admin.setPassword(passwordFor.id, password);
              setNotice({ ok: true, text: t.passwordDone(passwordFor.username) });
              setPasswordFor(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function CreateUserForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (username: string) => Promise<void>;
}) {
  const client = useClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', displayName: '', roles: ['oncall'] as string[], password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t.form.required),
      displayName: (v) => (v.trim() ? null : t.form.required),
      roles: (v) => (v.length > 0 ? null : t.form.rolesRequired),
      password: (v) => (v ? null : t.form.required),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(async (values) => {
        try {
          const user = await client.admin.createUser({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            officeId: client.user.officeId,
            roles: values.roles,
            password: values.password,
          });
          await onCreated(user.username);
        } catch (err) {
          setError(adminErrorMessage(err));
        }
      })}
    >
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t.form.username}
          description={t.form.usernameHint}
          autoComplete="off"
          data-autofocus
          {...form.getInputProps('username')}
        />
        <TextInput label={t.form.displayName} autoComplete="off" {...form.getInputProps('displayName')} />
        <MultiSelect
          label={t.form.roles}
          data={OFFICE_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          {...form.getInputProps('roles')}
        />
        <PasswordInput
          label={t.form.password}
          description={t.form.passwordHint}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t.form.cancel}
          </Button>
          <Button type="submit">{t.form.submit}</Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordForm({ onSubmit }: { onSubmit: (password: string) => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        if (!password) {
          setError(t.form.required);
          return;
        }
        try {
          await onSubmit(password);
        } catch (err) {
          setError(adminErrorMessage(err));
        }
      }}
    >
      <Stack>
        <PasswordInput
          label={t.passwordNew}
          description={t.form.passwordHint}
          autoComplete="new-password"
          data-autofocus
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button type="submit">{t.passwordSave}</Button>
        </Group>
      </Stack>
    </form>
  );
}
