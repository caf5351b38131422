import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PROJECT_ROOT } from './paths';
import { electronMissingMessage, EXIT_ELECTRON_MISSING, portIsFree, resolveElectronBinary } from './start';

/**
 * The launcher is run for real: `node --import tsx electron/tools/start.ts` with the real embedded server. Only
 * Electron - not ours, and not downloadable here - is either pointed at a missing path or replaced by a small
 * script standing in for its binary.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  for (let port = 3900 + Math.floor(Math.random() * 500); ; port++) if (await portIsFree(port)) return port;
}

function runLauncher(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/tools/start.ts'], {
      cwd: PROJECT_ROOT,
      // DATABASE_URL stays set, as in CI: the launcher must still use the embedded store.
      env: { ...process.env, OBHUT_START_SKIP_BUILD: '1', OBHUT_DATA_DIR: path.join(dir, 'data'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function serverPid(stdout: string): number {
  return Number(/"pid":(\d+)/.exec(stdout)?.[1]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('says in German and English what to do when Electron is missing, stops the server, no stack trace', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await runLauncher({
      PORT: String(port),
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron-here'),
    });
    expect(code, stderr).toBe(EXIT_ELECTRON_MISSING);
    expect(stdout).toContain(`[server] Obhut-Server bereit: http://127.0.0.1:${port} (pglite)`);
    expect(stderr).toContain('Das Programm Electron ist auf diesem Rechner nicht installiert');
    expect(stderr).toContain('the Electron binary is not installed on this machine');
    expect(stderr).toContain('npm run server');
    expect(stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(stderr).toContain(`Der Server lief unter http://127.0.0.1:${port} und wurde wieder beendet.`);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/Error:/);
    expect(isAlive(serverPid(stdout))).toBe(false);
    expect(await portIsFree(port)).toBe(true);
  }, 120_000);

  it('runs Electron against the ready server, hands over its URL, and stops the server when the app quits', async () => {
    const port = await freePort();
    const report = path.join(dir, 'electron-report.json');
    const fakeDist = path.join(dir, 'electron-dist');
    const fakeBinary = path.join(fakeDist, 'electron');
    await mkdir(fakeDist);
    await writeFile(
      fakeBinary,
      `#!${process.execPath}
const url = process.env.OBHUT_SERVER_URL;
fetch(url + '/api/v1/health').then(async (r) => {
  require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({
    argv: process.argv.slice(2), url, health: r.status, body: await r.json(),
  }));
  process.exit(7);
});
`,
    );
    await chmod(fakeBinary, 0o755);
    const { code, stdout } = await runLauncher({
      PORT: String(port),
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/must-not-be-used',
    });
    expect(code).toBe(7);
    const seen = JSON.parse(await readFile(report, 'utf8'));
    expect(seen.url).toBe(`http://127.0.0.1:${port}`);
    expect(seen.argv).toEqual([PROJECT_ROOT, `--obhut-server-url=http://127.0.0.1:${port}`]);
    expect(seen.health).toBe(200);
    expect(seen.body.storage).toBe('pglite');
    expect(isAlive(serverPid(stdout))).toBe(false);
    expect(await portIsFree(port)).toBe(true);
  }, 120_000);
});

describe('finding Electron', () => {
  it('reports the package throwing, as it does without a downloaded binary', () => {
    const result = resolveElectronBinary(() => {
      throw new Error('Electron failed to install correctly');
    });
    expect(result).toEqual({ ok: false, detail: 'Electron failed to install correctly' });
  });

  it('reports a path that does not exist', () => {
    expect(resolveElectronBinary(() => '/nonexistent/electron')).toEqual({
      ok: false,
      detail: '/nonexistent/electron does not exist',
    });
  });

  it('accepts an existing binary', () => {
    expect(resolveElectronBinary(() => process.execPath)).toEqual({ ok: true, path: process.execPath });
  });

  it('suggests the browser dev mode with the script the project has', () => {
    const message = electronMissingMessage({ detail: 'x', devScript: true });
    expect(message).toContain('npm run dev');
    expect(message).not.toContain('Der Server lief');
    expect(electronMissingMessage({ detail: 'x', devScript: false })).toContain('npx vite');
  });
});
