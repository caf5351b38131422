import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { AuditEntry } from '../../../../shared/sync/protocol';
import { useClient } from '../../app/client-context';
import { adminErrorMessage } from './admin-error';

const t = de.security.admin.audit;
const PAGE = 100;
const actionLabel = (action: string) => (de.audit.actions as Record<string, string>)[action] ?? action;
const targetLabel = (target: string | null) => (target === null ? '' : (de.audit.targets[target] ?? target));

/** The line's cells as shown, for the filter: what is read is what is matched. */
function matches(e: AuditEntry, query: string): boolean {
  const q = query.trim().toLocaleLowerCase('de');
  if (!q) return true;
  return [actionLabel(e.action), e.actorName ?? '', e.deviceId ?? '', targetLabel(e.target)].some((cell) =>
    cell.toLocaleLowerCase('de').includes(q),
  );
}

/** The office's audit trail, oldest first, page by page; the CSV export is the whole trail. */
export function AuditPanel() {
  const client = useClient();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const shown = entries.filter((e) => matches(e, query));

  const loadAfter = useCallback(
    async (after: number | undefined, into: AuditEntry[]) => {
      try {
        const page = await client.admin.audit(after, PAGE);
        setEntries([...into, ...page.entries]);
        setTotal(page.head.seq);
        setMore(page.entries.length === PAGE);
        setError(null);
      } catch (err) {
        setError(adminErrorMessage(err));
      }
    },
    [client],
  );
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading from the server: the state is its answer
    void loadAfter(undefined, []);
  }, [loadAfter]);

  const exportCsv = async () => {
    try {
      const { fileName, csv } = await client.admin.exportAudit();
      const url = URL.createObjectURL(csv);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice(t.exported);
    } catch (err) {
      setError(adminErrorMessage(err));
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <Group>
        <Button onClick={() => void exportCsv()}>{t.export}</Button>
        <Button variant="default" onClick={() => void loadAfter(undefined, [])}>
          {de.security.admin.reload}
        </Button>
        {total !== null && (
          <Text size="sm" c="dimmed">
            {t.head(total)}
          </Text>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {notice && (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {entries.length > 0 && (
        <TextInput
          label={t.filter}
          placeholder={t.filterHint}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          description={query.trim() ? t.filtered(shown.length, entries.length) : undefined}
        />
      )}
      {entries.length === 0 && !error && <Text c="dimmed">{t.empty}</Text>}
      {entries.length > 0 && (
        <Table aria-label={t.label} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.columns.at}</Table.Th>
              <Table.Th>{t.columns.action}</Table.Th>
              <Table.Th>{t.columns.actor}</Table.Th>
              <Table.Th>{t.columns.device}</Table.Th>
              <Table.Th>{t.columns.target}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{actionLabel(e.action)}</Table.Td>
                <Table.Td>{e.actorName ?? ''}</Table.Td>
                <Table.Td>{e.deviceId ?? ''}</Table.Td>
                <Table.Td data-testid="audit-target">{targetLabel(e.target)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more && (
        <Button variant="default" onClick={() => void loadAfter(entries.at(-1)?.id, entries)}>
          {t.more}
        </Button>
      )}
    </Stack>
  );
}
