import { Alert, Button, Group, Mark, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment, memo } from 'react';

import { formatDateTime } from '../../../shared/format';
import { de } from '../../../shared/i18n';
import { fieldLabel } from '../../../shared/nightRecord/fieldLabel';
import type { Intake } from '../../../shared/schema/intake';
import { getAtPath } from '../../../shared/sync/paths';
import { deviceLabel, type WriteRecord, writerLabel } from './conflict-origin';
import { specOf } from './fields';
import { displayOf } from './values';
import { type DiffPart, wordDiff } from './word-diff';

const t = de.app.nightRecord.conflicts;

/** The record opens here when it has conflicts (NightRecordForm). */
export const CONFLICTS_ID = 'record-conflicts';

export type ConflictActions = 'all' | 'keepOnly' | 'none';

type Props = {
  intake: Intake;
  currentUserId: string;
  onTake: (conflictId: string) => void;
  onKeep: (conflictId: string) => void;
  /**
   * What may be done with a conflict (the server decides the same, server/sync/intakes.ts):
   * - `all`: take the other value or keep the current one,
   * - `keepOnly`: a locked (countersigned) record: keeping the current value (dropping the conflict) is accepted,
   *   taking the other value would change a fact that is locked,
   * - `none`: a record received from another office: it is only read here.
   */
  actions?: ConflictActions;
  /** Display names by user id (the office directory); anyone not in it shows by id. */
  names?: ReadonlyMap<string, string>;
};

/**
 * Values that lost a concurrent edit, per field path, beside the current value, each with who wrote it, on which
 * device and when (as the server recorded it: shared/rules/conflicts.ts). The record shows them until someone
 * chooses: take the other value, or keep the current one.
 */
export const ConflictsPanel = memo(function ConflictsPanel({
  intake,
  currentUserId,
  onTake,
  onKeep,
  actions = 'all',
  names,
}: Props) {
  if (intake.conflicts.length === 0) return null;
  const who = (write: WriteRecord) => {
    const device = deviceLabel(write);
    const person = writerLabel(write.by, currentUserId, names);
    return device ? `${person} ${t.onDevice(device)}` : person;
  };
  return (
    <Alert color="orange" title={t.title} data-testid="conflicts" id={CONFLICTS_ID} tabIndex={-1}>
      <Text size="sm" mb="sm">
        {t.intro}
      </Text>
      {intake.conflicts
        .filter((c) => c.by === currentUserId)
        .map((c) => (
          <Text key={c.id} size="sm" fw={600} mb="sm" data-testid="conflict-own-lost">
            {c.winner
              ? t.ownLost(fieldLabel(c.field, intake), who(c.winner))
              : t.ownLostUnknown(fieldLabel(c.field, intake))}
          </Text>
        ))}
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.field}</Table.Th>
            <Table.Th>{t.current}</Table.Th>
            <Table.Th>{t.kept}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t.actions}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {intake.conflicts.map((c) => {
            const label = fieldLabel(c.field, intake);
            const spec = specOf(c.field);
            const current = displayOf(spec, getAtPath(intake, c.field));
            const kept = displayOf(spec, parse(c.value));
            const long = isLong(current) || isLong(kept);
            return (
              <Fragment key={c.id}>
                <Table.Tr data-testid="conflict-row" data-field={c.field}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td data-testid="conflict-current">
                    <Text size="sm" lineClamp={long ? 2 : undefined}>
                      {current}
                    </Text>
                    {c.winner ? (
                      <Origin write={c.winner} side="current" currentUserId={currentUserId} names={names} />
                    ) : (
                      <Text size="xs" c="dimmed" data-testid="conflict-current-origin">
                        {t.originUnknown}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="conflict-kept">
                    <Text size="sm" lineClamp={long ? 2 : undefined}>
                      {kept}
                    </Text>
                    <Origin write={c} side="kept" currentUserId={currentUserId} names={names} />
                  </Table.Td>
                  <Table.Td>
                    {actions !== 'none' && (
                      <Group gap={4} wrap="wrap">
                        {actions === 'all' && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => onTake(c.id)}
                            aria-label={t.takeLabel(label)}
                          >
                            {t.take}
                          </Button>
                        )}
                        <Button size="xs" variant="subtle" onClick={() => onKeep(c.id)} aria-label={t.keepLabel(label)}>
                          {t.keep}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
                {long && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <TextDiff current={current} kept={kept} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="xs">
        {t.deviceHint}
      </Text>
    </Alert>
  );
});

/**
 * Who wrote one side's value, on which device, when. The lost value's parts keep the test ids the panel had as
 * columns (conflict-by, conflict-at); the current value's are prefixed.
 */
function Origin({
  write,
  side,
  currentUserId,
  names,
}: {
  write: WriteRecord;
  side: 'current' | 'kept';
  currentUserId: string;
  names: ReadonlyMap<string, string> | undefined;
}) {
  const id = (part: string) => (side === 'kept' ? `conflict-${part}` : `conflict-current-${part}`);
  const device = deviceLabel(write);
  return (
    <Text size="xs" c="dimmed" data-testid={`conflict-${side}-origin`}>
      <span data-testid={id('by')}>{t.wroteBy(writerLabel(write.by, currentUserId, names))}</span>
      {' · '}
      <span data-testid={id('device')}>{device ? t.device(device) : t.deviceUnknown}</span>
      {' · '}
      <span data-testid={id('at')}>{formatDateTime(write.at)}</span>
    </Text>
  );
}

/** Texts this long are squeezed in a table cell: they are compared side by side below their row. */
function isLong(text: string): boolean {
  return text.length > 60 || text.includes('\n');
}

/** The two long texts of one conflict side by side, the words only one side has marked on that side. */
function TextDiff({ current, kept }: { current: string; kept: string }) {
  const diff = wordDiff(current, kept);
  return (
    <SimpleGrid cols={2} data-testid="conflict-diff">
      <Text size="xs" c="dimmed" style={{ gridColumn: '1 / -1' }}>
        {t.diffHint}
      </Text>
      <DiffSide title={t.current} parts={diff.a} />
      <DiffSide title={t.kept} parts={diff.b} />
    </SimpleGrid>
  );
}

function DiffSide({ title, parts }: { title: string; parts: DiffPart[] }) {
  return (
    <div>
      <Text size="xs" fw={700}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {parts.map((p, i) =>
          p.changed ? (
            <Mark key={i} data-testid="diff-changed">
              {p.text}
            </Mark>
          ) : (
            <Fragment key={i}>{p.text}</Fragment>
          ),
        )}
      </Text>
    </div>
  );
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
