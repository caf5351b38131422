import { describe, expect, it } from 'vitest';

import { FREE_REPORTS_KEPT, latestFreeReport, withFreeReport } from './reports';

const report = (id: string, reportedAt: number, free = 1) => ({ id, free, reportedAt, reportedBy: 'k' });

describe('free-places reports', () => {
  it('counts the latest report by time, whatever the order in the list', () => {
    expect(latestFreeReport({ freeReports: [report('b', 200), report('a', 100)] }).id).toBe('b');
    expect(latestFreeReport({ freeReports: [report('a', 100), report('b', 200), report('c', 150)] }).id).toBe('b');
  });

  it('breaks a tie in time by id, so every replica picks the same report', () => {
    expect(latestFreeReport({ freeReports: [report('x', 100), report('y', 100)] }).id).toBe('y');
    expect(latestFreeReport({ freeReports: [report('y', 100), report('x', 100)] }).id).toBe('y');
  });

  it('adds a report in time order, replaces one with the same id and drops the oldest beyond the limit', () => {
    const start = { freeReports: [report('r2', 200)] };
    expect(withFreeReport(start, report('r1', 100)).freeReports.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(withFreeReport(start, report('r2', 200, 5)).freeReports).toEqual([report('r2', 200, 5)]);
    let f = start;
    for (let i = 0; i < FREE_REPORTS_KEPT + 3; i++) f = withFreeReport(f, report(`n${i}`, 1000 + i));
    expect(f.freeReports).toHaveLength(FREE_REPORTS_KEPT);
    expect(f.freeReports[0].id).toBe('n3');
    expect(latestFreeReport(f).id).toBe(`n${FREE_REPORTS_KEPT + 2}`);
  });
});
