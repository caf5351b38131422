import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Browser, chromium } from 'playwright-core';

import { createAppRequestHandler } from '../window/app-protocol';
import { contentSecurityPolicy } from './csp';

/**
 * The CSP as Chromium enforces it: a page served by the app's own protocol handler (here behind a loopback HTTP
 * server, Chromium being the browser Electron embeds) tries what an injected script would try. The configured
 * server must stay reachable, everything else must be blocked.
 */
const CHROMIUM = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';

let dir: string;
let browser: Browser;
const servers: Server[] = [];

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const APP_SCRIPT = `
const results = {};
const attempt = async (name, fn) => { try { await fn(); results[name] = 'allowed'; } catch { results[name] = 'blocked'; } };
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
(async () => {
  const { server, other } = await (await fetch('/targets.json')).json();
  await attempt('eval', () => eval('1 + 1'));
  await attempt('newFunction', () => new Function('return 1')());
  await attempt('fetchServer', async () => { if (!(await fetch(server + '/ok')).ok) throw new Error(); });
  await attempt('fetchOther', () => fetch(other + '/ok'));
  await attempt('remoteScript', () => new Promise((ok, fail) => {
    const s = document.createElement('script'); s.src = other + '/evil.js'; s.onload = ok; s.onerror = fail;
    document.head.append(s);
  }));
  await attempt('frame', () => new Promise((ok, fail) => {
    const f = document.createElement('iframe'); f.src = other + '/frame'; document.body.append(f);
    setTimeout(() => (violations.includes('frame-src') ? fail() : ok()), 500);
  }));
  results.inlineScriptRan = window.inlineRan === true;
  results.violations = [...new Set(violations)].sort();
  window.cspResults = results;
})();
`;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set OBHUT_CHROMIUM)`);
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-csp-'));
  const cors = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/javascript' };
  const server = await listen((_req, res) => res.writeHead(200, cors).end('ok'));
  const other = await listen((_req, res) => res.writeHead(200, cors).end('window.remoteRan = true'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><title>t</title><script>window.inlineRan = true</script><script src="/app.js"></script>',
  );
  await writeFile(path.join(dir, 'app.js'), APP_SCRIPT);
  await writeFile(path.join(dir, 'targets.json'), JSON.stringify({ server, other }));
  const handle = createAppRequestHandler({ root: dir, csp: contentSecurityPolicy(server) });
  const app = await listen(async (req, res) => {
    const response = await handle(new Request(`app://obhut${req.url}`));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  process.env.OBHUT_TEST_APP_ORIGIN = app;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

describe('CSP in Chromium', () => {
  it('lets the app reach its server and blocks eval, inline and remote scripts, frames and other hosts', async () => {
    const page = await browser.newPage();
    await page.goto(`${process.env.OBHUT_TEST_APP_ORIGIN}/`);
    const results = await page.waitForFunction(() => (window as unknown as { cspResults?: unknown }).cspResults, null, {
      timeout: 20_000,
    });
    expect(await results.jsonValue()).toEqual({
      eval: 'blocked',
      newFunction: 'blocked',
      fetchServer: 'allowed',
      fetchOther: 'blocked',
      remoteScript: 'blocked',
      frame: 'blocked',
      inlineScriptRan: false,
      violations: ['connect-src', 'frame-src', 'script-src', 'script-src-elem'],
    });
    expect(await page.evaluate(() => (window as unknown as { remoteRan?: boolean }).remoteRan)).toBeUndefined();
    await page.close();
  }, 60_000);
});
