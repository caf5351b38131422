import path from 'node:path';

import type { AppUpdater, UpdateDownloadedEvent, UpdateInfo } from 'electron-updater';

import { de } from '../../shared/i18n';
import type { Logger } from '../log';
import type { Settings } from '../policy/settings';
import { fill } from '../text';
import { type RefusalReason, SIGNATURE_SUFFIX, verifyUpdateFile } from './signature';

const { desktop } = de;

/** The part of electron-updater's AppUpdater this service drives (electron-updater needs Electron to load). */
export type Updater = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'allowDowngrade'
  | 'allowPrerelease'
  | 'logger'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
  | 'on'
>;

export type UpdateReport =
  | { kind: 'disabled' }
  | { kind: 'available'; version: string; downloadAllowed: boolean }
  | { kind: 'refused'; version: string; reason: RefusalReason; message: string }
  | { kind: 'ready'; version: string }
  | { kind: 'error'; message: string };

export type UpdateServiceDeps = {
  settings: Pick<Settings, 'updateUrl' | 'updateChannel' | 'allowUpdateDownload'>;
  trustedKeys: readonly string[];
  /** GET a small text file: its body, null on 404, a rejection otherwise. */
  fetchText: (url: string) => Promise<string | null>;
  removeFile: (file: string) => Promise<void>;
  log: Logger;
  report: (report: UpdateReport) => void;
};

/**
 * Checks the self-hosted feed named by the machine policy, downloads only where the policy allows it, and
 * installs only a file whose Ed25519 signature verifies against a pinned key. electron-updater's own
 * install-on-quit stays off: it would install whatever passed the sha512 check.
 */
export class UpdateService {
  private verified: string | null = null;

  constructor(
    private readonly updater: Updater,
    private readonly deps: UpdateServiceDeps,
  ) {}

  /** Resolves once the feed was asked; a download that follows is reported through `report`. */
  async start(): Promise<void> {
    const { updateUrl, updateChannel, allowUpdateDownload } = this.deps.settings;
    if (!updateUrl) {
      this.deps.log.info('update check off: no update feed in the machine policy');
      this.deps.report({ kind: 'disabled' });
      return;
    }
    const updater = this.updater;
    updater.autoDownload = false;
    updater.autoInstallOnAppQuit = false;
    updater.allowDowngrade = false;
    updater.allowPrerelease = updateChannel !== 'latest';
    updater.logger = this.deps.log;
    updater.setFeedURL({ provider: 'generic', url: updateUrl, channel: updateChannel });
    updater.on('update-available', (info: UpdateInfo) => {
      this.deps.report({ kind: 'available', version: info.version, downloadAllowed: allowUpdateDownload });
      if (!allowUpdateDownload) {
        this.deps.log.info('update available, download not allowed by the machine policy', { version: info.version });
        return;
      }
      updater.downloadUpdate().catch((error: unknown) => this.fail(error));
    });
    updater.on('update-downloaded', (event: UpdateDownloadedEvent) => {
      this.check(event).catch((error: unknown) => this.fail(error));
    });
    updater.on('error', (error: Error) => this.fail(error));
    try {
      await updater.checkForUpdates();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Verifies a downloaded file; a refused one is deleted so nothing can install it later. */
  async check(event: Pick<UpdateDownloadedEvent, 'version' | 'downloadedFile'>): Promise<boolean> {
    const { version, downloadedFile } = event;
    const signatureUrl = this.signatureUrl(path.basename(downloadedFile));
    let signatureText: string | null;
    try {
      signatureText = await this.deps.fetchText(signatureUrl);
    } catch (error) {
      this.deps.log.warn('update signature could not be fetched', { url: signatureUrl, error: String(error) });
      return this.refuse(version, downloadedFile, 'signature_unavailable');
    }
    const result = await verifyUpdateFile(downloadedFile, version, signatureText, this.deps.trustedKeys);
    if (!result.ok) return this.refuse(version, downloadedFile, result.reason);
    this.verified = version;
    this.deps.log.info('update verified', { version, keyId: result.keyId, file: path.basename(downloadedFile) });
    this.deps.report({ kind: 'ready', version });
    return true;
  }

  /** Installs a verified update now (the app quits); false when there is none. */
  installNow(): boolean {
    if (!this.verified) return false;
    this.updater.quitAndInstall(false, true);
    return true;
  }

  /** Call on the app's quit: installs a verified update silently, does nothing otherwise. */
  installOnQuit(): void {
    if (this.verified) this.updater.quitAndInstall(true, false);
  }

  private signatureUrl(fileName: string): string {
    const base = this.deps.settings.updateUrl!.replace(/\/*$/, '/');
    return new URL(encodeURIComponent(fileName) + SIGNATURE_SUFFIX, base).href;
  }

  private async refuse(version: string, file: string, reason: RefusalReason): Promise<false> {
    this.verified = null;
    this.deps.log.error('update refused', { version, reason, file: path.basename(file) });
    await this.deps.removeFile(file).catch((error: unknown) => {
      this.deps.log.error('refused update file could not be removed', { file, error: String(error) });
    });
    this.deps.report({ kind: 'refused', version, reason, message: fill(desktop.update.refused[reason], { version }) });
    return false;
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.deps.log.error('update check failed', { error: message });
    this.deps.report({ kind: 'error', message });
  }
}
