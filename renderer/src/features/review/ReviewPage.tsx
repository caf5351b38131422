import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';

import { formatDate, formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { mayAtAll } from '../../../../shared/rules/authz';
import { type Intake, REVIEW_STATES, type ReviewState } from '../../../../shared/schema/intake';
import { useClient } from '../../app/client-context';
import { FilterSelect } from '../../app/inputs/FilterSelect';
import { useNavigation } from '../../app/navigation';
import { onRowKeyDown } from '../../app/table-rows';
import { useNow } from '../../app/use-now';
import { useIntakes, usePendingIds, useRejectedIds } from '../../data/hooks';
import { reviewStateColor } from '../../record/review-state';
import {
  DEFAULT_QUEUE_FILTER,
  filterRows,
  lastWorkingDayStart,
  type QueueFilter,
  type QueueRow,
  scopedRows,
} from './queue-model';
import classes from './review.module.css';
import { ReviewRecord } from './ReviewRecord';

const t = de.review.ui;
const NONE: Intake[] = [];
const STATE_OPTIONS = REVIEW_STATES.map((s) => ({ value: s, label: de.review.states[s] }));

type Props = {
  /** Open this record at once (e.g. from another area). */
  intakeId?: string;
  now?: () => number;
  /** The papers printed from the open record (the session gives the report and the documents). */
  papers?: (intakeId: string) => ReactNode;
};

/**
 * The supervisor's morning: the office's submitted records to review (queue-model.ts), and one record at a time to
 * countersign, return or hand over. Keyboard-first: the rows are focusable, arrows move, Enter opens, Esc goes back.
 */
export function ReviewPage({ intakeId, now = Date.now, papers }: Props) {
  const client = useClient();
  const navigation = useNavigation();
  const loaded = useIntakes();
  const intakes = loaded ?? NONE;
  const clock = useNow(now);
  const [open, setOpen] = useState<string | null>(intakeId ?? null);
  const [filter, setFilter] = useState<QueueFilter>(DEFAULT_QUEUE_FILTER);
  const [focusId, setFocusId] = useState<string | null>(null);
  const pendingIds = usePendingIds();
  const rejectedIds = useRejectedIds();
  const ctx = useMemo(
    () => ({ officeId: client.user.officeId, now: clock, pendingIds, rejectedIds }),
    [client.user.officeId, clock, pendingIds, rejectedIds],
  );
  const scoped = useMemo(() => scopedRows(intakes, filter.scope, ctx), [intakes, filter.scope, ctx]);
  const shown = useMemo(() => filterRows(scoped, filter), [scoped, filter]);

  // Until the records are read, an empty queue or "not found" would be wrong.
  if (loaded === null) return <Loader size="sm" aria-label={de.app.shell.loading} />;
  if (open) {
    const intake = intakes.find((i) => i.id === open);
    const back = () => {
      setFocusId(open);
      setOpen(null);
    };
    if (!intake) {
      return (
        <Stack>
          <Text>{t.record.notFound}</Text>
          <Button variant="default" onClick={back} data-testid="review-back">
            {t.record.back}
          </Button>
        </Stack>
      );
    }
    return <ReviewRecord intake={intake} onBack={back} reportAction={papers?.(intake.id)} now={now} />;
  }

  const set = (patch: Partial<QueueFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Stack data-testid="review-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={2}>{t.title}</Title>
          <Text size="sm" c="dimmed">
            {t.intro}
          </Text>
          {mayAtAll(client.user, 'intakes', 'accessRequest') && (
            <Group mt={4}>
              <Button variant="subtle" size="compact-sm" onClick={() => navigation.go({ kind: 'accessRequest' })}>
                {de.privacy.accessRequest.open}
              </Button>
            </Group>
          )}
        </Stack>
        <SegmentedControl
          aria-label={t.scope.label}
          data-testid="review-scope"
          value={filter.scope}
          onChange={(scope) => set({ scope: scope })}
          data={[
            { value: 'recent', label: t.scope.recent(formatDate(lastWorkingDayStart(clock))) },
            { value: 'all', label: t.scope.all },
          ]}
        />
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t.filters.search}
          placeholder={t.filters.searchPlaceholder}
          value={filter.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          data-testid="review-search"
          autoFocus
        />
        <FilterSelect
          label={t.filters.state}
          value={filter.state}
          onChange={(state) => set({ state: state as ReviewState | '' })}
          anyLabel={t.filters.anyState}
          data={STATE_OPTIONS}
          data-testid="review-state-filter"
        />
        <Checkbox
          label={t.filters.overdueOnly}
          checked={filter.overdueOnly}
          onChange={(e) => set({ overdueOnly: e.currentTarget.checked })}
          data-testid="review-overdue-filter"
          mb={8}
        />
      </Group>
      <Text size="sm" c="dimmed" data-testid="review-count">
        {t.count(shown.length, scoped.length)} · {t.keyboardHint}
      </Text>
      {scoped.length === 0 ? (
        <Text c="dimmed" data-testid="review-empty">
          {t.empty}
        </Text>
      ) : shown.length === 0 ? (
        <Text c="dimmed" data-testid="review-no-match">
          {t.noMatch}
        </Text>
      ) : (
        <QueueTable rows={shown} focusId={focusId} onOpen={setOpen} />
      )}
    </Stack>
  );
}

function QueueTable({
  rows,
  focusId,
  onOpen,
}: {
  rows: QueueRow[];
  focusId: string | null;
  onOpen: (id: string) => void;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Back from a record, the cursor is on its row again (once, when the queue appears).
  useEffect(() => {
    if (!focusId) return;
    const rowEls = Array.from(body.current?.children ?? []) as HTMLElement[];
    rowEls.find((el) => el.dataset.intakeId === focusId)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the queue appears, not when focusId changes
  }, []);
  return (
    <Table highlightOnHover aria-label={t.listLabel} data-testid="review-queue">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.columns.child}</Table.Th>
          <Table.Th>{t.columns.receivedAt}</Table.Th>
          <Table.Th>{t.columns.state}</Table.Th>
          <Table.Th>{t.columns.obligations}</Table.Th>
          <Table.Th>{t.columns.conflicts}</Table.Th>
          <Table.Th>{t.columns.sync}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody ref={body}>
        {rows.map((row) => (
          <Table.Tr
            key={row.intake.id}
            tabIndex={0}
            aria-label={t.openRow(row.name)}
            data-testid="review-row"
            data-intake-id={row.intake.id}
            data-review-state={row.state}
            className={classes.row}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(row.intake.id)}
            onKeyDown={(e) => onRowKeyDown(e, () => onOpen(row.intake.id))}
          >
            <Table.Td fw={600}>
              {row.name}
              {row.receivedFrom && (
                <Text size="xs" c="dimmed" fw={400}>
                  {t.receivedFrom(row.receivedFrom)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(row.intake.receivedAt)}</Table.Td>
            <Table.Td>
              <Badge color={reviewStateColor(row.state)} variant="light" data-testid="review-row-state">
                {de.review.states[row.state]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {row.openObligations === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t.obligations.none}
                  </Text>
                ) : (
                  <Badge color="blue" variant="light" data-testid="review-row-open" data-count={row.openObligations}>
                    {t.obligations.open(row.openObligations)}
                  </Badge>
                )}
                {row.overdueObligations > 0 && (
                  <Badge
                    color="red"
                    variant="filled"
                    data-testid="review-row-overdue"
                    data-count={row.overdueObligations}
                  >
                    {t.obligations.overdue(row.overdueObligations)}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              {row.conflicts > 0 ? (
                <Badge color="orange" variant="light" data-testid="review-row-conflicts" data-count={row.conflicts}>
                  {t.conflicts(row.conflicts)}
                </Badge>
              ) : (
                <Text size="sm" c="dimmed">
                  {t.noConflicts}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge
                color={row.sync === 'synced' ? 'teal' : row.sync === 'pending' ? 'yellow' : 'red'}
                variant="light"
                data-testid="review-row-sync"
                data-state={row.sync}
              >
                {t.sync[row.sync]}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
