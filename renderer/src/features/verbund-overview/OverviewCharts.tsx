import { Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import { REFUSAL_REASONS } from '../../../../shared/catalogues/entry';
import { asText, formatIsoDate } from '../../../../shared/format';
import { de } from '../../../../shared/i18n';
import { OFFICE_IDS, type OfficeId } from '../../../../shared/offices';
import {
  type CallToPlacement,
  type Cell,
  DURATION_BUCKETS,
  type DurationBucket,
  type PerOffice,
  perOffice,
  PLACEMENT_AREAS,
  type PlacementArea,
  REFUSAL_UNSPECIFIED,
  type RefusalReasonKey,
  SUPPRESSED,
  type Tally,
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
/** A figure of a table: the count, or "< 3" where the server suppressed it. */
const shown = (c: Cell) => (c === SUPPRESSED ? t.suppressed : c);
/** A figure of a chart: a suppressed one draws no bar (its table says "< 3"). */
const plotted = (c: Cell) => (c === SUPPRESSED ? null : c);
const plottedRow = <K extends string>(row: Record<K, Cell>) =>
  Object.fromEntries(Object.entries<Cell>(row).map(([k, c]) => [k, plotted(c)])) as Record<K, number | null>;

/**
 * A chart is a picture of the table below it: hidden from screen readers, which read the table, and inert, so
 * that none of its parts takes the keyboard focus.
 */
function ChartBox({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div style={{ width: '100%', height: 300 }} aria-hidden="true" inert data-testid={testId}>
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
function WeeklyCounts({
  rows,
  total,
  caption,
  testId,
}: {
  rows: WeekRow[];
  total: Tally<Cell>;
  caption: string;
  testId: string;
}) {
  return (
    <>
      <ChartBox testId={`${testId}-chart`}>
        <BarChart
          data={rows.map(({ week, ...row }) => ({ ...plottedRow(row), week }))}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#444" />
          <XAxis dataKey="week" tickFormatter={shortWeek} stroke={AXIS} />
          <YAxis allowDecimals={false} stroke={AXIS} />
          <Tooltip labelFormatter={(week) => t.weekOf(formatIsoDate(asText(week)))} {...TOOLTIP} />
          <Legend />
          {OFFICE_IDS.map((office, i) => (
            <Bar
              key={office}
              dataKey={office}
              name={officeName(office)}
              fill={OFFICE_COLORS[i]}
              isAnimationActive={false}
            />
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
                  <Table.Td key={office}>{shown(row[office])}</Table.Td>
                ))}
                <Table.Td>{shown(row.verbund)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr data-week="total">
              <Table.Th scope="row">{t.total}</Table.Th>
              {OFFICE_IDS.map((office) => (
                <Table.Td key={office}>{shown(total[office])}</Table.Td>
              ))}
              <Table.Td>{shown(total.verbund)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

type Column<T> = { key: string; label: string; value: (row: T) => ReactNode };

/**
 * One row per office (data-office = its id) and, where given, a last row for the Verbund (data-office="verbund"):
 * the tables of the durations, the refusal reasons and the placement areas.
 */
function PerOfficeTable<T>(props: {
  testId: string;
  caption: string;
  minWidth: number;
  columns: readonly Column<T>[];
  byOffice: PerOffice<T>;
  verbund?: T;
  mt?: string;
}) {
  const { columns } = props;
  const line = (key: string, label: string, row: T) => (
    <Table.Tr key={key} data-office={key}>
      <Table.Th scope="row">{label}</Table.Th>
      {columns.map((c) => (
        <Table.Td key={c.key}>{c.value(row)}</Table.Td>
      ))}
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={props.minWidth}>
      <Table data-testid={props.testId} striped mt={props.mt}>
        <Table.Caption>{props.caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.office}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col">
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {OFFICE_IDS.map((office) => line(office, officeName(office), props.byOffice[office]))}
          {props.verbund !== undefined && line('verbund', t.verbund, props.verbund)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Columns of plain counts, one per key. */
const countColumns = <K extends string>(keys: readonly K[], label: (key: K) => string): Column<Record<K, Cell>>[] =>
  keys.map((key) => ({ key, label: label(key), value: (row) => shown(row[key]) }));

/** Per office, counts stacked by key: the picture of a PerOfficeTable of counts. */
function StackedPerOffice<K extends string>(props: {
  testId: string;
  keys: readonly K[];
  label: (key: K) => string;
  colors: readonly string[];
  counts: PerOffice<Record<K, Cell>>;
}) {
  const rows = OFFICE_IDS.map((office) => ({ office: officeName(office), ...plottedRow(props.counts[office]) }));
  return (
    <ChartBox testId={props.testId}>
      <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#444" />
        <XAxis dataKey="office" stroke={AXIS} />
        <YAxis allowDecimals={false} stroke={AXIS} />
        <Tooltip {...TOOLTIP} />
        <Legend />
        {props.keys.map((key, i) => (
          <Bar
            key={key}
            dataKey={key}
            name={props.label(key)}
            stackId="s"
            fill={props.colors[i]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}

const minutes = (m: Cell | null) =>
  m === null ? t.duration.none : m === SUPPRESSED ? t.suppressed : t.duration.minutes(m);
const bucketLabel = (b: DurationBucket) => t.duration.buckets[b];

const DURATION_COLUMNS: readonly Column<CallToPlacement>[] = [
  { key: 'measured', label: t.duration.measured, value: (d) => shown(d.measured) },
  { key: 'median', label: t.duration.median, value: (d) => minutes(d.medianMinutes) },
  ...DURATION_BUCKETS.map((b): Column<CallToPlacement> => ({
    key: b,
    label: bucketLabel(b),
    value: (d) => shown(d.buckets[b]),
  })),
  { key: 'implausible', label: t.duration.implausible, value: (d) => shown(d.implausible) },
];

function Durations({ data }: { data: VerbundOverview['callToPlacement'] }) {
  return (
    <Section title={t.duration.title} explain={t.duration.explain}>
      <StackedPerOffice
        testId="overview-duration-chart"
        keys={DURATION_BUCKETS}
        label={bucketLabel}
        colors={SCALE}
        counts={perOffice((office) => data.byOffice[office].buckets)}
      />
      <PerOfficeTable
        testId="overview-duration"
        caption={t.duration.table}
        minWidth={800}
        columns={DURATION_COLUMNS}
        byOffice={data.byOffice}
        verbund={data.verbund}
      />
    </Section>
  );
}

const REASONS: readonly RefusalReasonKey[] = [...REFUSAL_REASONS, REFUSAL_UNSPECIFIED];
const reasonLabel = (r: RefusalReasonKey) =>
  r === REFUSAL_UNSPECIFIED ? t.refusals.unspecified : de.nightRecord.refusalReasons[r];

function Refusals({ data }: { data: VerbundOverview['refusals'] }) {
  return (
    <Section title={t.refusals.title} explain={t.refusals.explain}>
      <WeeklyCounts rows={data.byWeek} total={data.total} caption={t.refusals.table} testId="overview-refusals" />
      <PerOfficeTable
        testId="overview-refusal-reasons"
        caption={t.refusals.reasonsTable}
        minWidth={800}
        mt="md"
        columns={countColumns(REASONS, reasonLabel)}
        byOffice={data.byReason}
      />
    </Section>
  );
}

const areaLabel = (a: PlacementArea) => t.areas.labels[a];

function Areas({ data }: { data: VerbundOverview['placementAreas'] }) {
  return (
    <Section title={t.areas.title} explain={t.areas.explain}>
      <StackedPerOffice
        testId="overview-areas-chart"
        keys={PLACEMENT_AREAS}
        label={areaLabel}
        colors={AREA_COLORS}
        counts={data}
      />
      <PerOfficeTable
        testId="overview-areas"
        caption={t.areas.table}
        minWidth={700}
        columns={countColumns(PLACEMENT_AREAS, areaLabel)}
        byOffice={data}
      />
    </Section>
  );
}

/** The four figures of the overview, each as a chart with its table. */
export function OverviewCharts({ data }: { data: VerbundOverview }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {t.chartHint} {t.suppressedHint}
      </Text>
      <Section title={t.intakes.title}>
        {data.intakes.total.verbund === 0 && (
          <Text c="dimmed" mb="sm">
            {t.intakes.empty}
          </Text>
        )}
        <WeeklyCounts
          rows={data.intakes.byWeek}
          total={data.intakes.total}
          caption={t.intakes.table}
          testId="overview-intakes"
        />
      </Section>
      <Durations data={data.callToPlacement} />
      <Refusals data={data.refusals} />
      <Areas data={data.placementAreas} />
    </>
  );
}
