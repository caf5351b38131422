import { existsSync } from 'node:fs';
import path from 'node:path';

import type { CliOptions, Configuration } from 'electron-builder';

import { buildRenderer, ToolError } from './build-app';
import { bundleElectron } from './bundle';
import { isMainModule, PROJECT_ROOT } from './paths';

/**
 * `npm run pack`  - an unpacked app (release/<platform>-unpacked) from a local Electron distribution.
 * `npm run dist`  - the installers of electron-builder.yml; downloads Electron where ELECTRON_DIST is not set.
 * Platform flags pass through: `npm run dist -- --win`, `-- --linux`, `-- --mac`.
 *
 * Signing settings that name a certificate come from the environment and are merged over electron-builder.yml
 * here, so no certificate reference is committed (the variables: electron-builder.yml header, docs/admin.md).
 */
export const PUBLISHER_NAME = 'Kooperationsverbund Obhut';
export const EXIT_NO_ELECTRON_DIST = 3;

export function signingFromEnv(env: NodeJS.ProcessEnv): Configuration {
  const release: Configuration = env.OBHUT_RELEASE === '1' ? { forceCodeSigning: true } : {};
  const azure = [env.OBHUT_AZURE_SIGN_ENDPOINT, env.OBHUT_AZURE_SIGN_ACCOUNT, env.OBHUT_AZURE_SIGN_PROFILE];
  if (azure.some(Boolean)) {
    if (!azure.every(Boolean)) {
      throw new ToolError(
        'Azure Trusted Signing braucht OBHUT_AZURE_SIGN_ENDPOINT, OBHUT_AZURE_SIGN_ACCOUNT und OBHUT_AZURE_SIGN_PROFILE.',
      );
    }
    return {
      ...release,
      win: {
        azureSignOptions: {
          endpoint: env.OBHUT_AZURE_SIGN_ENDPOINT!,
          codeSigningAccountName: env.OBHUT_AZURE_SIGN_ACCOUNT!,
          certificateProfileName: env.OBHUT_AZURE_SIGN_PROFILE!,
          publisherName: PUBLISHER_NAME,
          fileDigest: 'SHA256',
          timestampDigest: 'SHA256',
          timestampRfc3161: env.OBHUT_WIN_TIMESTAMP_URL || 'http://timestamp.acs.microsoft.com',
        },
      },
    };
  }
  const signtoolOptions = {
    ...(env.OBHUT_WIN_CERT_SHA1
      ? { certificateSha1: env.OBHUT_WIN_CERT_SHA1 }
      : env.OBHUT_WIN_CERT_SUBJECT
        ? { certificateSubjectName: env.OBHUT_WIN_CERT_SUBJECT }
        : {}),
    ...(env.OBHUT_WIN_TIMESTAMP_URL ? { rfc3161TimeStampServer: env.OBHUT_WIN_TIMESTAMP_URL } : {}),
  };
  return Object.keys(signtoolOptions).length > 0 ? { ...release, win: { signtoolOptions } } : release;
}

/** An Electron to package: ELECTRON_DIST (a directory or zip), else the electron package's own download. */
export function findElectronDist(env: NodeJS.ProcessEnv, root = PROJECT_ROOT): string | null {
  if (env.ELECTRON_DIST) return path.resolve(env.ELECTRON_DIST);
  const own = path.join(root, 'node_modules', 'electron', 'dist');
  return existsSync(path.join(own, 'version')) ? own : null;
}

export function noElectronDistMessage(): string {
  return [
    'Obhut: Für "npm run pack" fehlt eine Electron-Distribution.',
    '  Setzen Sie ELECTRON_DIST auf ein entpacktes Electron (oder dessen .zip) derselben Version wie in package.json,',
    '  oder laden Sie Electron mit Internetzugang nach:   node node_modules/electron/install.js',
    '  Die Installationspakete baut   npm run dist   auf einem Rechner mit Internetzugang.',
    'Obhut: "npm run pack" needs an Electron distribution.',
    '  Set ELECTRON_DIST to an unpacked Electron (or its .zip) of the version in package.json,',
    '  or fetch Electron with internet access:   node node_modules/electron/install.js',
    '  The installers are built by   npm run dist   on a machine with internet access.',
  ].join('\n');
}

export function cliOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
  dir: boolean,
  projectDir = PROJECT_ROOT,
): CliOptions {
  const electronDist = findElectronDist(env, projectDir);
  if (dir && !electronDist) throw new ToolError(noElectronDistMessage(), EXIT_NO_ELECTRON_DIST);
  const config: Configuration = { ...signingFromEnv(env), ...(electronDist ? { electronDist } : {}) };
  const platforms = Object.fromEntries(
    (['win', 'linux', 'mac'] as const).filter((p) => argv.includes(`--${p}`)).map((p) => [p, []]),
  );
  return { projectDir, config, dir, publish: 'never', ...platforms };
}

async function main(argv: string[]): Promise<void> {
  const dir = argv.includes('--dir');
  const options = cliOptions(argv, process.env, dir);
  await buildRenderer();
  await bundleElectron();
  const { build } = await import('electron-builder');
  const artifacts = await build(options);
  console.log(dir ? 'Obhut: entpackte App in release/' : `Obhut: gebaut:\n  ${artifacts.join('\n  ')}`);
}

if (isMainModule(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(
      error instanceof ToolError
        ? error.message
        : `Obhut: Paketbau fehlgeschlagen: ${(error as Error)?.message ?? error}`,
    );
    process.exit(error instanceof ToolError ? error.exitCode : 1);
  });
}
