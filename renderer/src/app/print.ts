import { de } from '../../../shared/i18n';

/**
 * Told to every report or document button on the page when one of them prints: only one paper is in the print
 * root, the one that prints. Shared by the handover report and the documents, which print through the same root.
 */
export const PRINTING_EVENT = 'obhut:handover-report-printing';

/** A CSS string literal of catalogue text. */
const cssString = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

/**
 * The page's margin boxes of every printed paper: "Seite x von y" at the bottom of every page, the confidentiality
 * note at the top. Chromium prints CSS page margin boxes both in window.print and in printToPDF.
 */
export const PAGE_STYLE = `@media print { @page {
  @top-right { content: ${cssString(de.report.confidential)}; font: 7pt 'Liberation Sans', Arial, sans-serif; }
  @bottom-center { content: ${cssString(`${de.report.pageCounter.page} `)} counter(page) ${cssString(` ${de.report.pageCounter.of} `)} counter(pages); font: 9pt 'Liberation Sans', Arial, sans-serif; }
} }`;
