import { createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM, as the renderer seals with WebCrypto: 12-byte IV, the 16-byte tag at the end of the ciphertext. */
const TAG_BYTES = 16;

export function newSealKey(): Buffer {
  return randomBytes(32);
}

/** The plaintext, or null when the seal does not open with this key (wrong key, altered bytes). */
export function openSeal(key: Buffer, ivBase64: string, ciphertextBase64: string): string | null {
  const iv = Buffer.from(ivBase64, 'base64');
  const data = Buffer.from(ciphertextBase64, 'base64');
  if (iv.length !== 12 || data.length < TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
