import { type ProblemReport, problemToken } from '../../../shared/ipc';

/**
 * Reports a problem into the desktop app's log (window.obhut.reportProblem: codes only, never a message, which
 * could carry a child's name); in the browser it goes to the console. Reporting never throws.
 */
export function reportProblem(error: unknown, where: string, bridge = window.obhut): void {
  const name = error instanceof Error ? error.name : typeof error;
  const report: ProblemReport = { code: problemToken(name, 'Error'), where: problemToken(where, 'unknown') };
  if (bridge?.reportProblem) void bridge.reportProblem(report).catch(() => {});
  else console.warn('problem', report);
}

/** Errors nobody caught in the page (a failed promise of an event handler, an error in a timer) are reported too. */
export function reportUncaughtProblems(target: Window = window): void {
  target.addEventListener('error', (event) => reportProblem(event.error, 'window'));
  target.addEventListener('unhandledrejection', (event) => reportProblem(event.reason, 'promise'));
}
