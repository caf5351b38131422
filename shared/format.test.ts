import { describe, expect, it } from 'vitest';

import { formatDate, formatDateTime, formatIsoDate } from './format';

describe('German date formatting in Europe/Berlin', () => {
  it('formats winter time (UTC+1) as dd.MM.yyyy HH:mm', () => {
    expect(formatDateTime(Date.UTC(2025, 0, 5, 23, 7))).toBe('06.01.2025 00:07');
  });
  it('formats summer time (UTC+2)', () => {
    expect(formatDateTime(Date.UTC(2025, 6, 1, 1, 30))).toBe('01.07.2025 03:30');
  });
  it('uses 24-hour time', () => {
    expect(formatDateTime(Date.UTC(2025, 6, 1, 20, 5))).toBe('01.07.2025 22:05');
  });
  it('formats a date alone and an ISO birth date', () => {
    expect(formatDate(Date.UTC(2025, 11, 31, 23, 30))).toBe('01.01.2026');
    expect(formatIsoDate('2014-03-09')).toBe('09.03.2014');
  });
});
