import path from 'node:path';

import { build } from 'esbuild';

import { ELECTRON_OUT, isMainModule, packageJson, PROJECT_ROOT } from './paths';

/**
 * `npm run build:electron`: main and preload as CommonJS bundles in dist/electron. Everything but Electron itself
 * is bundled in, electron-updater included, so the packaged app carries no node_modules (electron-builder.yml).
 * The sandboxed preload can only require('electron'), which is why it must be one file.
 */
export async function bundleElectron(outDir = ELECTRON_OUT): Promise<string[]> {
  const common = {
    bundle: true,
    format: 'cjs' as const,
    external: ['electron'],
    sourcemap: 'linked' as const,
    logLevel: 'warning' as const,
    absWorkingDir: PROJECT_ROOT,
  };
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: main, platform: 'node', target: 'node22' }),
    build({
      ...common,
      entryPoints: ['electron/preload.ts'],
      outfile: preload,
      platform: 'browser',
      target: 'chrome130',
      define: { OBHUT_APP_VERSION: JSON.stringify(packageJson().version) },
    }),
  ]);
  return [main, preload];
}

if (isMainModule(import.meta.url)) {
  bundleElectron().then(
    (files) => console.log(`gebündelt: ${files.map((f) => path.relative(PROJECT_ROOT, f)).join(', ')}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
