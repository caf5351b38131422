/**
 * The repeat-intake match over the local store in Debian's Chromium (issue 17, Show 4: 10,000 records within
 * 50 ms). Part of `npm run bench`; alone: `npm run bench:repeat` (BENCH_REPEAT_RECORDS, BENCH_REPEAT_RUNS).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { launchChromium } from '../test/e2e/browser';
import type { RepeatBenchResult } from './repeat-intakes-core';
import { env } from './stats';

export async function benchRepeatInChromium(records: number, runs: number): Promise<RepeatBenchResult> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./browser-repeat-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'error',
  });
  const script = bundled.outputFiles[0].text;
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return res.end(script);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><meta charset="utf-8"><title>bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return await page.evaluate(([n, r]) => window.runRepeatBench(n, r), [records, runs] as const);
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchRepeatInChromium(env('BENCH_REPEAT_RECORDS', 10_000), env('BENCH_REPEAT_RUNS', 50));
  console.log(
    `repeat-intake match over ${result.records} local records (Chromium): p50 ${result.match.p50} ms, ` +
      `p95 ${result.match.p95} ms, max ${result.match.max} ms (n=${result.runs}, ${result.matches} match(es))`,
  );
  process.exit(0);
}
