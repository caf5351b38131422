import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { launchChromium } from '../test/e2e/browser';
import type { LocalOptions, LocalResult } from './local';

/**
 * Runs bench/local.ts in Debian's Chromium (headless, playwright-core) on its real IndexedDB, as the app runs in
 * Electron: the bench is bundled with esbuild and served from a loopback origin (IndexedDB needs one).
 */
export async function benchLocalInChromium(opts: Omit<LocalOptions, 'env'>): Promise<LocalResult> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
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
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith('[bench] ')) opts.log(`chromium: ${text.slice(8)}`);
    });
    page.setDefaultTimeout(0);
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const { log, ...plain } = opts;
    void log;
    return (await page.evaluate((o) => window.runLocalBench(o), plain)) as LocalResult;
  } finally {
    await browser.close();
    server.close();
  }
}
