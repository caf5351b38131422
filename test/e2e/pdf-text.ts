import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF (e.g. Chromium's `page.pdf()`), read with Mozilla's PDF.js: one string per page, lines as
 * the page has them (items on one baseline joined, a gap between them as one space), runs of spaces collapsed.
 * For assertions such as "the report contains the child's name" and "Seite 1 von 2".
 */
type TextItem = { str: string; transform: number[]; width: number; hasEOL?: boolean };

export async function pdfPages(pdf: Uint8Array | ArrayBuffer): Promise<string[]> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const data = pdf instanceof Uint8Array ? new Uint8Array(pdf) : new Uint8Array(pdf.slice(0));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(joinItems(content.items.filter((item): item is TextItem & typeof item => 'str' in item)));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** All pages' text, pages separated by a form feed. */
export async function pdfText(pdf: Uint8Array | ArrayBuffer): Promise<string> {
  return (await pdfPages(pdf)).join('\f');
}

function joinItems(items: TextItem[]): string {
  let text = '';
  let previous: { x: number; y: number; end: number } | null = null;
  for (const item of items) {
    if (!item.str) {
      if (item.hasEOL) text += '\n';
      continue;
    }
    const [, , , , x, y] = item.transform;
    if (previous) {
      if (Math.abs(y - previous.y) > 2) text += text.endsWith('\n') ? '' : '\n';
      else if (x - previous.end > 0.5 && !text.endsWith(' ') && !text.endsWith('\n')) text += ' ';
    }
    text += item.str;
    if (item.hasEOL) text += '\n';
    previous = { x, y, end: x + item.width };
  }
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
