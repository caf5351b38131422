import { EventEmitter } from 'node:events';

import type { App, RenderProcessGoneDetails } from 'electron';

import type { Logger } from '../log';
import { installGlobalErrorHandlers } from './global-errors';

function setup() {
  const app = new EventEmitter();
  const proc = new EventEmitter();
  const lines: [string, string, Record<string, unknown> | undefined][] = [];
  const log: Logger = {
    info: (m, f) => lines.push(['info', m, f]),
    warn: (m, f) => lines.push(['warn', m, f]),
    error: (m, f) => lines.push(['error', m, f]),
  };
  let t = 0;
  const remove = installGlobalErrorHandlers({
    app: app as unknown as App,
    process: proc as unknown as NodeJS.Process,
    log,
    now: () => t,
  });
  const contents = {
    reloads: 0,
    destroyed: false,
    reload() {
      this.reloads++;
    },
    isDestroyed() {
      return this.destroyed;
    },
  };
  const gone = (reason: RenderProcessGoneDetails['reason']) =>
    app.emit('render-process-gone', {}, contents, { reason, exitCode: 1 });
  return { app, proc, lines, remove, contents, gone, advance: (ms: number) => (t += ms) };
}

describe('global errors of the main process', () => {
  it('logs unhandled rejections and uncaught exceptions with name and message, and does not let them end the app', () => {
    const { proc, lines } = setup();
    proc.emit('unhandledRejection', new TypeError('fetch failed'));
    proc.emit('uncaughtException', new RangeError('too deep'));
    proc.emit('unhandledRejection', { child: 'Jonas' });
    expect(lines.map(([level, message, fields]) => [level, message, fields?.name, fields?.message])).toEqual([
      ['error', 'unhandled rejection', 'TypeError', 'fetch failed'],
      ['error', 'uncaught exception', 'RangeError', 'too deep'],
      ['error', 'unhandled rejection', undefined, undefined],
    ]);
    // A rejection with a plain object is logged by its type only: it might carry a document.
    expect(JSON.stringify(lines[2])).not.toContain('Jonas');
  });

  it('reloads a crashed renderer, but not one that exited on purpose, and not more than three times a minute', () => {
    const { gone, contents, lines, advance } = setup();
    gone('clean-exit');
    expect(contents.reloads).toBe(0);
    gone('crashed');
    gone('oom');
    gone('killed');
    expect(contents.reloads).toBe(3);
    gone('crashed');
    expect(contents.reloads).toBe(3);
    expect(lines.at(-1)?.[1]).toBe('renderer not reloaded: it crashed too often');
    advance(61_000);
    gone('crashed');
    expect(contents.reloads).toBe(4);
    expect(lines.filter(([, m]) => m === 'renderer gone').map(([, , f]) => f?.reason)).toEqual([
      'clean-exit',
      'crashed',
      'oom',
      'killed',
      'crashed',
      'crashed',
    ]);
  });

  it('does not reload a window that is already gone, and removes its handlers again', () => {
    const { gone, contents, remove, proc, app } = setup();
    contents.destroyed = true;
    gone('crashed');
    expect(contents.reloads).toBe(0);
    remove();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
    expect(proc.listenerCount('uncaughtException')).toBe(0);
    expect(app.listenerCount('render-process-gone')).toBe(0);
  });
});
