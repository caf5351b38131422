import { contextBridge, ipcRenderer } from 'electron';

import { createBridge } from './bridge';

/** Replaced by the bundler with package.json's version (electron/tools/bundle.ts). */
declare const OBHUT_APP_VERSION: string;

contextBridge.exposeInMainWorld('obhut', createBridge(ipcRenderer, OBHUT_APP_VERSION));
