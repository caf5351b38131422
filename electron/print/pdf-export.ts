import path from 'node:path';
import type { BaseWindow, Dialog, PrintToPDFOptions, WebContents } from 'electron';
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
  writeFile(file: string, data: Buffer): Promise<void>;
  /** Where the save dialog starts: the user's documents folder. */
  defaultDirectory: string;
  log: Logger;
};

export type PdfSource = { window: BaseWindow; webContents: Pick<WebContents, 'printToPDF'> };

/**
 * A file name the renderer suggests, made safe: no folders, no characters Windows refuses, and ".pdf" at the end.
 * The user picks the final place in the dialog; the suggestion can never point outside the default folder.
 */
export function suggestedFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .replace(/\.pdf$/i, '')
    .slice(0, 150)
    .trim();
  return `${clean || report.title}.pdf`;
}

/**
 * Saves the window's page as an A4 PDF: asks where first (nothing is rendered if the user cancels), then prints
 * and writes. Failures come back as German messages; the log gets the reason but never the file name, which
 * carries the child's name.
 */
export function createPdfExport(deps: PdfExportDeps) {
  return async function exportPdf(source: PdfSource | null | undefined, suggestedName: string): Promise<PrintToPdfResult> {
    if (!source) return { status: 'failed', message: report.saveDialog.printFailed };
    const choice = await deps.dialog.showSaveDialog(source.window, {
      title: report.saveDialog.title,
      buttonLabel: report.saveDialog.button,
      defaultPath: path.join(deps.defaultDirectory, suggestedFileName(suggestedName)),
      filters: [{ name: report.saveDialog.filter, extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    const file = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;

    let data: Buffer;
    try {
      data = await source.webContents.printToPDF(PDF_OPTIONS);
    } catch (error) {
      deps.log.error('pdf export: printToPDF failed', { error: String(error) });
      return { status: 'failed', message: report.saveDialog.printFailed };
    }
    try {
      await deps.writeFile(file, data);
    } catch (error) {
      deps.log.error('pdf export: write failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      return { status: 'failed', message: report.saveDialog.writeFailed };
    }
    deps.log.info('pdf export: saved', { bytes: data.length });
    return { status: 'saved', path: file };
  };
}
