/** Bundled for Chromium by browser-local.ts: the local benchmark on the browser's own IndexedDB. */
import { benchLocal, type LocalOptions } from './local';

declare global {
  interface Window {
    runLocalBench: (opts: Omit<LocalOptions, 'log' | 'env'>) => Promise<unknown>;
  }
}

window.runLocalBench = (opts) => benchLocal({ ...opts, log: (s) => console.log(`[bench] ${s}`) });
