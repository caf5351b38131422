import type { SafeStorage } from 'electron';

import { de } from '../shared/i18n';
import type { KeystoreResult } from '../shared/ipc';
import type { Logger } from './log';

const { desktop } = de;

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/**
 * The OS keystore as a second wrap around the database key (issue 5). Signal's rule: refuse to run rather than
 * fall back to a key the OS keeps in plain text - unless the machine policy explicitly allows it
 * (`allowPlaintextKeyStorage`, for Linux machines without a keyring). Linux's "basic_text" backend counts as plain
 * text: it encrypts with a password compiled into Chromium.
 *
 * Wrapped values carry their kind: `os1:` encrypted by the OS, `plain0:` stored as is (only ever written or read
 * while the policy allows it).
 */
const OS_PREFIX = 'os1:';
const PLAIN_PREFIX = 'plain0:';

export type KeystoreAssessment = { protectedByOs: boolean; usable: boolean; backend: string };

export function assessKeystore(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
  allowPlaintext: boolean,
): KeystoreAssessment {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  const protectedByOs =
    safeStorage.isEncryptionAvailable() &&
    !(platform === 'linux' && (backend === 'basic_text' || backend === 'unknown'));
  return { protectedByOs, usable: protectedByOs || allowPlaintext, backend };
}

export type Keystore = {
  protect: (plain: string) => KeystoreResult;
  unprotect: (wrapped: string) => KeystoreResult;
};

export function createKeystore(
  safeStorage: SafeStorageLike,
  options: { platform: NodeJS.Platform; allowPlaintext: boolean; log: Logger },
): Keystore {
  const refused = (): KeystoreResult => {
    options.log.error('keystore refused: no OS protection and the policy does not allow plain text');
    return { ok: false, message: desktop.keystore.unavailable };
  };
  // Assessed per call: Linux only knows its backend after `ready`, and a keyring can be unlocked later.
  const assess = () => assessKeystore(safeStorage, options.platform, options.allowPlaintext);
  return {
    protect(plain) {
      const state = assess();
      if (!state.usable) return refused();
      if (!state.protectedByOs) {
        options.log.warn('keystore: key stored without OS protection, allowed by the machine policy', {
          backend: state.backend,
        });
        return { ok: true, value: PLAIN_PREFIX + Buffer.from(plain, 'utf8').toString('base64') };
      }
      return { ok: true, value: OS_PREFIX + safeStorage.encryptString(plain).toString('base64') };
    },
    unprotect(wrapped) {
      const state = assess();
      if (!state.usable) return refused();
      try {
        if (wrapped.startsWith(OS_PREFIX)) {
          return { ok: true, value: safeStorage.decryptString(Buffer.from(wrapped.slice(OS_PREFIX.length), 'base64')) };
        }
        if (wrapped.startsWith(PLAIN_PREFIX) && options.allowPlaintext) {
          return { ok: true, value: Buffer.from(wrapped.slice(PLAIN_PREFIX.length), 'base64').toString('utf8') };
        }
      } catch (error) {
        options.log.warn('keystore: stored key could not be decrypted', { error: String(error) });
      }
      return { ok: false, message: desktop.keystore.unreadable };
    },
  };
}
