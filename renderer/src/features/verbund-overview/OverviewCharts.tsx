import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { REFUSAL_REASONS } from '../../../../shared/catalogues/entry';
import { formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { OFFICE_IDS, type OfficeId } from '../../../../shared/offices';
import {
  DURATION_BUCKETS,
  PLACEMENT_AREAS,
  REFUSAL_UNSPECIFIED,
  type CallToPlacement,
  type PerOffice,
  type RefusalReasonKey,
  type VerbundOverview,
  type WeekRow,
} from '../../../../shared/overview';

const t = de.overview;
const OFFICE_COLORS = ['#4dabf7', '#69db7c', '#ffa94d', '#da77f2', '#ff8787'];
const SCALE = ['#63e6be', '#74c0fc', '#ffd43b', '#ffa94d', '#ff6b6b'];
const AREA_COLORS = ['#69db7c', '#4dabf7', '#ffa94d', '#868e96'];
const AXIS = '#aaa';
const TOOLTIP = { contentStyle: { background: '#222', border: '1px solid #555' } };

const officeName = (office: OfficeId) => de.offices[office];
const shortWeek = (monday: string) => formatIsoDate(monday).slice(0, 6);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A chart is a picture of the table below it: hidden from screen readers, which read the table. */
function ChartBox({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div style={{ width: '100%', height: 300 }} aria-hidden="true" data-testid={testId}>
      <ResponsiveContainer initialDimension={{ width: 640, height: 300 }}>{children as never}</ResponsiveContainer>
    </div>
  );
}

function Section({ title, explain, children }: { title: string; explain?: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <Title order={3} size="h4" mb={4}>
        {title}
      </Title>
      {explain && (
        <Text size="sm" c="dimmed" mb="sm">
          {explain}
        </Text>
      )}
      {children}
    </section>
  );
}

/** Counts per office and week: grouped bars, and the same figures as a table. */
function WeeklyCounts({ rows, total, caption, testId }: { rows: WeekRow[]; total: PerOffice; caption: string; testId: string }) {
  return (
    <>
      <ChartBox testId={`${testId}-chart`}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#444" />
          <XAxis dataKey="week" tickFormatter={shortWeek} stroke={AXIS} />
          <YAxis allowDecimals={false} stroke={AXIS} />
          <Tooltip labelFormatter={(week) => t.weekOf(formatIsoDate(String(week)))} {...TOOLTIP} />
          <Legend />
          {OFFICE_IDS.map((office, i) => (
            <Bar key={office} dataKey={office} name={officeName(office)} fill={OFFICE_COLORS[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartBox>
      <Table.ScrollContainer minWidth={640}>
        <Table data-testid={testId} striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.week}</Table.Th>
              {OFFICE_IDS.map((office) => (
                <Table.Th key={office} scope="col">
                  {officeName(office)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t.verbund}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.week} data-week={row.week}>
                <Table.Th scope="row">{t.weekOf(formatIsoDate(row.week))}</Table.Th>
                {OFFICE_IDS.map((office) => (
                  <Table.Td key={office}>{row[office]}</Table.Td>
                ))}
                <Table.Td>{sum(OFFICE_IDS.map((o) => row[o]))}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr data-week="total">
              <Table.Th scope="row">{t.total}</Table.Th>
              {OFFICE_IDS.map((office) => (
                <Table.Td key={office}>{total[office]}</Table.Td>
              ))}
              <Table.Td>{sum(OFFICE_IDS.map((o) => total[o]))}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

const minutes = (m: number | null) => (m === null ? t.duration.none : t.duration.minutes(m));

function Durations({ data }: { data: VerbundOverview['callToPlacement'] }) {
  const rows = OFFICE_IDS.map((office) => ({ office: officeName(office), ...data.byOffice[office].buckets }));
  const line = (key: string, label: string, d: CallToPlacement) => (
    <Table.Tr key={key} data-office={key}>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{d.measured}</Table.Td>
      <Table.Td>{minutes(d.medianMinutes)}</Table.Td>
      {DURATION_BUCKETS.map((b) => (
        <Table.Td key={b}>{d.buckets[b]}</Table.Td>
      ))}
      <Table.Td>{d.implausible}</Table.Td>
    </Table.Tr>
  );
  return (
    <Section title={t.duration.title} explain={t.duration.explain}>
      <ChartBox testId="overview-duration-chart">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#444" />
          <XAxis dataKey="office" stroke={AXIS} />
          <YAxis allowDecimals={false} stroke={AXIS} />
          <Tooltip {...TOOLTIP} />
          <Legend />
          {DURATION_BUCKETS.map((b, i) => (
            <Bar key={b} dataKey={b} name={t.duration.buckets[b]} stackId="d" fill={SCALE[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartBox>
      <Table.ScrollContainer minWidth={800}>
        <Table data-testid="overview-duration" striped>
          <Table.Caption>{t.duration.table}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.office}</Table.Th>
              <Table.Th scope="col">{t.duration.measured}</Table.Th>
              <Table.Th scope="col">{t.duration.median}</Table.Th>
              {DURATION_BUCKETS.map((b) => (
                <Table.Th key={b} scope="col">
                  {t.duration.buckets[b]}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t.duration.implausible}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {OFFICE_IDS.map((office) => line(office, officeName(office), data.byOffice[office]))}
            {line('verbund', t.verbund, data.verbund)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

const REASONS: readonly RefusalReasonKey[] = [...REFUSAL_REASONS, REFUSAL_UNSPECIFIED];
const reasonLabel = (r: RefusalReasonKey) => (r === REFUSAL_UNSPECIFIED ? t.refusals.unspecified : de.nightRecord.refusalReasons[r]);

function Refusals({ data }: { data: VerbundOverview['refusals'] }) {
  return (
    <Section title={t.refusals.title} explain={t.refusals.explain}>
      <WeeklyCounts rows={data.byWeek} total={data.total} caption={t.refusals.table} testId="overview-refusals" />
      <Table.ScrollContainer minWidth={800}>
        <Table data-testid="overview-refusal-reasons" striped mt="md">
          <Table.Caption>{t.refusals.reasonsTable}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.office}</Table.Th>
              {REASONS.map((r) => (
                <Table.Th key={r} scope="col">
                  {reasonLabel(r)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {OFFICE_IDS.map((office) => (
              <Table.Tr key={office} data-office={office}>
                <Table.Th scope="row">{officeName(office)}</Table.Th>
                {REASONS.map((r) => (
                  <Table.Td key={r}>{data.byReason[office][r]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

function Areas({ data }: { data: VerbundOverview['placementAreas'] }) {
  const rows = OFFICE_IDS.map((office) => ({ office: officeName(office), ...data[office] }));
  return (
    <Section title={t.areas.title} explain={t.areas.explain}>
      <ChartBox testId="overview-areas-chart">
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#444" />
          <XAxis dataKey="office" stroke={AXIS} />
          <YAxis allowDecimals={false} stroke={AXIS} />
          <Tooltip {...TOOLTIP} />
          <Legend />
          {PLACEMENT_AREAS.map((a, i) => (
            <Bar key={a} dataKey={a} name={t.areas.labels[a]} stackId="a" fill={AREA_COLORS[i]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ChartBox>
      <Table.ScrollContainer minWidth={700}>
        <Table data-testid="overview-areas" striped>
          <Table.Caption>{t.areas.table}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.office}</Table.Th>
              {PLACEMENT_AREAS.map((a) => (
                <Table.Th key={a} scope="col">
                  {t.areas.labels[a]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {OFFICE_IDS.map((office) => (
              <Table.Tr key={office} data-office={office}>
                <Table.Th scope="row">{officeName(office)}</Table.Th>
                {PLACEMENT_AREAS.map((a) => (
                  <Table.Td key={a}>{data[office][a]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** The four figures of the overview, each as a chart with its table. */
export function OverviewCharts({ data }: { data: VerbundOverview }) {
  const intakes = sum(OFFICE_IDS.map((o) => data.intakes.total[o]));
  return (
    <>
      <Text size="sm" c="dimmed">
        {t.chartHint}
      </Text>
      <Section title={t.intakes.title}>
        {intakes === 0 && (
          <Text c="dimmed" mb="sm">
            {t.intakes.empty}
          </Text>
        )}
        <WeeklyCounts rows={data.intakes.byWeek} total={data.intakes.total} caption={t.intakes.table} testId="overview-intakes" />
      </Section>
      <Durations data={data.callToPlacement} />
      <Refusals data={data.refusals} />
      <Areas data={data.placementAreas} />
    </>
  );
}
