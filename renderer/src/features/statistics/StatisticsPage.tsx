import { Alert, Button, Group, List, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';

import { de } from '../../../../shared/i18n';
import type { Intake } from '../../../../shared/schema/intake';
import { REPORT_YEARS } from '../../../../shared/statistics/catalogue';
import {
  defaultReportYear,
  reportYearWithData,
  type StatisticsReport,
  statisticsReport,
} from '../../../../shared/statistics/report';
import { useClient } from '../../app/client-context';
import { SearchSelect } from '../../app/inputs/SearchSelect';
import { useNavigation } from '../../app/navigation';
import { saveFile } from '../../app/save-file';
import { useIntakes, usePendingIds } from '../../data/hooks';
import { buildStatisticsCsv } from './csv-download';
import { StatisticsCounts } from './StatisticsCounts';
import { ValidationReport } from './ValidationReport';

const t = de.statistics;
const YEAR_OPTIONS = REPORT_YEARS.map((y) => ({ value: String(y), label: String(y) }));

/**
 * The federal statistics of the office (role supervisor): pick the report year, check the counts and the
 * incomplete records, download the CSV. Computed on this device from the office's records as synced here.
 */
export function StatisticsPage({ now = Date.now }: { now?: () => number }) {
  const client = useClient();
  const navigation = useNavigation();
  const intakes = useIntakes();
  const pendingIds = usePendingIds();
  const officeId = client.user.officeId;
  const [chosen, setYear] = useState<number | null>(null);
  const opening = useMemo(
    () => (intakes ? reportYearWithData(intakes, officeId, now()) : defaultReportYear(now())),
    [intakes, officeId, now],
  );
  const year = chosen ?? opening;

  const report = useMemo(() => (intakes ? statisticsReport(intakes, year, officeId) : null), [intakes, year, officeId]);
  const byId = useMemo(() => new Map((intakes ?? []).map((i) => [i.id, i])), [intakes]);
  const unsynced = useMemo(() => [...pendingIds].filter((id) => byId.has(id)).length, [pendingIds, byId]);

  return (
    <Stack data-testid="statistics" pb={96}>
      <Title order={2}>{t.page.title}</Title>
      <Text size="sm" c="dimmed">
        {t.page.intro}
      </Text>
      {unsynced > 0 && <Alert color="yellow">{t.page.unsynced(unsynced)}</Alert>}
      <SearchSelect
        label={t.page.year}
        value={String(year)}
        // A report is always of one year: an emptied field keeps the one shown.
        onChange={(next) => next && setYear(Number(next))}
        data={YEAR_OPTIONS}
        maw={200}
      />
      {!report ? (
        <Loader aria-label={de.app.shell.loading} />
      ) : (
        <YearReport
          key={year}
          report={report}
          intakes={byId}
          fileName={t.csv.fileName(year, officeId)}
          onOpen={(id) => navigation.go({ kind: 'intakes', intakeId: id })}
        />
      )}
    </Stack>
  );
}

function YearReport(props: {
  report: StatisticsReport;
  intakes: ReadonlyMap<string, Intake>;
  fileName: string;
  onOpen: (id: string) => void;
}) {
  const { report } = props;
  const client = useClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const kinds = {
    '42': report.measures.filter((m) => m.measureKind === '42').length,
    '42a': report.measures.filter((m) => m.measureKind === '42a').length,
  };

  const download = async () => {
    setNotice(null);
    setProgress(0);
    try {
      const blob = await buildStatisticsCsv(report, setProgress);
      saveFile(blob, props.fileName);
      // The export the server's deletion run waits for (shared/retention.ts), and an export of many records.
      client.accessLog.record('statistics', undefined, { year: report.year, count: report.measures.length });
      setNotice({ ok: true, text: t.page.downloaded(report.measures.length, props.fileName) });
    } catch {
      setNotice({ ok: false, text: t.page.downloadFailed });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack>
      {report.catalogue.verify.length > 0 && (
        <Alert color="yellow" title={t.page.verifyTitle} data-testid="statistics-verify">
          <List size="sm">
            {report.catalogue.verify.map((note) => (
              <List.Item key={note}>{t.verify[note]}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.measures.length === 0 ? (
        <Text data-testid="statistics-summary">{t.page.none}</Text>
      ) : (
        <Text fw={500} data-testid="statistics-summary">
          {t.page.summary(report.measures.length, kinds)} ·{' '}
          {t.page.completeness(report.measures.length - report.incomplete.length, report.incomplete.length)}
        </Text>
      )}
      <Group align="center">
        <Button onClick={() => void download()} loading={progress !== null}>
          {t.page.download}
        </Button>
        <Text size="sm" c="dimmed">
          {t.page.downloadHint}
        </Text>
      </Group>
      {progress !== null && (
        <Stack gap={4}>
          <Progress value={Math.round(progress * 100)} aria-label={t.page.downloading(Math.round(progress * 100))} />
          <Text size="sm">{t.page.downloading(Math.round(progress * 100))}</Text>
        </Stack>
      )}
      {notice && (
        <Alert color={notice.ok ? 'green' : 'red'} data-testid="statistics-download-notice">
          {notice.text}
        </Alert>
      )}
      <ValidationReport report={report} intakes={props.intakes} onOpen={props.onOpen} />
      {report.measures.length > 0 && (
        <>
          <Title order={3}>{t.page.countsTitle}</Title>
          <StatisticsCounts measures={report.measures} />
        </>
      )}
    </Stack>
  );
}
