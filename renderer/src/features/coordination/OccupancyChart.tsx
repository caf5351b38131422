import { Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { formatDateTime } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { OFFICE_IDS } from '../../../../shared/offices';
import { occupancyByOffice } from '../../../../shared/placement/occupancy';
import type { Hold } from '../../../../shared/schema/hold';

const t = de.app.coordination.occupancy;
const DAY_MS = 24 * 3_600_000;
/** One point every three hours over a week. */
const POINTS = 7 * 8 + 1;
const COLORS = ['#4dabf7', '#69db7c', '#ffa94d', '#da77f2', '#ff8787'];

/** Places taken by each office over the last week, and now (the table keeps the figures readable without the chart). */
export function OccupancyChart({ holds, now }: { holds: Hold[]; now: number }) {
  const points = useMemo(
    () => occupancyByOffice(holds, { from: now - 7 * DAY_MS, to: now, points: POINTS }, now),
    [holds, now],
  );
  const current = points[points.length - 1];
  if (holds.length === 0) return <Text c="dimmed">{t.empty}</Text>;
  return (
    <>
      <Title order={3} size="h4" mb="sm">
        {t.title}
      </Title>
      <div style={{ width: '100%', height: 320 }} data-testid="occupancy-chart">
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#444" />
            <XAxis
              dataKey="at"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(at: number) => formatDateTime(at).slice(0, 6)}
              stroke="#aaa"
            />
            <YAxis allowDecimals={false} stroke="#aaa" />
            <Tooltip
              labelFormatter={(at) => formatDateTime(Number(at))}
              contentStyle={{ background: '#222', border: '1px solid #555' }}
            />
            <Legend />
            {OFFICE_IDS.map((office, i) => (
              <Line
                key={office}
                type="stepAfter"
                dataKey={office}
                name={de.offices[office]}
                stroke={COLORS[i]}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Table mt="md" aria-label={t.table} data-testid="occupancy-now">
        <Table.Caption>{t.table}</Table.Caption>
        <Table.Tbody>
          {OFFICE_IDS.map((office) => (
            <Table.Tr key={office}>
              <Table.Td>{de.offices[office]}</Table.Td>
              <Table.Td data-office={office}>{current[office]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
