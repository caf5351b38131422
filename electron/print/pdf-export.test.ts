import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { BaseWindow, SaveDialogOptions } from 'electron';

import type { Logger } from '../log';
import { createPdfExport, PDF_OPTIONS, suggestedFileName } from './pdf-export';

type Answer = { canceled: boolean; filePath?: string };

/**
 * Electron's webContents and dialog at the seam; the file is written for real with Node's writeFile. The dialog
 * gives the answers in turn (the last one again when asked more often).
 */
function setup(answer: Answer | Answer[], print: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 fake')) {
  const answers = Array.isArray(answer) ? [...answer] : [answer];
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
        const next = answers.length > 1 ? answers.shift()! : answers[0];
        return { canceled: next.canceled, filePath: next.filePath ?? '' };
      }) as never,
    },
    writeFile: (file, data, options) => writeFile(file, data, options),
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
    const result = await exportPdf(source, 'Übergabebericht – 25.11.2026 – 3f2c9a1e.pdf');
    expect(result).toEqual({ status: 'saved', path: target });
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(dialogs).toEqual([
      expect.objectContaining({
        title: 'Übergabebericht als PDF speichern',
        defaultPath: path.join('/home/fachkraft/Dokumente', 'Übergabebericht – 25.11.2026 – 3f2c9a1e.pdf'),
        filters: [{ name: 'PDF-Dokument', extensions: ['pdf'] }],
      }),
    ]);
    expect(printed).toEqual([PDF_OPTIONS]);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    // The log never carries the file name.
    expect(lines.join('\n')).not.toContain('Bericht');
    expect(lines.join('\n')).not.toContain('3f2c9a1e');
  });

  it('adds .pdf where the user typed a name without it', async () => {
    const { exportPdf, source, dialogs } = setup({ canceled: false, filePath: path.join(dir, 'bericht') });
    expect(await exportPdf(source, 'x.pdf')).toEqual({ status: 'saved', path: path.join(dir, 'bericht.pdf') });
    expect((await stat(path.join(dir, 'bericht.pdf'))).size).toBeGreaterThan(0);
    expect(dialogs).toHaveLength(1);
  });

  it('uses the chosen path as it is when it has an extension, overwriting only what the dialog confirmed', async () => {
    await writeFile(path.join(dir, 'bericht.PDF'), 'old');
    await writeFile(path.join(dir, 'bericht.v2'), 'old');
    const upper = setup({ canceled: false, filePath: path.join(dir, 'bericht.PDF') });
    expect(await upper.exportPdf(upper.source, 'x.pdf')).toEqual({
      status: 'saved',
      path: path.join(dir, 'bericht.PDF'),
    });
    expect(await readFile(path.join(dir, 'bericht.PDF'), 'utf8')).toBe('%PDF-1.7 fake');
    expect(upper.dialogs[0].properties).toContain('showOverwriteConfirmation');

    const other = setup({ canceled: false, filePath: path.join(dir, 'bericht.v2') });
    expect(await other.exportPdf(other.source, 'x.pdf')).toEqual({
      status: 'saved',
      path: path.join(dir, 'bericht.v2'),
    });
    expect(await readFile(path.join(dir, 'bericht.v2'), 'utf8')).toBe('%PDF-1.7 fake');
    await expect(stat(path.join(dir, 'bericht.v2.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('never overwrites an existing x.pdf when the user typed "x": asks again on x.pdf and keeps the old file if cancelled', async () => {
    const existing = path.join(dir, 'x.pdf');
    await writeFile(existing, 'the report of another night');
    const { exportPdf, source, dialogs, printed, lines } = setup([
      { canceled: false, filePath: path.join(dir, 'x') },
      { canceled: true },
    ]);
    expect(await exportPdf(source, 'Übergabebericht – 25.11.2026 – 3f2c9a1e.pdf')).toEqual({ status: 'cancelled' });
    expect(await readFile(existing, 'utf8')).toBe('the report of another night');
    expect(dialogs).toHaveLength(2);
    // The second dialog starts on the existing file, says so in German and asks before replacing it.
    expect(dialogs[1]).toMatchObject({
      defaultPath: existing,
      title: '„x.pdf“ gibt es dort schon – ersetzen oder einen anderen Namen wählen',
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
    expect(printed).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('x.pdf');
  });

  it('saves under the name chosen in the second dialog: another name, or the existing file the dialog confirmed', async () => {
    const existing = path.join(dir, 'x.pdf');
    await writeFile(existing, 'old');
    const renamed = setup([
      { canceled: false, filePath: path.join(dir, 'x') },
      { canceled: false, filePath: path.join(dir, 'y') },
    ]);
    expect(await renamed.exportPdf(renamed.source, 'a.pdf')).toEqual({
      status: 'saved',
      path: path.join(dir, 'y.pdf'),
    });
    expect(await readFile(existing, 'utf8')).toBe('old');
    expect(await readFile(path.join(dir, 'y.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    expect(renamed.printed).toHaveLength(1);

    // Confirmed in the dialog (it returns the name with its extension): replaced.
    const replaced = setup([
      { canceled: false, filePath: path.join(dir, 'x') },
      { canceled: false, filePath: existing },
    ]);
    expect(await replaced.exportPdf(replaced.source, 'a.pdf')).toEqual({ status: 'saved', path: existing });
    expect(await readFile(existing, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('refuses in German when the second answer again lacks the extension and meets an existing file', async () => {
    const existing = path.join(dir, 'x.pdf');
    await writeFile(existing, 'old');
    const { exportPdf, source, dialogs } = setup({ canceled: false, filePath: path.join(dir, 'x') });
    expect(await exportPdf(source, 'a.pdf')).toEqual({
      status: 'failed',
      message: '„x.pdf“ gibt es dort schon und wurde nicht überschrieben. Bitte wählen Sie einen anderen Namen.',
    });
    expect(dialogs).toHaveLength(2);
    expect(await readFile(existing, 'utf8')).toBe('old');
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
