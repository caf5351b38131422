import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

/**
 * Ed25519 signatures over update files, on top of electron-updater's sha512 (which only proves the file matches
 * the feed's latest.yml - whoever controls the feed controls both). The signed message binds the file's SHA-512,
 * its name and the version it claims to be, so a validly signed old installer cannot be replayed as a new
 * version. Ed25519 signs the message in one piece, so the file is hashed as a stream first and never held in
 * memory whole.
 *
 * The signature travels as `<file>.sig` next to the file in the feed. Only `keyId` and `signature` are trusted
 * from it; everything else is recomputed from the downloaded file.
 */
export const SIGNATURE_SUFFIX = '.sig';
const FORMAT = 'obhut-update-signature-1';

export type SignatureFile = {
  format: typeof FORMAT;
  algorithm: 'Ed25519';
  keyId: string;
  version: string;
  file: string;
  sha512: string;
  signature: string;
};

export type RefusalReason = 'unsigned' | 'signature_unavailable' | 'malformed' | 'unknown_key' | 'bad_signature';
export type VerifyResult = { ok: true; keyId: string } | { ok: false; reason: RefusalReason };

export async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function signedMessage(version: string, fileName: string, sha512: string): Buffer {
  return Buffer.from(`obhut-update-v1\nversion=${version}\nfile=${fileName}\nsha512=${sha512}\n`, 'utf8');
}

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 over its SPKI encoding. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The signing key as kept in a CI secret: PKCS#8 PEM, or the same DER as one base64 line. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

export function generateSigningKey(): { privateKeyBase64: string; publicKeyPem: string; keyId: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyBase64: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

export async function signUpdateFile(file: string, version: string, privateKey: KeyObject): Promise<SignatureFile> {
  const fileName = path.basename(file);
  const sha512 = await sha512OfFile(file);
  return {
    format: FORMAT,
    algorithm: 'Ed25519',
    keyId: keyIdOf(privateKey),
    version,
    file: fileName,
    sha512,
    signature: sign(null, signedMessage(version, fileName, sha512), privateKey).toString('base64'),
  };
}

function parseSignatureFile(text: string): Pick<SignatureFile, 'keyId' | 'signature'> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { format, algorithm, keyId, signature } = value as Record<string, unknown>;
  if (format !== FORMAT || algorithm !== 'Ed25519') return null;
  if (typeof keyId !== 'string' || typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) {
    return null;
  }
  return { keyId, signature };
}

/**
 * Checks a downloaded update against the public keys pinned in the app. `signatureText` is the content of the
 * `.sig` file, or null when the feed has none.
 */
export async function verifyUpdateFile(
  file: string,
  expectedVersion: string,
  signatureText: string | null,
  trustedKeys: readonly string[],
): Promise<VerifyResult> {
  if (signatureText === null) return { ok: false, reason: 'unsigned' };
  const parsed = parseSignatureFile(signatureText);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const key = trustedKeys.map((pem) => createPublicKey(pem)).find((k) => keyIdOf(k) === parsed.keyId);
  if (!key) return { ok: false, reason: 'unknown_key' };
  const message = signedMessage(expectedVersion, path.basename(file), await sha512OfFile(file));
  const valid = verify(null, message, key, Buffer.from(parsed.signature, 'base64'));
  return valid ? { ok: true, keyId: parsed.keyId } : { ok: false, reason: 'bad_signature' };
}
