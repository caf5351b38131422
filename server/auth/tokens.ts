import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer token: 32 random bytes. Only its SHA-256 is stored, so a database dump grants no access. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
