import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { AdminDevice } from '../../../../shared/sync/protocol';
import { useClient } from '../../app/client-context';
import { AdminListFrame, useAdminAction } from './AdminList';
import { useAdminQuery } from './use-admin-query';

const t = de.security.admin.devices;

/** The office's registered installations; revoking one makes it wipe itself at its next contact. */
export function DevicesPanel() {
  const client = useClient();
  const load = useCallback(() => client.admin.devices(), [client]);
  const { data, error, reload } = useAdminQuery(load);
  const [confirming, setConfirming] = useState<AdminDevice | null>(null);
  const { notice, setNotice, act } = useAdminAction(reload);

  const revoke = (device: AdminDevice) => {
    setConfirming(null);
    return act(() => client.admin.revokeDevice(device.id), t.revokedDone(device.name));
  };

  return (
    <>
      <AdminListFrame
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
              <Table.Th>{t.columns.name}</Table.Th>
              <Table.Th>{t.columns.user}</Table.Th>
              <Table.Th>{t.columns.firstSeen}</Table.Th>
              <Table.Th>{t.columns.lastSeen}</Table.Th>
              <Table.Th>{t.columns.version}</Table.Th>
              <Table.Th>{t.columns.status}</Table.Th>
              <Table.Th>{t.columns.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data ?? []).map((d) => (
              <Table.Tr key={d.id} data-testid="device-row" data-device-id={d.id}>
                <Table.Td>
                  {d.name}
                  <Text size="xs" c="dimmed">
                    {d.id}
                  </Text>
                </Table.Td>
                <Table.Td>{d.username ?? t.unknown}</Table.Td>
                <Table.Td>{formatDateTime(d.firstSeen)}</Table.Td>
                <Table.Td>{formatDateTime(d.lastSeen)}</Table.Td>
                <Table.Td>{d.appVersion ?? t.unknown}</Table.Td>
                <Table.Td>
                  {d.revokedAt === null ? (
                    <Badge color="green">{t.active}</Badge>
                  ) : (
                    <Badge color="red">{t.revokedAt(formatDateTime(d.revokedAt))}</Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {d.revokedAt === null && (
                    <Button size="xs" color="red" variant="light" onClick={() => setConfirming(d)}>
                      {t.revoke}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </AdminListFrame>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t.confirmTitle}>
        {confirming && (
          <Stack>
            <Text size="sm">{t.confirm(confirming.name)}</Text>
            <Text size="sm" fw={confirming.pendingChanges ? 700 : undefined} data-testid="revoke-pending">
              {confirming.pendingChanges === null || confirming.pendingReportedAt === null
                ? t.pendingUnknown
                : t.pending(confirming.pendingChanges, formatDateTime(confirming.pendingReportedAt))}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t.cancel}
              </Button>
              <Button color="red" onClick={() => void revoke(confirming)}>
                {t.confirmButton}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
