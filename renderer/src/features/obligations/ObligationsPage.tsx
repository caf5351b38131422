import { Badge, Checkbox, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

import { OBLIGATION_KINDS, type ObligationKind } from '../../../../shared/deadlines';
import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { useClient } from '../../app/client-context';
import { FilterSelect } from '../../app/inputs/FilterSelect';
import { useNavigation } from '../../app/navigation';
import { onRowKeyDown } from '../../app/table-rows';
import { useNow } from '../../app/use-now';
import { useDirectory, useIntakes, usePendingIds } from '../../data/hooks';
import {
  applyFilter,
  type DueObligation,
  dueObligations,
  type DueStatus,
  NO_FILTER,
  type ObligationFilter,
  openViewOf,
  summarize,
} from './obligations-model';

const t = de.obligations;
const ALL = '';
const STATUS_COLOR: Record<DueStatus, string> = { dueSoon: 'yellow', overdue: 'red' };

/**
 * The obligations dashboard (supervisors and on-call workers): every due or overdue deadline of the office's open
 * records, overdue first, with who is responsible; filters by kind, person and "only overdue". Judged against the
 * clock every `tickMs` and recomputed whenever a record changes; a row opens its record (click or Enter), for a
 * supervisor in the review when it is a colleague's submitted record (openViewOf).
 */
export function ObligationsPage({ now = Date.now, tickMs = 30_000 }: { now?: () => number; tickMs?: number }) {
  const client = useClient();
  const navigation = useNavigation();
  const intakes = useIntakes();
  const clock = useNow(now, tickMs);
  const [filter, setFilter] = useState<ObligationFilter>(NO_FILTER);
  const { user } = client;
  const byId = useMemo(() => new Map((intakes ?? []).map((i) => [i.id, i])), [intakes]);
  // The client knows the display name of its own user only; everyone else is shown by id.
  const directory = useDirectory();
  const names = useMemo(
    () => new Map([...directory, [user.id, t.you(user.displayName)]]),
    [directory, user.id, user.displayName],
  );

  const all = useMemo(
    () => (intakes ? dueObligations(intakes, { officeId: user.officeId, now: clock, names }) : null),
    [intakes, user.officeId, clock, names],
  );
  const summary = useMemo(() => summarize(all ?? []), [all]);
  const shown = useMemo(() => applyFilter(all ?? [], filter), [all, filter]);
  const pendingIds = usePendingIds();
  const filtered = filter.kind !== null || filter.responsibleId !== null || filter.overdueOnly;

  const kindOptions = OBLIGATION_KINDS.filter((k) => k === filter.kind || summary.byKind.some((s) => s.kind === k)).map(
    (k) => ({
      value: k,
      label: t.filters.option(de.deadlines.kinds[k], summary.byKind.find((s) => s.kind === k)?.count ?? 0),
    }),
  );
  const people =
    summary.byResponsible.some((p) => p.id === filter.responsibleId) || filter.responsibleId === null
      ? summary.byResponsible
      : [
          ...summary.byResponsible,
          { id: filter.responsibleId, name: names.get(filter.responsibleId) ?? filter.responsibleId, count: 0 },
        ];

  return (
    <Stack data-testid="obligations-page" pb={96}>
      <Title order={2}>{t.title}</Title>
      <Text size="sm" c="dimmed">
        {t.intro} {t.responsibleHint}
      </Text>
      {all === null ? (
        <Loader aria-label={de.app.shell.loading} />
      ) : (
        <>
          <Text fw={500} data-testid="obligations-summary">
            {all.length === 0 ? t.none : t.summary(summary.total, summary.overdue, summary.dueSoon)}
            {filtered && all.length > 0 ? ` · ${t.shown(shown.length, all.length)}` : ''}
          </Text>
          <Group align="end">
            <FilterSelect
              label={t.filters.kind}
              value={filter.kind ?? ALL}
              onChange={(kind) => setFilter({ ...filter, kind: (kind || null) as ObligationKind | null })}
              anyLabel={t.filters.allKinds}
              data={kindOptions}
              miw={260}
            />
            <FilterSelect
              label={t.filters.responsible}
              value={filter.responsibleId ?? ALL}
              onChange={(id) => setFilter({ ...filter, responsibleId: id || null })}
              anyLabel={t.filters.allResponsible}
              data={people.map((p) => ({ value: p.id, label: t.filters.option(p.name, p.count) }))}
              miw={220}
            />
            <Checkbox
              label={t.filters.overdueOnly}
              checked={filter.overdueOnly}
              onChange={(e) => setFilter({ ...filter, overdueOnly: e.currentTarget.checked })}
              mb={8}
            />
          </Group>
          {all.length > 0 && shown.length === 0 && <Text c="dimmed">{t.noMatch}</Text>}
          {shown.length > 0 && (
            <>
              <Text size="xs" c="dimmed">
                {t.openHint}
              </Text>
              <ObligationsTable
                rows={shown}
                pendingIds={pendingIds}
                onOpen={(intakeId) => navigation.go({ kind: openViewOf(byId.get(intakeId), user), intakeId })}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function ObligationsTable({
  rows,
  pendingIds,
  onOpen,
}: {
  rows: DueObligation[];
  pendingIds: ReadonlySet<string>;
  onOpen: (id: string) => void;
}) {
  return (
    <Table highlightOnHover aria-label={t.tableLabel} data-testid="obligations-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.columns.child}</Table.Th>
          <Table.Th>{t.columns.kind}</Table.Th>
          <Table.Th>{t.columns.due}</Table.Th>
          <Table.Th>{t.columns.status}</Table.Th>
          <Table.Th>{t.columns.responsible}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => {
          const kind = de.deadlines.kinds[o.kind];
          return (
            <Table.Tr
              key={`${o.intakeId}:${o.kind}`}
              tabIndex={0}
              aria-label={t.openRecord(o.childName, kind)}
              data-testid="obligation-row"
              data-intake-id={o.intakeId}
              data-kind={o.kind}
              data-status={o.status}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(o.intakeId)}
              onKeyDown={(e) => onRowKeyDown(e, () => onOpen(o.intakeId))}
            >
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {o.childName}
                  </Text>
                  {pendingIds.has(o.intakeId) && (
                    <Badge color="yellow" variant="light" size="xs" data-testid="marker-pending">
                      {t.unsynced}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={o.status === 'overdue' ? 700 : 400}>
                  {kind}
                </Text>
                <Text size="xs" c="dimmed">
                  {o.basis}
                </Text>
              </Table.Td>
              <Table.Td>{formatDateTime(o.dueAt)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[o.status]} variant={o.status === 'overdue' ? 'filled' : 'light'}>
                  {de.deadlines.statuses[o.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{o.responsibleName}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
