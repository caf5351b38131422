import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { APP_SCHEME_PRIVILEGES, APP_URL, createAppRequestHandler, isAppUrl } from './app-protocol';

let dir: string;
let handle: (request: Request) => Promise<Response>;
const CSP = "default-src 'self'";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-app-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Obhut</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the app');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handle = createAppRequestHandler({ root, csp: CSP });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme that supports fetch', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    });
  });

  it('serves the renderer with content type and the CSP', async () => {
    const index = await get(APP_URL);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Obhut</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');

    const script = await get('app://obhut/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://obhut/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers client-side routes with index.html', async () => {
    const route = await get('app://obhut/intakes/4711');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Obhut</title>');
  });

  it.each([
    'app://obhut/..%2f..%2fsecret.txt',
    'app://obhut/assets/..%2f..%2fsecret.txt',
    'app://obhut/%2e%2e%2fsecret.txt',
    'app://obhut/..%5csecret.txt',
    'app://obhut/assets/link.txt',
    'app://obhut/index.html%00.js',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('outside the app');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('keeps dot segments inside the root (the URL parser already resolves them)', async () => {
    const response = await get('app://obhut/../../secret.txt');
    expect(response.status).toBe(404);
  });

  it('serves nothing for another host and no writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get(APP_URL, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers a missing asset with 404 and the CSP', async () => {
    const response = await get('app://obhut/assets/missing.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://obhut/index.html')).toBe(true);
    expect(isAppUrl('app://obhut.evil/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://obhut/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
