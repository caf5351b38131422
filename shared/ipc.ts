/**
 * The typed bridge between Electron's main process and the renderer. The preload exposes exactly
 * `ObhutBridge` as `window.obhut`; every channel used is listed in IPC_CHANNELS (the main process refuses others).
 */
export type MachineConfig = {
  /** Base URL of the replication endpoint, e.g. https://obhut.kreis-segeberg.de */
  serverUrl: string;
  /** Office this laptop belongs to, when the machine policy sets one. */
  officeId?: string;
  idleLockMinutes: number;
  /** Days after which a finished record leaves the laptop (shared/privacy/laptop-purge.ts); absent: the default. */
  laptopPurgeDays?: number;
  /** Whom a worker locked out at night calls (machine policy); absent when the policy names no one. */
  nightContact?: { name: string | null; phone: string };
  /** Names of settings fixed by the machine policy (shown as "verwaltet" in the app). */
  managed: string[];
  /** German messages about a malformed machine policy or settings file; the app runs on safe defaults meanwhile. */
  policyErrors?: string[];
};

/** Why the main process asks the renderer to lock: the machine goes to sleep, or the user locked the screen. */
export type LockReason = 'suspend' | 'lock-screen';
export const LOCK_REASONS: readonly LockReason[] = ['suspend', 'lock-screen'];

/** A secret wrapped or unwrapped by the OS keystore, or the German reason why not. */
export type KeystoreResult = { ok: true; value: string } | { ok: false; message: string };

/** What became of saving a printed page as PDF: where it went, or that the user cancelled, or the German reason. */
export type PrintToPdfResult =
  { status: 'saved'; path: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * A problem the renderer reports into the main process's log file (a packaged app has no visible console): a code
 * and where it happened, each a short token - never a message text, which could carry a child's name.
 */
export type ProblemReport = { code: string; where: string };
const PROBLEM_TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;
export function isProblemReport(value: unknown): value is ProblemReport {
  if (typeof value !== 'object' || value === null) return false;
  const { code, where, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof code === 'string' &&
    PROBLEM_TOKEN.test(code) &&
    typeof where === 'string' &&
    PROBLEM_TOKEN.test(where)
  );
}
/** A token for a report: the text itself where it is one, else `fallback`. */
export function problemToken(text: string | undefined, fallback: string): string {
  return text !== undefined && PROBLEM_TOKEN.test(text) ? text : fallback;
}

export type ObhutBridge = {
  appVersion: string;
  getConfig: () => Promise<MachineConfig>;
  openExternal: (url: string) => Promise<void>;
  /**
   * Wraps a secret (the password-wrapped database key) with the OS keystore: DPAPI, Keychain, libsecret/KWallet.
   * Refuses where the OS would keep it in plain text and the machine policy does not allow that.
   * Optional only so that bridges built before it existed still type-check; the desktop app always has it.
   */
  protectSecret?: (plain: string) => Promise<KeystoreResult>;
  unprotectSecret?: (wrapped: string) => Promise<KeystoreResult>;
  /**
   * Calls `listener` when the app must lock now (sleep, screen lock); returns the function that stops listening.
   * Optional for the same reason as protectSecret.
   */
  onLockRequest?: (listener: (reason: LockReason) => void) => () => void;
  /**
   * Prints the app's page with its print styles (the handover report) to an A4 PDF and asks where to save it,
   * offering `suggestedName`. Optional for the same reason as protectSecret; the browser prints with window.print.
   */
  printToPdf?: (suggestedName: string) => Promise<PrintToPdfResult>;
  /** Writes a problem into the main process's log (codes only). Optional for the same reason as protectSecret. */
  reportProblem?: (report: ProblemReport) => Promise<void>;
};

export const IPC_CHANNELS = {
  getConfig: 'obhut:get-config',
  openExternal: 'obhut:open-external',
  protectSecret: 'obhut:protect-secret',
  unprotectSecret: 'obhut:unprotect-secret',
  printToPdf: 'obhut:print-to-pdf',
  reportProblem: 'obhut:report-problem',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Channels the main process sends on (webContents.send); the renderer only listens, through the bridge. */
export const IPC_EVENTS = {
  lockRequest: 'obhut:lock-request',
} as const;

declare global {
  interface Window {
    obhut?: ObhutBridge;
  }
}
