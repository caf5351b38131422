import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';

import { formatDate, formatDateTime } from '../../../../shared/format';
import { de, type ErrorCode } from '../../../../shared/i18n';
import { useSyncLog } from '../../data/hooks';
import { SYNC_LOG_DAYS, type SyncLogEntry } from '../../data/sync-log';

const t = de.privacy.syncLog;

export function reasonOf(entry: SyncLogEntry): string {
  if (!entry.code) return '';
  return Object.hasOwn(de.errors, entry.code) ? de.errors[entry.code as ErrorCode] : entry.code;
}

/** The log as a CSV for support: the same columns as on screen plus the refused document's id; no content. */
export function syncLogCsv(entries: readonly SyncLogEntry[]): string {
  const cell = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = entries.map((e) =>
    [formatDateTime(e.at), t.kinds[e.kind], t.collections[e.collection], String(e.count), reasonOf(e), e.id ?? ''].map(
      cell,
    ),
  );
  return [t.csvHeader.map(cell), ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n';
}

/**
 * The laptop's sync log (issue 16), opened from the status bar: what went to the server, what came from it and what
 * it refused with the reason, newest first, in German and without content; savable as a CSV for support.
 */
export function SyncLogButton() {
  const [opened, setOpened] = useState(false);
  const entries = useSyncLog();
  const newestFirst = useMemo(() => [...entries].reverse(), [entries]);

  const save = () => {
    const blob = new Blob(['\uFEFF', syncLogCsv(newestFirst)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = t.fileName(formatDate(Date.now()).split('.').reverse().join('-'));
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <Button size="compact-sm" variant="subtle" onClick={() => setOpened(true)}>
        {t.open}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t.title} size="xl">
        <Stack data-testid="sync-log">
          <Text size="sm">{t.intro(SYNC_LOG_DAYS)}</Text>
          {newestFirst.length === 0 ? (
            <Text c="dimmed">{t.empty}</Text>
          ) : (
            <Table aria-label={t.tableLabel} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.columns.at}</Table.Th>
                  <Table.Th>{t.columns.kind}</Table.Th>
                  <Table.Th>{t.columns.collection}</Table.Th>
                  <Table.Th>{t.columns.count}</Table.Th>
                  <Table.Th>{t.columns.reason}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {newestFirst.map((e, i) => (
                  <Table.Tr key={`${e.at}-${i}`} data-testid="sync-log-row" data-kind={e.kind}>
                    <Table.Td>{formatDateTime(e.at)}</Table.Td>
                    <Table.Td>{t.kinds[e.kind]}</Table.Td>
                    <Table.Td>{t.collections[e.collection]}</Table.Td>
                    <Table.Td>{e.count}</Table.Td>
                    <Table.Td>{reasonOf(e)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={save} disabled={newestFirst.length === 0}>
              {t.export}
            </Button>
            <Button onClick={() => setOpened(false)}>{t.close}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
