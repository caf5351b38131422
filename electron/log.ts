import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The main process's log: one JSON object per line in the app's log folder, mirrored to the console. Callers log
 * ids, versions and reasons - never names or case text.
 */
export type LogFields = Record<string, unknown>;
export type Logger = {
  info: (message: string, fields?: LogFields) => void;
  warn: (message: string, fields?: LogFields) => void;
  error: (message: string, fields?: LogFields) => void;
};

export function createFileLogger(file: string, options: { mirrorToConsole?: boolean } = {}): Logger {
  const mirror = options.mirrorToConsole ?? true;
  mkdirSync(path.dirname(file), { recursive: true });
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: LogFields) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    if (mirror) console[level](line);
    try {
      appendFileSync(file, `${line}\n`);
    } catch {
      // A full or read-only disk must not take the app down; the console still has the line.
    }
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
