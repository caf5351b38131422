/** Bundled for Chromium by repeat-intakes.ts: the repeat-intake match in the browser's JS engine. */
import { benchRepeatIntakes, type RepeatBenchResult } from './repeat-intakes-core';

declare global {
  interface Window {
    runRepeatBench: (records: number, runs: number) => RepeatBenchResult;
  }
}

window.runRepeatBench = benchRepeatIntakes;
