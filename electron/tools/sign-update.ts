import { createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { generateSigningKey, keyIdOf, parsePrivateKey, SIGNATURE_SUFFIX, signUpdateFile } from '../update/signature';
import { TRUSTED_UPDATE_KEYS } from '../update/trusted-keys';
import { isMainModule, packageJson } from './paths';

/**
 * `npm run sign-update -- <file>...` writes `<file>.sig` for each update file, with the Ed25519 key from the
 * environment variable OBHUT_UPDATE_SIGNING_KEY (never from a file: a key file next to the code ends up in a
 * commit or a build artefact sooner or later). Upload each .sig next to its file in the update feed.
 *
 *   --version=<v>      version the files are (default: package.json)
 *   --generate-key     print a new key pair (private key for the secret store, public key for trusted-keys.ts)
 *   --key-id           print the id of the key in the environment
 *   --allow-unpinned   sign although the app does not pin this key (for tests; the app would refuse the update)
 */
export const KEY_VARIABLE = 'OBHUT_UPDATE_SIGNING_KEY';

type Output = { out: (line: string) => void; err: (line: string) => void };

export async function signUpdate(argv: string[], env: NodeJS.ProcessEnv, io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      version: { type: 'string' },
      'generate-key': { type: 'boolean' },
      'key-id': { type: 'boolean' },
      'allow-unpinned': { type: 'boolean' },
    },
  });

  if (values['generate-key']) {
    const key = generateSigningKey();
    io.out(`# Schlüssel-ID: ${key.keyId}`);
    io.out(`# Privater Schlüssel - nur in den Secret-Speicher der Release-Umgebung als ${KEY_VARIABLE}:`);
    io.out(key.privateKeyBase64);
    io.out('# Öffentlicher Schlüssel - in electron/update/trusted-keys.ts eintragen:');
    io.out(key.publicKeyPem.trimEnd());
    return 0;
  }

  const keyText = env[KEY_VARIABLE];
  if (!keyText) {
    io.err(`Kein Signaturschlüssel: Die Umgebungsvariable ${KEY_VARIABLE} ist nicht gesetzt.`);
    io.err(`No signing key: set the environment variable ${KEY_VARIABLE} (base64 PKCS#8 or PEM, Ed25519).`);
    return 2;
  }
  let privateKey;
  try {
    privateKey = parsePrivateKey(keyText);
  } catch (error) {
    io.err(`${KEY_VARIABLE} enthält keinen gültigen Ed25519-Schlüssel (${(error as Error).message}).`);
    return 2;
  }
  const keyId = keyIdOf(privateKey);
  if (values['key-id']) {
    io.out(keyId);
    return 0;
  }

  const pinned = TRUSTED_UPDATE_KEYS.some((pem) => keyIdOf(createPublicKey(pem)) === keyId);
  if (!pinned && !values['allow-unpinned']) {
    io.err(
      `Der Schlüssel ${keyId} ist nicht in electron/update/trusted-keys.ts hinterlegt: Die App würde das Update ablehnen.`,
    );
    io.err(`Key ${keyId} is not pinned in electron/update/trusted-keys.ts: the app would refuse the update.`);
    return 3;
  }
  if (positionals.length === 0) {
    io.err('Aufruf: npm run sign-update -- [--version=<v>] <Datei>...');
    return 2;
  }
  const version = values.version ?? packageJson().version;
  for (const file of positionals) {
    const signature = await signUpdateFile(file, version, privateKey);
    writeFileSync(`${file}${SIGNATURE_SUFFIX}`, `${JSON.stringify(signature, null, 2)}\n`);
    io.out(`signiert: ${file}${SIGNATURE_SUFFIX} (Version ${version}, Schlüssel ${keyId})`);
  }
  return 0;
}

if (isMainModule(import.meta.url)) {
  signUpdate(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`sign-update: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
