import { existsSync } from 'node:fs';

import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/**
 * Debian's Chromium, driven by playwright-core. The flags keep it off the network this machine does not have
 * (without them it keeps trying Google's hosts).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function chromiumPath(): string {
  const executablePath = process.env.OBHUT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return executablePath;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Chromium with a profile on disk (`userDataDir`) that outlives the browser, as a laptop's does. */
export async function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: 'dark',
  });
}

/** Serves dist/renderer (built by global-setup) on a free loopback port. */
export async function serveRenderer(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
