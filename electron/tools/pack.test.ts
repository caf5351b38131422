import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { bundleElectron } from './bundle';
import { cliOptions } from './package';
import { PROJECT_ROOT } from './paths';

/**
 * `npm run pack` end to end with electron-builder itself, on a copy of the project's packaging inputs. Only the
 * Electron distribution is a stand-in (the real one cannot be downloaded here): a file carrying Electron's fuse
 * wire with the values Electron ships, so electron-builder's fuse step really flips it.
 */
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  listPackage: (archive: string) => string[];
  extractFile: (archive: string, file: string) => Buffer;
};
const fuses = require('@electron/fuses') as {
  getCurrentFuseWire: (binary: string) => Promise<Record<string, number | string>>;
};

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49;
const OFF = 48;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-pack-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fakeElectronDist(): Promise<string> {
  const dist = path.join(dir, 'electron-dist');
  await mkdir(path.join(dist, 'resources'), { recursive: true });
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, the rest off except file://.
  const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
  await writeFile(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n'), wire]), { mode: 0o755 });
  await writeFile(path.join(dist, 'version'), require('electron/package.json').version as string);
  await writeFile(path.join(dist, 'LICENSE'), 'MIT');
  return dist;
}

async function projectCopy(): Promise<string> {
  const project = path.join(dir, 'project');
  await mkdir(path.join(project, 'dist', 'renderer', 'assets'), { recursive: true });
  await cp(path.join(PROJECT_ROOT, 'electron-builder.yml'), path.join(project, 'electron-builder.yml'));
  await cp(path.join(PROJECT_ROOT, 'build'), path.join(project, 'build'), { recursive: true });
  const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
  // The copy has no node_modules to resolve; the app bundles what it needs, so its dependency list is moot here.
  const { name, version, description, main } = pkg;
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name, version, description, main, author: 'Obhut' }),
  );
  await bundleElectron(path.join(project, 'dist', 'electron'));
  await writeFile(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Obhut</title>');
  await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js'), 'console.log(1)');
  await writeFile(path.join(project, 'dist', 'renderer', 'assets', 'index.js.map'), '{}');
  return project;
}

describe('npm run pack', () => {
  it('packs only the app bundles into app.asar and flips the fuses in the binary', async () => {
    const electronDist = await fakeElectronDist();
    const project = await projectCopy();
    const options = cliOptions(['--dir', '--linux'], { ELECTRON_DIST: electronDist }, true, project);
    // Normally read from node_modules/electron, which the copy does not have.
    const electronVersion = require('electron/package.json').version as string;
    const { build } = await import('electron-builder');
    await build({ ...options, config: { ...(options.config as object), electronVersion } });

    const unpacked = path.join(project, 'release', 'linux-unpacked');
    const archive = path.join(unpacked, 'resources', 'app.asar');
    const files = asar
      .listPackage(archive)
      .map((f) => f.replaceAll('\\', '/'))
      .filter((f) => path.extname(f));
    expect(files.sort()).toEqual([
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/assets/index.js',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
    expect(JSON.parse(asar.extractFile(archive, 'package.json').toString()).main).toBe('dist/electron/main.cjs');

    const wire = await fuses.getCurrentFuseWire(path.join(unpacked, 'obhut'));
    expect(wire).toEqual({ version: '1', 0: OFF, 1: ON, 2: OFF, 3: OFF, 4: ON, 5: ON, 6: OFF, 7: OFF });

    const updateConfig = await readFile(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8');
    expect(updateConfig).toContain('provider: generic');
    expect(updateConfig).toContain('- Kooperationsverbund Obhut');
  }, 120_000);
});
