/** Small helpers for the benchmarks: timing, percentiles, a table. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export type Summary = { n: number; p50: number; p95: number; max: number; mean: number };

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
    mean: round(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until `probe` holds, or throws after `timeoutMs`. */
export async function until(
  probe: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 300_000,
  everyMs = 20,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

export type Row = { id: string; what: string; value: string; note?: string };

export function table(rows: Row[]): string {
  const w = [4, 0, 0].map((min, i) => Math.max(min, ...rows.map((r) => [r.id, r.what, r.value][i].length)));
  const line = (r: Row) =>
    `${r.id.padEnd(w[0])}  ${r.what.padEnd(w[1])}  ${r.value.padEnd(w[2])}  ${r.note ?? ''}`.trimEnd();
  return [
    line({ id: 'id', what: 'what', value: 'value', note: 'note' }),
    '-'.repeat(w[0] + w[1] + w[2] + 10),
    ...rows.map(line),
  ].join('\n');
}

export function env(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}
