import path from 'node:path';

import type { BaseWindow, Dialog, PrintToPDFOptions, WebContents } from 'electron';

import { safeFileName } from '../../shared/fileName';
import { de } from '../../shared/i18n';
import type { PrintToPdfResult } from '../../shared/ipc';
import type { Logger } from '../log';

const { report } = de;

/**
 * The page's print styles decide what is printed (the handover report only), its A4 size, margins and the
 * "Seite x von y" footer (CSS @page margin boxes), so the PDF is the same as the browser's print.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
} as const satisfies PrintToPDFOptions;

export type PdfExportDeps = {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Node's fs.promises.writeFile; `flag: 'wx'` must refuse an existing file with EEXIST. */
  writeFile: (file: string, data: Buffer, options?: { flag?: string }) => Promise<void>;
  /** Where the save dialog starts: the user's documents folder. */
  defaultDirectory: string;
  log: Logger;
};

export type PdfSource = { window: BaseWindow; webContents: Pick<WebContents, 'printToPDF'> };

/**
 * A file name the renderer suggests, made safe: no folders, no characters Windows refuses, and ".pdf" at the end.
 * The user picks the final place in the dialog; the suggestion can never point outside the default folder.
 * The renderer already suggests a safe name (shared/fileName); this is the main process's own check of what comes
 * over IPC.
 */
export function suggestedFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\.pdf$/i, '');
  return `${safeFileName(base) || report.title}.pdf`;
}

/** How often the dialog is shown for one export: once, and once more when an added ".pdf" meets an existing file. */
const MAX_ASKS = 2;

/**
 * Saves the window's page as an A4 PDF: asks where first (nothing is rendered if the user cancels), then prints
 * and writes. Failures come back as German messages; the log gets the reason but never the file name.
 *
 * The path the dialog returns is used as it is when it has an extension: the dialog asked before overwriting it.
 * Where the user typed a name without one, ".pdf" is added - a name the dialog never saw - so that file is only
 * created, never overwritten: if it exists, the dialog opens again on it (and asks before replacing it there),
 * and should that also come back without an extension onto an existing file, the export is refused.
 */
export function createPdfExport(deps: PdfExportDeps) {
  return async function exportPdf(
    source: PdfSource | null | undefined,
    suggestedName: string,
  ): Promise<PrintToPdfResult> {
    if (!source) return { status: 'failed', message: report.saveDialog.printFailed };
    let defaultPath = path.join(deps.defaultDirectory, suggestedFileName(suggestedName));
    let taken: string | undefined;
    let data: Buffer | undefined;

    for (let ask = 1; ask <= MAX_ASKS; ask++) {
      const prompt = taken === undefined ? report.saveDialog.title : report.saveDialog.exists(taken);
      const choice = await deps.dialog.showSaveDialog(source.window, {
        title: prompt,
        message: prompt,
        buttonLabel: report.saveDialog.button,
        defaultPath,
        filters: [{ name: report.saveDialog.filter, extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
      const added = path.extname(choice.filePath) === '';
      const file = added ? `${choice.filePath}.pdf` : choice.filePath;

      if (!data) {
        try {
          data = await source.webContents.printToPDF(PDF_OPTIONS);
        } catch (error) {
          deps.log.error('pdf export: printToPDF failed', { error: String(error) });
          return { status: 'failed', message: report.saveDialog.printFailed };
        }
      }
      try {
        await deps.writeFile(file, data, { flag: added ? 'wx' : 'w' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        if (added && code === 'EEXIST') {
          deps.log.warn('pdf export: the name with ".pdf" added exists, not overwritten', { ask });
          taken = path.basename(file);
          defaultPath = file;
          continue;
        }
        deps.log.error('pdf export: write failed', { code });
        return { status: 'failed', message: report.saveDialog.writeFailed };
      }
      deps.log.info('pdf export: saved', { bytes: data.length });
      return { status: 'saved', path: file };
    }
    return { status: 'failed', message: report.saveDialog.existsRefused(taken ?? '') };
  };
}
