import { describe, expect, it } from 'vitest';

import { catalogueFor } from './catalogue';
import { csvCell, statisticsColumns, statisticsCsv, statisticsCsvParts } from './csv';
import { FIXTURE_2025 } from './fixtures/measures2025';
import { statisticsReport } from './report';

describe('CSV cells', () => {
  it.each([
    ['Einrichtung', 'Einrichtung'],
    ['Lehrer/-in, Erzieher/-in', 'Lehrer/-in, Erzieher/-in'],
    ['a;b', '"a;b"'],
    ['sagt "nein"', '"sagt ""nein"""'],
    ['zwei\r\nZeilen', '"zwei\r\nZeilen"'],
    ['', ''],
  ])('%j -> %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each(['=1+1', '+49', '-2', '@SUM(A1)'])('keeps %j from being read as a formula', (value) => {
    expect(csvCell(value)).toBe(`'${value}`);
  });
});

describe('the CSV file', () => {
  const report = statisticsReport(FIXTURE_2025, 2025, 'segeberg');

  it('has one column per field and one per reason of the year, the gaps last', () => {
    const headers = statisticsColumns(catalogueFor(2025)).map((c) => c.header);
    expect(headers).toHaveLength(33);
    expect(headers.slice(0, 3)).toEqual(['Kennung', 'Art des Trägers', 'Art der Maßnahme']);
    expect(headers.filter((h) => h.startsWith('Grund: '))).toHaveLength(14);
    expect(headers.at(-1)).toBe('Fehlende Angaben');
  });

  it('comes in parts of the chunk size that join to the whole file', () => {
    const parts = [...statisticsCsvParts(report.measures, report.catalogue, 10)];
    // Header, then 35 rows in parts of 10, 10, 10, 5.
    expect(parts).toHaveLength(5);
    expect(parts.slice(1).map((p) => p.split('\r\n').length - 1)).toEqual([10, 10, 10, 5]);
    expect(parts.join('')).toBe(statisticsCsv(report.measures, report.catalogue));
  });

  it('is the header alone when nothing ended', () => {
    const csv = statisticsCsv([], catalogueFor(2025));
    expect(csv.split('\r\n')).toHaveLength(2);
    expect(csv.startsWith('\uFEFFKennung;')).toBe(true);
  });
});
