import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { autoUpdater } from 'electron-updater';

import { de } from '../shared/i18n';
import { IPC_EVENTS } from '../shared/ipc';
import { installGlobalErrorHandlers } from './errors/global-errors';
import { createKeystore } from './keystore';
import { createFileLogger } from './log';
import { launchServerUrl, loadSettings, machinePolicyPath } from './policy/load';
import { toMachineConfig } from './policy/settings';
import { forwardLockSignals } from './power/lock-signals';
import { createPdfExport } from './print/pdf-export';
import { contentSecurityPolicy } from './security/csp';
import { registerIpcHandlers } from './security/ipc';
import { guardNavigation, isSafeExternalUrl } from './security/navigation';
import { installPermissionHandlers } from './security/permissions';
import { fill } from './text';
import { createFetchText } from './update/fetch-text';
import { TRUSTED_UPDATE_KEYS } from './update/trusted-keys';
import { type UpdateReport, UpdateService } from './update/update-service';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, createAppRequestHandler } from './window/app-protocol';
import { mainWindowOptions } from './window/main-window';

const { desktop } = de;

/**
 * Composition only: every decision lives in a module that takes Electron's objects as parameters and is tested
 * under Node. The order matters where commented.
 */

// Before anything reads a path: the profile folder is %APPDATA%\Obhut, ~/.config/Obhut (docs/admin.md).
app.setName('Obhut');
// Chromium's own date and time inputs follow the app's locale, not the page's: German (dd.mm.yyyy, 24 h) on any
// laptop, whatever language its system runs in. Must be set before `ready`.
app.commandLine.appendSwitch('lang', 'de-DE');
// Must happen before `ready`, or app:// is not a secure, standard origin.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second Obhut would open the same IndexedDB; the running one takes the focus instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Nothing sensible runs without the window: say why and stop, rather than linger invisibly.
      dialog.showErrorBox('Obhut', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const log = createFileLogger(path.join(app.getPath('logs'), 'main.log'));
  log.info('start', { version: app.getVersion(), packaged: app.isPackaged, platform: process.platform });
  installGlobalErrorHandlers({ app, process, log });

  const resolved = await loadSettings({
    machinePolicyFile: machinePolicyPath(process.platform, process.env, app.isPackaged),
    userSettingsFile: path.join(app.getPath('userData'), 'settings.json'),
    launchServerUrl: launchServerUrl(process.argv, process.env),
    packaged: app.isPackaged,
  });
  for (const detail of resolved.errors) log.warn('settings problem', { detail });
  const machineConfig = toMachineConfig(resolved);
  const csp = contentSecurityPolicy(resolved.settings.serverUrl);

  const openExternal = (url: string) => shell.openExternal(url);
  // Every webContents, including any a bug might create, gets the navigation guard.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, openExternal, log));

  const ses = session.defaultSession;
  installPermissionHandlers(ses);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  protocol.handle(APP_SCHEME, createAppRequestHandler({ root: path.join(__dirname, '..', 'renderer'), csp }));

  const keystore = createKeystore(safeStorage, {
    platform: process.platform,
    allowPlaintext: resolved.settings.allowPlaintextKeyStorage,
    log,
  });
  const exportPdf = createPdfExport({ dialog, writeFile, defaultDirectory: app.getPath('documents'), log });
  registerIpcHandlers(
    ipcMain,
    {
      getConfig: async () => machineConfig,
      openExternal: async (url) => {
        if (!isSafeExternalUrl(url)) throw new Error('only http(s) links open externally');
        await openExternal(url);
      },
      protectSecret: async (plain) => keystore.protect(plain),
      unprotectSecret: async (wrapped) => keystore.unprotect(wrapped),
      printToPdf: (name) => exportPdf(mainWindow && { window: mainWindow, webContents: mainWindow.webContents }, name),
      reportProblem: async ({ code, where }) => log.warn('renderer problem', { code, where }),
    },
    log,
  );

  if (app.isPackaged) Menu.setApplicationMenu(null);
  mainWindow = new BrowserWindow(
    mainWindowOptions({ preload: path.join(__dirname, 'preload.cjs'), isPackaged: app.isPackaged }),
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  // Sleep and screen lock lock the app (the renderer drops the key); powerMonitor exists only after `ready`.
  forwardLockSignals(powerMonitor, (reason) => {
    log.info('lock request', { reason });
    mainWindow?.webContents.send(IPC_EVENTS.lockRequest, reason);
  });
  await mainWindow.loadURL(APP_URL);

  if (resolved.errors.length > 0) {
    void dialog.showMessageBox(mainWindow, {
      type: 'warning',
      title: desktop.policy.dialogTitle,
      message: desktop.policy.dialogMessage,
      detail: `${desktop.policy.dialogDetail}\n\n${resolved.errors.join('\n')}`,
    });
  }

  if (app.isPackaged) {
    const updates = new UpdateService(autoUpdater, {
      settings: resolved.settings,
      trustedKeys: TRUSTED_UPDATE_KEYS,
      fetchText: createFetchText((input, init) =>
        net.fetch(input instanceof Request ? input.url : input.toString(), init),
      ),
      removeFile: (file) => rm(file, { force: true }),
      log,
      report: (report) => void showUpdateReport(report, updates),
    });
    app.once('quit', () => updates.installOnQuit());
    void updates.start();
  }
}

async function showUpdateReport(report: UpdateReport, updates: UpdateService): Promise<void> {
  if (!mainWindow) return;
  if (report.kind === 'refused') {
    await dialog.showMessageBox(mainWindow, {
      type: 'error',
      title: desktop.update.refusedTitle,
      message: report.message,
      detail: desktop.update.refusedDetail,
    });
  } else if (report.kind === 'ready') {
    const { response } = await dialog.showMessageBox(mainWindow, {
      type: 'info',
      title: desktop.update.readyTitle,
      message: fill(desktop.update.readyMessage, { version: report.version }),
      detail: desktop.update.readyDetail,
      buttons: [desktop.update.restartNow, desktop.update.later],
      defaultId: 1,
      cancelId: 1,
    });
    if (response === 0) updates.installNow();
  }
}
