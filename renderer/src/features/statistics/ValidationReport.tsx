import { Button, List, Stack, Table, Text, Title } from '@mantine/core';

import { formatDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { gapText } from '../../../../shared/statistics/labels';
import type { StatisticsReport } from '../../../../shared/statistics/report';
import { nameOf } from '../../record/name';

const t = de.statistics.page;

type Props = {
  report: StatisticsReport;
  intakes: ReadonlyMap<string, Intake>;
  onOpen: (id: string) => void;
};

const dateOf = (ms: number | undefined) => (ms === undefined ? '–' : formatDate(ms));

/** The incomplete measures with what each lacks and where to fill it in, then the measures without an end. */
export function ValidationReport({ report, intakes, onOpen }: Props) {
  const name = (id: string) => {
    const intake = intakes.get(id);
    return intake ? nameOf(intake) : id;
  };
  return (
    <Stack>
      <Title order={3}>{t.incompleteTitle}</Title>
      {report.incomplete.length === 0 ? (
        <Text data-testid="statistics-all-complete">{t.allComplete}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t.incompleteIntro}
          </Text>
          <Table data-testid="statistics-incomplete" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.columns.child}</Table.Th>
                <Table.Th>{t.columns.start}</Table.Th>
                <Table.Th>{t.columns.end}</Table.Th>
                <Table.Th>{t.columns.gaps}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.incomplete.map((m) => (
                <Table.Tr key={m.measureId} data-record-id={m.id}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      px={0}
                      aria-label={t.openRecord(name(m.id))}
                      onClick={() => onOpen(m.id)}
                    >
                      {name(m.id)}
                    </Button>
                  </Table.Td>
                  <Table.Td>{dateOf(m.start)}</Table.Td>
                  <Table.Td>{dateOf(m.end)}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {m.gaps.map((gap) => (
                        <List.Item key={`${gap.field}-${gap.problem}`}>{gapText(gap)}</List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      {report.open.length > 0 && (
        <>
          <Title order={3}>{t.openTitle}</Title>
          <Text size="sm" c="dimmed">
            {t.openIntro(report.year)}
          </Text>
          <Table data-testid="statistics-open">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.columns.child}</Table.Th>
                <Table.Th>{t.columns.start}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.open.map((o) => (
                <Table.Tr key={o.id} data-record-id={o.id}>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      px={0}
                      aria-label={t.openRecord(name(o.id))}
                      onClick={() => onOpen(o.id)}
                    >
                      {name(o.id)}
                    </Button>
                  </Table.Td>
                  <Table.Td>{formatDate(o.start)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
