import { berlinToday, fromBerlinInput, toBerlinInput } from './berlin-time';

describe('Berlin wall-clock time for form fields', () => {
  it('writes winter and summer times in Berlin, not in the machine zone', () => {
    expect(toBerlinInput(Date.UTC(2025, 0, 15, 22, 5))).toBe('2025-01-15T23:05');
    expect(toBerlinInput(Date.UTC(2025, 6, 15, 22, 5))).toBe('2025-07-16T00:05');
  });

  it('reads back what it writes', () => {
    for (const ms of [Date.UTC(2025, 2, 30, 0, 30), Date.UTC(2025, 9, 26, 3, 15), Date.UTC(2024, 1, 29, 12, 0)]) {
      expect(fromBerlinInput(toBerlinInput(ms))).toBe(ms);
    }
  });

  it('refuses incomplete or impossible values', () => {
    expect(fromBerlinInput('')).toBeNull();
    expect(fromBerlinInput('2025-01-15')).toBeNull();
    expect(fromBerlinInput('2025-02-30T10:00')).toBeNull();
  });

  it('knows the Berlin date around midnight UTC', () => {
    expect(berlinToday(Date.UTC(2025, 5, 30, 23, 30))).toBe('2025-07-01');
  });
});
