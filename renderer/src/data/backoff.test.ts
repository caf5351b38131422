import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const opts = { baseMs: 1000, capMs: 30_000 };

  it('doubles per attempt between half and all of the ceiling', () => {
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(500);
    expect(backoffDelay(0, { ...opts, random: () => 1 })).toBe(1000);
    expect(backoffDelay(3, { ...opts, random: () => 1 })).toBe(8000);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    for (const attempt of [5, 10, 100, 10_000]) {
      expect(backoffDelay(attempt, { ...opts, random: () => 1 })).toBe(30_000);
      expect(backoffDelay(attempt, { ...opts, random: () => 0 })).toBe(15_000);
    }
  });
});
