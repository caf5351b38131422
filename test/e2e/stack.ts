import type { Browser } from 'playwright-core';

import { createTestDatabase, type TestDatabase } from '../support/pg';
import { type RunningServer, startServer } from '../support/server';
import { launchChromium, serveRenderer } from './browser';

export type E2eStack = {
  db: TestDatabase;
  server: RunningServer;
  renderer: Awaited<ReturnType<typeof serveRenderer>>;
  browser: Browser;
  close: () => Promise<void>;
};

/**
 * What every end-to-end test stands on: its own PostgreSQL database, the server on it (allowing the renderer's
 * origin), the built renderer served over HTTP, and Debian's Chromium. `close` tears down whatever was started,
 * also after a failed start.
 */
export async function startE2eStack(databasePrefix: string, env: Record<string, string> = {}): Promise<E2eStack> {
  const parts: Partial<E2eStack> = {};
  const close = async () => {
    await parts.browser?.close();
    await parts.server?.stop();
    await parts.renderer?.close();
    await parts.db?.drop();
  };
  try {
    parts.db = await createTestDatabase(databasePrefix);
    parts.renderer = await serveRenderer();
    parts.server = await startServer({
      databaseUrl: parts.db.url,
      env: { OBHUT_ALLOWED_ORIGINS: parts.renderer.origin, ...env },
    });
    parts.browser = await launchChromium();
  } catch (err) {
    await close();
    throw err;
  }
  return { ...(parts as Omit<E2eStack, 'close'>), close };
}
