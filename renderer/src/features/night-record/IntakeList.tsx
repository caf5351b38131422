import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { obligationsOfIntake } from '../../../../shared/nightRecord/deadlineFacts';
import { type Intake, reviewStateOf } from '../../../../shared/schema/intake';
import { nameOf } from '../../record/name';
import { reviewStateColor } from '../../record/review-state';

const t = de.app.intakes;

type Props = {
  intakes: Intake[];
  pendingIds: ReadonlySet<string>;
  rejectedIds: ReadonlySet<string>;
  /** The moment the deadlines are judged at. */
  now: number;
  /** The user's office: a record of another one was received by handover (read only). */
  userOfficeId?: string;
  onOpen: (id: string) => void;
};

/** The deadlines column: overdue ones in red, else the next one due. */
function Deadlines({ intake, now }: { intake: Intake; now: number }) {
  const open = obligationsOfIntake(intake, now).filter((o) => o.status !== 'done');
  const overdue = open.filter((o) => o.status === 'overdue');
  if (overdue.length > 0) {
    return (
      <Badge
        color="red"
        variant="filled"
        data-testid="marker-overdue"
        title={overdue.map((o) => de.deadlines.kinds[o.kind]).join(', ')}
      >
        {t.markers.overdue(overdue.length)}
      </Badge>
    );
  }
  const next = open[0];
  if (!next) return <Text c="dimmed">{t.markers.noDeadlines}</Text>;
  return (
    <Text size="sm" c={next.status === 'dueSoon' ? 'yellow' : undefined} data-testid="next-deadline">
      {t.markers.nextDue(de.deadlines.kinds[next.kind], formatDateTime(next.dueAt))}
    </Text>
  );
}

/** The office's intakes, newest call first (the caller sorts and filters), with deadlines and sync markers. */
export function IntakeList({ intakes, pendingIds, rejectedIds, now, userOfficeId, onOpen }: Props) {
  return (
    <Table highlightOnHover aria-label={t.listLabel} data-testid="intake-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t.columns.child}</Table.Th>
          <Table.Th>{t.columns.receivedAt}</Table.Th>
          <Table.Th>{t.columns.status}</Table.Th>
          <Table.Th>{t.columns.deadlines}</Table.Th>
          <Table.Th>{t.columns.sync}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {intakes.map((intake) => {
          const name = nameOf(intake);
          return (
            <Table.Tr key={intake.id} data-testid="intake-row" data-intake-id={intake.id}>
              <Table.Td>
                <UnstyledButton onClick={() => onOpen(intake.id)} aria-label={t.open(name)} fw={600}>
                  {name}
                </UnstyledButton>
              </Table.Td>
              <Table.Td>{formatDateTime(intake.receivedAt)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{de.intakeStatus[intake.status]}</Text>
                  {intake.status === 'submitted' && (
                    // The morning review: a record returned to the worker stands out in the list.
                    <Badge
                      color={reviewStateColor(reviewStateOf(intake))}
                      variant={reviewStateOf(intake) === 'returned' ? 'filled' : 'light'}
                      data-testid="marker-review"
                      data-state={reviewStateOf(intake)}
                    >
                      {de.review.states[reviewStateOf(intake)]}
                    </Badge>
                  )}
                  {userOfficeId !== undefined && intake.officeId !== userOfficeId && (
                    <Badge color="grape" variant="light" data-testid="marker-received">
                      {de.review.ui.receivedFrom(intake.officeId)}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Deadlines intake={intake} now={now} />
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {pendingIds.has(intake.id) && (
                    <Badge color="yellow" variant="light" data-testid="marker-pending">
                      {t.markers.pending}
                    </Badge>
                  )}
                  {intake.conflicts.length > 0 && (
                    <Badge color="orange" variant="light" data-testid="marker-conflict">
                      {t.markers.conflict}
                    </Badge>
                  )}
                  {rejectedIds.has(intake.id) && (
                    <Badge color="red" variant="light" data-testid="marker-rejected">
                      {t.markers.rejected}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
