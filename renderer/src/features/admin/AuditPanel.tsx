import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { AuditEntry } from '../../../../shared/sync/protocol';
import { useClient } from '../../app/client-context';
import { saveFile } from '../../app/save-file';
import type { AuditFilter } from '../../data/admin';
import { adminErrorMessage } from './admin-error';
import { actionLabel, deviceLabel, targetLabel } from './audit-labels';
import { AuditFilters, NO_AUDIT_FILTER } from './AuditFilters';
import { useAuditTrail } from './use-audit-trail';

const t = de.security.admin.audit;

/** The line's cells as shown, for the filter: what is read is what is matched. */
function matches(e: AuditEntry, query: string, devices: Readonly<Record<string, string>>): boolean {
  const q = query.trim().toLocaleLowerCase('de');
  if (!q) return true;
  return [actionLabel(e.action), e.actorName ?? '', deviceLabel(e, devices), targetLabel(e, devices)].some((cell) =>
    cell.toLocaleLowerCase('de').includes(q),
  );
}

/** The office's audit trail, newest first, page by page and narrowed on the server; the CSV export is the whole trail. */
export function AuditPanel() {
  const client = useClient();
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const { entries, deviceNames, total, more, error: loadError, loadMore, reload } = useAuditTrail(filter);
  const [exportError, setExportError] = useState<string | null>(null);
  const error = exportError ?? loadError;
  const [notice, setNotice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const shown = entries.filter((e) => matches(e, query, deviceNames));
  const narrowed = Object.values(filter).some((v) => v !== '');

  const exportCsv = async () => {
    try {
      const { fileName, csv } = await client.admin.exportAudit();
      saveFile(csv, fileName);
      setNotice(t.exported);
      setExportError(null);
    } catch (err) {
      setExportError(adminErrorMessage(err));
    }
  };

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <Group>
        <Button onClick={() => void exportCsv()}>{t.export}</Button>
        <Button variant="default" onClick={reload}>
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
      <AuditFilters value={filter} onChange={setFilter} />
      {entries.length > 0 && (
        <TextInput
          label={t.filter}
          placeholder={t.filterHint}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          description={query.trim() ? t.filtered(shown.length, entries.length) : undefined}
        />
      )}
      {entries.length === 0 && !error && <Text c="dimmed">{narrowed ? t.emptyFiltered : t.empty}</Text>}
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
              <Table.Tr key={e.id} data-testid="audit-row" data-action={e.action} data-id={e.id}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{actionLabel(e.action)}</Table.Td>
                <Table.Td>{e.actorName ?? ''}</Table.Td>
                <Table.Td data-testid="audit-device">{deviceLabel(e, deviceNames)}</Table.Td>
                <Table.Td data-testid="audit-target">{targetLabel(e, deviceNames)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more && (
        <Button variant="default" onClick={loadMore}>
          {t.more}
        </Button>
      )}
    </Stack>
  );
}
