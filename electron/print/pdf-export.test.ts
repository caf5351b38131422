import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BaseWindow, SaveDialogOptions } from 'electron';
import type { Logger } from '../log';
import { createPdfExport, PDF_OPTIONS, suggestedFileName } from './pdf-export';

/** Electron's webContents and dialog at the seam; the file is written for real. */
function setup(answer: { canceled: boolean; filePath?: string }, print: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 fake')) {
  const dialogs: SaveDialogOptions[] = [];
  const printed: unknown[] = [];
  const lines: string[] = [];
  const log: Logger = {
    info: (m, f) => lines.push(`info ${m} ${JSON.stringify(f ?? {})}`),
    warn: (m, f) => lines.push(`warn ${m} ${JSON.stringify(f ?? {})}`),
    error: (m, f) => lines.push(`error ${m} ${JSON.stringify(f ?? {})}`),
  };
  const window = { id: 1 } as unknown as BaseWindow;
  const exportPdf = createPdfExport({
    dialog: {
      showSaveDialog: (async (w: BaseWindow, options: SaveDialogOptions) => {
        expect(w).toBe(window);
        dialogs.push(options);
        return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
      }) as never,
    },
    writeFile: (file, data) => writeFile(file, data),
    defaultDirectory: '/home/fachkraft/Dokumente',
    log,
  });
  const source = {
    window,
    webContents: {
      printToPDF: async (options: unknown) => {
        printed.push(options);
        return print();
      },
    },
  };
  return { exportPdf, source, dialogs, printed, lines };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'obhut-pdf-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF export of the handover report', () => {
  it('asks where to save with a German dialog and the suggested name, prints A4 and writes the file', async () => {
    const target = path.join(dir, 'Bericht Mia.pdf');
    const { exportPdf, source, dialogs, printed, lines } = setup({ canceled: false, filePath: target });
    const result = await exportPdf(source, 'Übergabebericht – Musterkind Mia – 25.11.2026.pdf');
    expect(result).toEqual({ status: 'saved', path: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(dialogs).toEqual([
      expect.objectContaining({
        title: 'Übergabebericht als PDF speichern',
        defaultPath: path.join('/home/fachkraft/Dokumente', 'Übergabebericht – Musterkind Mia – 25.11.2026.pdf'),
        filters: [{ name: 'PDF-Dokument', extensions: ['pdf'] }],
      }),
    ]);
    expect(printed).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    // The log never carries the file name (it holds the child's name).
    expect(lines.join('\n')).not.toContain('Mia');
  });

  it('adds .pdf where the user typed a name without it', async () => {
    const { exportPdf, source } = setup({ canceled: false, filePath: path.join(dir, 'bericht') });
    expect(await exportPdf(source, 'x.pdf')).toEqual({ status: 'saved', path: path.join(dir, 'bericht.pdf') });
    expect((await stat(path.join(dir, 'bericht.pdf'))).size).toBeGreaterThan(0);
  });

  it('prints nothing when the user cancels', async () => {
    const { exportPdf, source, printed } = setup({ canceled: true });
    expect(await exportPdf(source, 'x.pdf')).toEqual({ status: 'cancelled' });
    expect(printed).toEqual([]);
  });

  it('reports a failed print or write in German and logs the reason', async () => {
    const failing = setup({ canceled: false, filePath: path.join(dir, 'a.pdf') }, async () => {
      throw new Error('Printing failed');
    });
    expect(await failing.exportPdf(failing.source, 'a.pdf')).toEqual({
      status: 'failed',
      message: 'Das PDF konnte nicht erzeugt werden.',
    });
    expect(failing.lines[0]).toMatch(/^error pdf export: printToPDF failed/);

    const unwritable = setup({ canceled: false, filePath: path.join(dir, 'no-such-folder', 'a.pdf') });
    expect(await unwritable.exportPdf(unwritable.source, 'a.pdf')).toEqual({
      status: 'failed',
      message: 'Die Datei konnte nicht geschrieben werden.',
    });
    expect(unwritable.lines[0]).toContain('"code":"ENOENT"');
  });

  it('refuses without a window', async () => {
    const { exportPdf, dialogs } = setup({ canceled: false, filePath: '/x.pdf' });
    expect(await exportPdf(null, 'a.pdf')).toMatchObject({ status: 'failed' });
    expect(dialogs).toEqual([]);
  });

  it('keeps a suggested name inside the default folder and safe for Windows', () => {
    expect(suggestedFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(suggestedFileName('C:\\Users\\x\\Bericht.pdf')).toBe('Bericht.pdf');
    expect(suggestedFileName('A: B* "C"?.PDF')).toBe('A B C.pdf');
    expect(suggestedFileName('...')).toBe('Übergabebericht an den ASD.pdf');
  });
});
