import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  sign as signBytes,
  verify as verifyBytes,
} from 'node:crypto';
import { appendFile } from 'node:fs/promises';

import type { Queryable } from '../db/db';
import { auditHead } from './log';

/**
 * Signed chain heads: the hash chain alone shows a changed row only to someone who knows an earlier head, because
 * whoever can write the table (the database owner) can re-hash everything after the change. So the server signs
 * the head now and then with an Ed25519 key that is not in the database (env OBHUT_AUDIT_SIGNING_KEY, like update
 * signing) and appends it to a file outside the database (OBHUT_AUDIT_HEADS_FILE: another disk, a syslog-forwarded
 * directory, a WORM share). `npm run audit:verify` checks each signature with the public key and that the chain
 * in the database still reaches each signed hash at its position: a rewrite before the last export shows.
 */
export type SignedHead = { seq: number; hash: string; at: string; keyId: string; sig: string };

const payload = (h: Pick<SignedHead, 'seq' | 'hash' | 'at'>) =>
  Buffer.from(`obhut-audit-head\n${h.seq}\n${h.hash}\n${h.at}`);

/** Base64 PKCS#8 (as `npm run sign-update -- --generate-key` prints it) or PEM; Ed25519 only. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`Ed25519-Schlüssel erwartet, nicht ${key.asymmetricKeyType}`);
  return key;
}

/** PEM or base64 SPKI of the public key. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`Ed25519-Schlüssel erwartet, nicht ${key.asymmetricKeyType}`);
  return key;
}

export function keyIdOf(key: KeyObject): string {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

export function signHead(key: KeyObject, head: { seq: number; hash: string }, at = new Date()): SignedHead {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...unsigned, keyId: keyIdOf(key), sig: signBytes(null, payload(unsigned), key).toString('base64') };
}

/** Signs the current head and appends it as one JSON line to the file. */
export async function exportSignedHead(q: Queryable, key: KeyObject, file: string): Promise<SignedHead> {
  const signed = signHead(key, await auditHead(q));
  await appendFile(file, `${JSON.stringify(signed)}\n`, { mode: 0o640 });
  return signed;
}

export type HeadProblem =
  | { kind: 'bad_line'; line: number }
  | { kind: 'bad_signature'; line: number; seq: number }
  | { kind: 'missing'; line: number; seq: number; at: string }
  | { kind: 'rewritten'; line: number; seq: number; at: string };

/**
 * Checks every exported head against the public key and the rows in the database. Problems are listed, not just
 * the first: a rewritten chain shows at every head exported after the change.
 */
export async function checkSignedHeads(q: Queryable, text: string, publicKey: KeyObject): Promise<HeadProblem[]> {
  const problems: HeadProblem[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    if (!raw.trim()) continue;
    const line = index + 1;
    const head = parseLine(raw);
    if (!head) {
      problems.push({ kind: 'bad_line', line });
      continue;
    }
    if (!verifyBytes(null, payload(head), publicKey, Buffer.from(head.sig, 'base64'))) {
      problems.push({ kind: 'bad_signature', line, seq: head.seq });
      continue;
    }
    if (head.seq === 0) continue; // the empty chain
    const { rows } = await q.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1', [head.seq]);
    if (!rows[0]) problems.push({ kind: 'missing', line, seq: head.seq, at: head.at });
    else if (rows[0].hash !== head.hash) problems.push({ kind: 'rewritten', line, seq: head.seq, at: head.at });
  }
  return problems;
}

function parseLine(raw: string): SignedHead | null {
  try {
    const head = JSON.parse(raw) as Partial<SignedHead>;
    const ok =
      Number.isInteger(head.seq) &&
      typeof head.hash === 'string' &&
      typeof head.at === 'string' &&
      typeof head.sig === 'string';
    return ok ? (head as SignedHead) : null;
  } catch {
    return null;
  }
}

/**
 * Exports a signed head now and every intervalMs, skipping when nothing was appended since; returns stop, which
 * exports a last one (so a shutdown leaves the newest head outside the database).
 */
export function startHeadExport(
  q: Queryable,
  key: KeyObject,
  file: string,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let last = -1;
  let running: Promise<void> = Promise.resolve();
  const tick = () =>
    (running = running.then(async () => {
      try {
        const head = await auditHead(q);
        if (head.seq !== last) last = (await exportSignedHead(q, key, file)).seq;
      } catch (err) {
        onError(err);
      }
    }));
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await tick();
  };
}
