import { Alert, Stack, Tabs, Title } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import { useSyncStatus } from '../../data/hooks';
import { AuditPanel } from './AuditPanel';
import { DevicesPanel } from './DevicesPanel';
import { UsersPanel } from './UsersPanel';

const t = de.security.admin;

/** Administration of the own office (role admin): accounts, devices, the audit trail. Online only. */
export function AdminPage() {
  const status = useSyncStatus();
  return (
    <Stack data-testid="admin">
      <Title order={2}>{t.title}</Title>
      {status && status.connection === 'offline' && <Alert color="blue">{t.online}</Alert>}
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t.tabs.users}</Tabs.Tab>
          <Tabs.Tab value="devices">{t.tabs.devices}</Tabs.Tab>
          <Tabs.Tab value="audit">{t.tabs.audit}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="devices" pt="md">
          <DevicesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
