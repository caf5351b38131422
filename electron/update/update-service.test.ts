import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createFileLogger } from '../log';
import { createFetchText } from './fetch-text';
import { generateSigningKey, parsePrivateKey, signUpdateFile } from './signature';
import { type Updater, type UpdateReport, UpdateService, type UpdateServiceDeps } from './update-service';

/**
 * electron-updater cannot load without Electron, so its AppUpdater is replaced by a recording stand-in at that
 * seam. Everything else is real: the feed is an HTTP server on loopback serving .sig files, files are on disk,
 * the log is written and read back.
 */
class RecordingUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  allowPrerelease = false;
  logger: unknown = null;
  feed: unknown = null;
  downloads = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  setFeedURL(options: unknown) {
    this.feed = options;
  }
  async checkForUpdates() {
    return null;
  }
  async downloadUpdate() {
    this.downloads += 1;
    return [];
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const ours = generateSigningKey();
const foreign = generateSigningKey();
let dir: string;
let feedDir: string;
let server: Server;
let feedUrl: string;
let logFile: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.url === '/broken/Obhut-0.2.0-win-x64.exe.sig') {
      res.writeHead(500).end();
      return;
    }
    const name = decodeURIComponent((req.url ?? '').replace(/^\/feed\//, ''));
    try {
      const body = await readFile(path.join(feedDir, path.basename(name)));
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-update-'));
  feedDir = path.join(dir, 'feed');
  await mkdir(feedDir);
  logFile = path.join(dir, 'logs', 'main.log');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function service(settings: Partial<UpdateServiceDeps['settings']> = {}, url = feedUrl) {
  const updater = new RecordingUpdater();
  const reports: UpdateReport[] = [];
  const svc = new UpdateService(updater as unknown as Updater, {
    settings: { updateUrl: url, updateChannel: 'latest', allowUpdateDownload: true, ...settings },
    trustedKeys: [ours.publicKeyPem],
    fetchText: createFetchText(fetch),
    removeFile: (file) => rm(file),
    log: createFileLogger(logFile, { mirrorToConsole: false }),
    report: (r) => reports.push(r),
  });
  return { svc, updater, reports };
}

/** A downloaded installer in electron-updater's cache, and (optionally) its signature in the feed. */
async function downloaded(signWith?: string): Promise<string> {
  const file = path.join(dir, 'Obhut-0.2.0-win-x64.exe');
  await writeFile(file, Buffer.alloc(50_000, 'installer '));
  if (signWith) {
    const sig = await signUpdateFile(file, '0.2.0', parsePrivateKey(signWith));
    await writeFile(path.join(feedDir, 'Obhut-0.2.0-win-x64.exe.sig'), JSON.stringify(sig));
  }
  return file;
}

const logLines = async () =>
  (await readFile(logFile, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('update service', () => {
  it('does nothing without a feed in the policy', async () => {
    const { svc, updater, reports } = service({ updateUrl: undefined });
    await svc.start();
    expect(updater.feed).toBeNull();
    expect(reports).toEqual([{ kind: 'disabled' }]);
  });

  it('asks the generic feed of the policy, never downloads or installs on its own', async () => {
    const { svc, updater } = service({ updateChannel: 'beta' });
    await svc.start();
    expect(updater.feed).toEqual({ provider: 'generic', url: feedUrl, channel: 'beta' });
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(true);
  });

  it('downloads nothing unless the policy allows it', async () => {
    const { svc, updater, reports } = service({ allowUpdateDownload: false });
    await svc.start();
    updater.emit('update-available', { version: '0.2.0' });
    expect(updater.downloads).toBe(0);
    expect(reports).toEqual([{ kind: 'available', version: '0.2.0', downloadAllowed: false }]);

    const allowed = service();
    await allowed.svc.start();
    allowed.updater.emit('update-available', { version: '0.2.0' });
    expect(allowed.updater.downloads).toBe(1);
  });

  it('installs a validly signed update on quit', async () => {
    const { svc, updater, reports } = service();
    await svc.start();
    svc.installOnQuit();
    expect(updater.installs).toEqual([]);
    expect(await svc.check({ version: '0.2.0', downloadedFile: await downloaded(ours.privateKeyBase64) })).toBe(true);
    expect(reports).toEqual([{ kind: 'ready', version: '0.2.0' }]);
    svc.installOnQuit();
    expect(updater.installs).toEqual([[true, false]]);
  });

  it('refuses a tampered update: deletes it, logs it, reports it in German, never installs it', async () => {
    const { svc, updater, reports } = service();
    await svc.start();
    const file = await downloaded(ours.privateKeyBase64);
    await writeFile(file, 'evil', { flag: 'a' });
    expect(await svc.check({ version: '0.2.0', downloadedFile: file })).toBe(false);
    expect(existsSync(file)).toBe(false);
    expect(reports).toEqual([
      {
        kind: 'refused',
        version: '0.2.0',
        reason: 'bad_signature',
        message: 'Die Signatur des Updates auf Version 0.2.0 passt nicht zur Datei: Die Datei wurde verändert.',
      },
    ]);
    expect(await logLines()).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'update refused', reason: 'bad_signature', version: '0.2.0' }),
    );
    svc.installOnQuit();
    expect(svc.installNow()).toBe(false);
    expect(updater.installs).toEqual([]);
  });

  it('refuses an update the feed has no signature for', async () => {
    const { svc, updater, reports } = service();
    await svc.start();
    const file = await downloaded();
    expect(await svc.check({ version: '0.2.0', downloadedFile: file })).toBe(false);
    expect(reports[0]).toMatchObject({ kind: 'refused', reason: 'unsigned' });
    expect(existsSync(file)).toBe(false);
    svc.installOnQuit();
    expect(updater.installs).toEqual([]);
  });

  it('refuses an update signed with another key', async () => {
    const { svc, reports } = service();
    await svc.start();
    expect(await svc.check({ version: '0.2.0', downloadedFile: await downloaded(foreign.privateKeyBase64) })).toBe(
      false,
    );
    expect(reports[0]).toMatchObject({ kind: 'refused', reason: 'unknown_key' });
  });

  it('refuses when the signature cannot be fetched', async () => {
    const base = feedUrl.replace(/\/feed$/, '/broken');
    const { svc, reports } = service({}, base);
    await svc.start();
    expect(await svc.check({ version: '0.2.0', downloadedFile: await downloaded(ours.privateKeyBase64) })).toBe(false);
    expect(reports[0]).toMatchObject({ kind: 'refused', reason: 'signature_unavailable' });
  });

  it('verifies what electron-updater announces as downloaded', async () => {
    const { svc, updater, reports } = service();
    await svc.start();
    updater.emit('update-downloaded', { version: '0.2.0', downloadedFile: await downloaded(foreign.privateKeyBase64) });
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toMatchObject({ kind: 'refused', reason: 'unknown_key' });
  });

  it('reports a failed check instead of throwing', async () => {
    const { svc, updater, reports } = service();
    await svc.start();
    updater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'));
    expect(reports).toEqual([{ kind: 'error', message: 'net::ERR_CONNECTION_REFUSED' }]);
  });
});
