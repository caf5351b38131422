import type { App, RenderProcessGoneDetails, WebContents } from 'electron';

import type { Logger } from '../log';

/** Reasons for which the page is loaded again: the renderer died, it was not closed on purpose. */
const RELOAD_AFTER = new Set<RenderProcessGoneDetails['reason']>(['crashed', 'oom', 'abnormal-exit', 'killed']);

/** An error of the main process as the log keeps it: name, message and stack of our code, never a document. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { value: typeof error };
}

/**
 * What the main process does with errors nobody caught (after Signal Desktop's global_errors.main.ts): each is
 * logged; a renderer that crashed or ran out of memory is loaded again, at most `maxReloads` times a minute so a
 * page that crashes at once does not spin. Unsent changes are safe either way: they are in IndexedDB, and the app
 * asks for the password again after a reload. Returns the function that removes the handlers.
 */
export function installGlobalErrorHandlers(options: {
  app: Pick<App, 'on' | 'removeListener'>;
  process: Pick<NodeJS.Process, 'on' | 'removeListener'>;
  log: Logger;
  now?: () => number;
  maxReloads?: number;
}): () => void {
  const { app, process, log } = options;
  const now = options.now ?? Date.now;
  const maxReloads = options.maxReloads ?? 3;
  let reloads: number[] = [];

  const onRejection = (reason: unknown) => log.error('unhandled rejection', describe(reason));
  const onException = (error: Error) => log.error('uncaught exception', describe(error));
  const onGone = (_event: unknown, contents: WebContents, details: RenderProcessGoneDetails) => {
    log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    if (!RELOAD_AFTER.has(details.reason) || contents.isDestroyed()) return;
    const t = now();
    reloads = reloads.filter((at) => t - at < 60_000);
    if (reloads.length >= maxReloads) {
      log.error('renderer not reloaded: it crashed too often', { reloads: reloads.length });
      return;
    }
    reloads.push(t);
    contents.reload();
  };

  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  app.on('render-process-gone', onGone);
  return () => {
    process.removeListener('unhandledRejection', onRejection);
    process.removeListener('uncaughtException', onException);
    app.removeListener('render-process-gone', onGone);
  };
}
