import { statisticsCsvParts } from '../../../../shared/statistics/csv';
import type { StatisticsReport } from '../../../../shared/statistics/report';

/**
 * Builds the report's CSV part by part, yielding to the page between parts so that a large export shows its
 * progress (0..1) and the window stays responsive.
 */
export async function buildStatisticsCsv(
  report: Pick<StatisticsReport, 'measures' | 'catalogue'>,
  onProgress: (done: number) => void,
  chunkSize = 200,
): Promise<Blob> {
  const total = report.measures.length;
  const parts: string[] = [];
  let rows = 0;
  for (const part of statisticsCsvParts(report.measures, report.catalogue, chunkSize)) {
    if (parts.length > 0) rows = Math.min(total, rows + chunkSize);
    parts.push(part);
    onProgress(total === 0 ? 1 : rows / total);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
