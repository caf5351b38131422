import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type RunningServer = {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  pid: number;
  /** SIGTERM and wait for exit (resolves with the exit code). */
  stop: () => Promise<number | null>;
  /** SIGKILL and wait for exit: a crash, for fault-injection tests. */
  kill: () => Promise<void>;
  /** Everything the process wrote so far (stdout and stderr), for assertions and failure messages. */
  output: () => string;
};

export type StartServerOptions = {
  /** PostgreSQL URL; omit for the embedded PGlite store (then give dataDir). */
  databaseUrl?: string;
  /** OBHUT_DATA_DIR for the embedded store. */
  dataDir?: string;
  /** Seed demo users (bereitschaft.<amt>, leitung.<amt>, koordination, admin; password obhut-demo). Default true. */
  demo?: boolean;
  /** Fixed port; default 0 = any free port. */
  port?: number;
  env?: Record<string, string>;
  /** How long to wait for the ready line. Default 60 s. */
  timeoutMs?: number;
};

/**
 * Starts `server/main.ts` as a child process (node --import tsx) and resolves once it logged its ready line
 * (`Obhut-Server bereit: <url> (...)`). Logs are kept (not printed) unless OBHUT_TEST_SERVER_LOG=1.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: String(options.port ?? 0),
    LOG_LEVEL: process.env.OBHUT_TEST_SERVER_LOG ? 'info' : 'warn',
    ...(options.demo === false ? {} : { OBHUT_DEMO: '1' }),
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.OBHUT_DATA_DIR = options.dataDir;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Server nicht bereit nach ${options.timeoutMs ?? 60_000} ms:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (process.env.OBHUT_TEST_SERVER_LOG) process.stderr.write(text);
      const match = /bereit: (https?:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Server beendet (Code ${code}) bevor er bereit war:\n${output}`));
    });
  });
  // Keep only the tail of long runs in memory.
  child.stdout.on('data', () => {
    if (output.length > 1_000_000) output = output.slice(-200_000);
  });
  return {
    url,
    pid: child.pid!,
    stop: () => terminate(child, 'SIGTERM', exited),
    kill: async () => {
      await terminate(child, 'SIGKILL', exited);
    },
    output: () => output,
  };
}

async function terminate(child: ChildProcess, signal: NodeJS.Signals, exited: Promise<number | null>) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}
