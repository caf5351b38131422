import { SimpleGrid, Table, Title } from '@mantine/core';

import { de } from '../../../../shared/i18n';
import type { MeasureStatistics } from '../../../../shared/statistics/measure';
import { countBy, COUNTED_FIELDS, type CountedField } from '../../../../shared/statistics/report';

const t = de.statistics;

/** One small table per counted field: every category of the form with its number, gaps last. */
export function StatisticsCounts({ measures }: { measures: readonly MeasureStatistics[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {(Object.keys(COUNTED_FIELDS) as CountedField[]).map((field) => {
        const { counts, missing } = countBy(measures, field);
        const labels = t.categories[field] as Record<string, string>;
        return (
          <Table key={field} data-testid={`counts-${field}`} captionSide="top" withTableBorder striped>
            <Table.Caption>
              <Title order={4} size="h6" ta="left">
                {t.fields[field]}
              </Title>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.page.countColumns.category}</Table.Th>
                <Table.Th ta="right">{t.page.countColumns.count}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map(({ code, count }) => (
                <Table.Tr key={code}>
                  <Table.Td>{labels[code]}</Table.Td>
                  <Table.Td ta="right">{count}</Table.Td>
                </Table.Tr>
              ))}
              {missing > 0 && (
                <Table.Tr c="orange">
                  <Table.Td>{t.page.countMissing}</Table.Td>
                  <Table.Td ta="right">{missing}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        );
      })}
    </SimpleGrid>
  );
}
