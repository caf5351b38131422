import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import Ajv from 'ajv';
import type { Configuration } from 'electron-builder';

import { ICON_PATH, renderIcon } from './make-icon';
import { cliOptions, EXIT_NO_ELECTRON_DIST, findElectronDist, PUBLISHER_NAME, signingFromEnv } from './package';
import { packageJson, PROJECT_ROOT } from './paths';

/**
 * electron-builder.yml as electron-builder itself reads and validates it, plus our own ajv run over its published
 * configuration schema (app-builder-lib/scheme.json), then the settings that matter for security asserted.
 */
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (
    projectDir: string,
    configPath: string | null,
    fromOptions: Configuration | null,
  ) => Promise<Configuration>;
  validateConfiguration: (config: Configuration, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));

function schemaValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // scheme.json marks hook options as `typeof: function`; YAML cannot hold functions, so nothing may match it.
  ajv.addKeyword({ keyword: 'typeof', validate: () => false, errors: false });
  return ajv.compile(scheme);
}
const validate = schemaValidator();
const load = (fromOptions: Configuration | null = null) => getConfig(PROJECT_ROOT, null, fromOptions);

/** Every key anywhere in the config, for "this must never be here" checks. */
function allKeys(value: unknown, into: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.push(key);
      allKeys(inner, into);
    }
  }
  return into;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", async () => {
    const config = await load();
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught by that check if it were wrong', async () => {
    const config = await load();
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
  });

  it('sets every security fuse explicitly', async () => {
    const { electronFuses } = await load();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('holds no certificate, password or key - signing comes from the environment', async () => {
    const config = await load();
    const keys = allKeys(config);
    for (const forbidden of [
      'certificateFile',
      'certificatePassword',
      'cscLink',
      'cscKeyPassword',
      'certificateSha1',
      'certificateSubjectName',
    ]) {
      expect(keys).not.toContain(forbidden);
    }
    const yml = readFileSync(path.join(PROJECT_ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).not.toMatch(/\.(pfx|p12)\b(?!.*\()/m);
  });

  it('signs Windows builds with SHA-256 and an RFC 3161 timestamp, and names the publisher updates are checked against', async () => {
    const { win, publish } = await load();
    expect(win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
    expect(win?.signtoolOptions?.rfc3161TimeStampServer).toMatch(/^https?:\/\//);
    expect(win?.signtoolOptions?.publisherName).toEqual([PUBLISHER_NAME]);
    expect(win?.verifyUpdateCodeSignature).toBe(true);
    expect(publish).toMatchObject({ provider: 'generic', publisherName: [PUBLISHER_NAME] });
  });

  it('builds per-machine NSIS and MSI with fixed upgrade identities, deb and AppImage, a hardened dmg', async () => {
    const config = await load();
    const targets = (list: unknown) => (list as Array<{ target: string }>).map((t) => t.target);
    expect(targets(config.win?.target)).toEqual(['nsis', 'msi']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.nsis?.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi?.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(targets(config.linux?.target)).toEqual(['deb', 'AppImage']);
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const entitlements = readFileSync(path.join(PROJECT_ROOT, config.mac!.entitlements!), 'utf8');
    expect(entitlements.match(/<key>[^<]+<\/key>/g)).toEqual(['<key>com.apple.security.cs.allow-jit</key>']);
    expect(config).toMatchObject({ appId: 'de.kooperationsverbund.obhut', productName: 'Obhut' });
  });

  it('packs only the bundles the app runs from, no node_modules', async () => {
    // electron-builder's loader normalises the list into file sets.
    const files = ((await load()).files as Array<string | { filter: string[] }>).flatMap((f) =>
      typeof f === 'string' ? [f] : f.filter,
    );
    const main = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { main: string }).main;
    expect(files).toContain(main);
    expect(files).toContain('dist/electron/preload.cjs');
    expect(files).toContain('dist/renderer/**/*');
    expect(files).toContain('!node_modules/**/*');
  });

  it('uses an icon built from code, 512 px', () => {
    const png = readFileSync(ICON_PATH);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png.equals(renderIcon())).toBe(true);
  });
});

describe('signing from the environment', () => {
  it('adds nothing without variables', () => {
    expect(signingFromEnv({})).toEqual({});
  });

  it('selects a certificate in the Windows store by SHA-1 or subject, keeping the yml settings', async () => {
    const bySha1 = await load(signingFromEnv({ OBHUT_WIN_CERT_SHA1: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678' }));
    expect(validate(bySha1)).toBe(true);
    expect(bySha1.win?.signtoolOptions).toMatchObject({
      certificateSha1: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678',
      signingHashAlgorithms: ['sha256'],
      publisherName: [PUBLISHER_NAME],
    });
    const bySubject = signingFromEnv({ OBHUT_WIN_CERT_SUBJECT: 'Kooperationsverbund Obhut', OBHUT_RELEASE: '1' });
    expect(bySubject).toEqual({
      forceCodeSigning: true,
      win: { signtoolOptions: { certificateSubjectName: 'Kooperationsverbund Obhut' } },
    });
  });

  it('switches to Azure Trusted Signing with all three names, and refuses half a configuration', async () => {
    const env = {
      OBHUT_AZURE_SIGN_ENDPOINT: 'https://weu.codesigning.azure.net',
      OBHUT_AZURE_SIGN_ACCOUNT: 'obhut-signing',
      OBHUT_AZURE_SIGN_PROFILE: 'obhut-public-trust',
    };
    const config = await load(signingFromEnv(env));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config.win?.azureSignOptions).toMatchObject({
      endpoint: env.OBHUT_AZURE_SIGN_ENDPOINT,
      codeSigningAccountName: 'obhut-signing',
      certificateProfileName: 'obhut-public-trust',
      publisherName: PUBLISHER_NAME,
    });
    expect(() => signingFromEnv({ OBHUT_AZURE_SIGN_ENDPOINT: env.OBHUT_AZURE_SIGN_ENDPOINT })).toThrow(/braucht/);
  });
});

describe('npm run pack', () => {
  it('needs an Electron distribution and says so', () => {
    const hasOwn = findElectronDist({}) !== null;
    if (!hasOwn) {
      expect(() => cliOptions(['--dir'], {}, true)).toThrow(
        expect.objectContaining({ exitCode: EXIT_NO_ELECTRON_DIST }),
      );
      expect(() => cliOptions(['--dir'], {}, true)).toThrow(/ELECTRON_DIST/);
    }
    const options = cliOptions(['--dir', '--linux'], { ELECTRON_DIST: '/opt/electron' }, true);
    expect(options).toMatchObject({
      dir: true,
      publish: 'never',
      linux: [],
      config: { electronDist: '/opt/electron' },
    });
    expect(packageJson().scripts.pack).toContain('--dir');
  });
});

describe('the repository', () => {
  it('tracks no private key or certificate file', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    expect(files.filter((f) => /\.(pfx|p12|key|pem|snk)$/i.test(f))).toEqual([]);
    const marker = ['-----BEGIN', ' PRIVATE KEY-----'];
    const leaking = files.filter((f) => {
      const full = path.join(PROJECT_ROOT, f);
      if (!existsSync(full) || !lstatSync(full).isFile() || /\.(png|ico|icns|woff2?)$/.test(f)) return false;
      const text = readFileSync(full, 'utf8');
      return text.includes(marker.join('')) || text.includes(marker.join('').replace(' PRIVATE', ' ENCRYPTED PRIVATE'));
    });
    expect(leaking).toEqual([]);
  });
});
