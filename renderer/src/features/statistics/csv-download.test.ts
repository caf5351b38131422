import { statisticsCsv } from '../../../../shared/statistics/csv';
import { FIXTURE_2025 } from '../../../../shared/statistics/fixtures/measures2025';
import { statisticsReport } from '../../../../shared/statistics/report';
import { buildStatisticsCsv } from './csv-download';

const { measures, catalogue } = statisticsReport(FIXTURE_2025, 2025, 'segeberg');

/** A large office year: the fixture's 35 measures repeated under new ids. */
const many = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ ...measures[i % measures.length], id: `m-${i}` }));

describe('building the CSV for download', () => {
  it('reports progress part by part up to the whole and yields to the page between parts', async () => {
    const large = many(1000);
    const progress: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const blob = await buildStatisticsCsv({ measures: large, catalogue }, (p) => progress.push(p), 200);
    clearInterval(timer);
    expect(progress).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks).toBeGreaterThan(0);
    expect(await blob.text()).toBe(statisticsCsv(large, catalogue).replace(/^\uFEFF/, ''));
  });

  it('finishes at once when nothing ended in the year', async () => {
    const progress: number[] = [];
    const blob = await buildStatisticsCsv({ measures: [], catalogue }, (p) => progress.push(p));
    expect(progress).toEqual([1]);
    expect((await blob.text()).split('\r\n')).toHaveLength(2);
  });
});
