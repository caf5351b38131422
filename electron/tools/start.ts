import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

import { buildRenderer, rendererIsStale, ToolError } from './build-app';
import { bundleElectron } from './bundle';
import { isMainModule, packageJson, PROJECT_ROOT } from './paths';

/**
 * `npm start`: builds what is stale (renderer, Electron bundles), starts the embedded server with demo data,
 * waits until it says `bereit`, then runs Electron against it. Where Electron's binary is missing it says so in
 * German and English, with what to do, stops the server and exits non-zero - no stack trace.
 */

export const EXIT_ELECTRON_MISSING = 3;
const SERVER_READY_TIMEOUT_MS = 90_000;

export type ElectronBinary = { ok: true; path: string } | { ok: false; detail: string };

/**
 * The electron package resolves to its binary's path, or throws when its postinstall never downloaded one
 * (ELECTRON_SKIP_BINARY_DOWNLOAD, no internet). ELECTRON_OVERRIDE_DIST_PATH is honoured by the package itself.
 */
export function resolveElectronBinary(load: (id: string) => unknown = createRequire(import.meta.url)): ElectronBinary {
  let resolved: unknown;
  try {
    resolved = load('electron');
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  if (typeof resolved !== 'string') return { ok: false, detail: 'the electron package did not return a path' };
  if (!existsSync(resolved)) return { ok: false, detail: `${resolved} does not exist` };
  return { ok: true, path: resolved };
}

export function electronMissingMessage(options: { serverUrl?: string; detail: string; devScript: boolean }): string {
  const dev = options.devScript ? 'npm run dev' : 'npx vite';
  const server = options.serverUrl ? `  Der Server lief unter ${options.serverUrl} und wurde wieder beendet.\n` : '';
  const serverEn = options.serverUrl ? `  The server ran at ${options.serverUrl} and has been stopped again.\n` : '';
  return [
    '',
    'Obhut: Das Programm Electron ist auf diesem Rechner nicht installiert, die App kann nicht starten.',
    server.trimEnd(),
    '  So geht es weiter:',
    '  1. Mit Internetzugang Electron nachladen:   node node_modules/electron/install.js   dann wieder   npm start',
    `  2. Die Oberfläche im Browser: Terminal 1   npm run server   Terminal 2   ${dev}   dann http://127.0.0.1:5173 öffnen`,
    '  3. Eine vorhandene Electron-Installation nutzen:   ELECTRON_OVERRIDE_DIST_PATH=/pfad/zu/electron npm start',
    '',
    'Obhut: the Electron binary is not installed on this machine, so the app cannot start.',
    serverEn.trimEnd(),
    '  What to do:',
    '  1. With internet access, fetch Electron:   node node_modules/electron/install.js   then   npm start   again',
    `  2. The UI in a browser: terminal 1   npm run server   terminal 2   ${dev}   then open http://127.0.0.1:5173`,
    '  3. Use an Electron you have:   ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start',
    '',
    `  (${options.detail})`,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

async function choosePort(preferred: number): Promise<number> {
  if (await portIsFree(preferred)) return preferred;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export type RunningServer = { child: ChildProcess; url: string; stop: () => Promise<void> };

/** Starts `npm run server`'s program directly (one process, so stopping it stops the server). */
export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<RunningServer> {
  // Always the embedded store with demo data, even where DATABASE_URL is set (CI sets it for the test database).
  const { DATABASE_URL: _ignored, ...serverEnv } = env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT_ROOT,
    // Demo accounts exist only when asked for (OBHUT_DEMO=1); `npm start` is the demo, so it asks.
    env: { ...serverEnv, PORT: String(port), HOST: '127.0.0.1', OBHUT_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });

  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      void stop().then(() =>
        reject(new ToolError(`Der Server hat sich nach ${SERVER_READY_TIMEOUT_MS / 1000} s nicht bereit gemeldet.`)),
      );
    }, SERVER_READY_TIMEOUT_MS);
    const onLine = (line: string) => {
      process.stdout.write(`[server] ${line}\n`);
      // A whole word: the demo banner's user names ("bereitschaft.<amt>") must not count.
      if (settled || !/\bbereit\b/.test(line)) return;
      settled = true;
      clearTimeout(timer);
      const url = /https?:\/\/[^\s)"']+/.exec(line)?.[0] ?? `http://127.0.0.1:${port}`;
      resolve({ child, url, stop });
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new ToolError(`Der Server hat sich beendet, bevor er bereit war (Exit ${code}).`));
    });
    child.once('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new ToolError(`Der Server konnte nicht gestartet werden: ${error.message}`));
    });
  });
}

export async function start(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (env.OBHUT_START_SKIP_BUILD !== '1') {
    if (rendererIsStale()) await buildRenderer();
    await bundleElectron();
  }

  const port = await choosePort(Number(env.PORT) || 3000);
  console.log(`Obhut: starte den eingebetteten Server (PGlite) mit Demodaten auf Port ${port} …`);
  const server = await startServer(env, port);
  let stopping: Promise<void> | null = null;
  const stopServer = () => (stopping ??= server.stop());

  const electron = resolveElectronBinary();
  if (!electron.ok) {
    await stopServer();
    throw new ToolError(
      electronMissingMessage({
        serverUrl: server.url,
        detail: electron.detail,
        devScript: 'dev' in packageJson().scripts,
      }),
      EXIT_ELECTRON_MISSING,
    );
  }

  console.log(`Obhut: starte die App gegen ${server.url} …`);
  const app = spawn(electron.path, [PROJECT_ROOT, `--obhut-server-url=${server.url}`], {
    cwd: PROJECT_ROOT,
    env: { ...env, OBHUT_SERVER_URL: server.url },
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => () => app.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  server.child.once('exit', (code) => {
    if (!stopping) console.error(`Obhut: Der Server hat sich unerwartet beendet (Exit ${code}).`);
  });
  const code = await new Promise<number>((resolve) => {
    app.once('error', (error) => {
      console.error(`Obhut: Electron konnte nicht gestartet werden: ${error.message}`);
      resolve(1);
    });
    app.once('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  await stopServer();
  return code;
}

if (isMainModule(import.meta.url)) {
  start().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Known failures carry their own message; anything else still gets one line, not a stack trace.
      console.error(
        error instanceof ToolError
          ? error.message
          : `Obhut: Start fehlgeschlagen: ${String((error as Error)?.message ?? error)}`,
      );
      process.exit(error instanceof ToolError ? error.exitCode : 1);
    },
  );
}
