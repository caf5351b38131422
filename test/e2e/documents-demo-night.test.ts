import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { de } from '../../shared/i18n';
import type { AuditEntry } from '../../shared/sync/protocol';
import { login } from '../support/api';
import { adminApi } from '../support/security';
import { pdfPages } from './pdf-text';
import { loggedIn } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 18, Show 2, in Chromium against the built renderer and a server on PostgreSQL with the demo data: the
 * demo's § 42 Abs. 1 S. 1 Nr. 2a night (Mia Musterkind, found alone by the police) produces the Bescheid (with the
 * parents' address, which the record lacks, written into the preview) and the application to the family court from
 * the record. Each is printed (window.print in the browser) and read back with PDF.js; the record's log shows both
 * "Dokument erstellt" lines, and the office's admin reads both `case.export` rows in the audit trail.
 */
const POLL = { timeout: 30_000 };
const AUDIT_PAGE = 500;
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function produce(page: Page, templateId: string, fillIn: Record<string, string> = {}): Promise<string> {
  await page.getByTestId(`document-button-${templateId}`).click();
  const preview = page.getByTestId('document-preview');
  await preview.waitFor();
  for (const [label, value] of Object.entries(fillIn)) await preview.getByLabel(label).fill(value);
  await preview.getByTestId('document-print').click();
  await preview.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="document-print-root"] [data-template="${templateId}"]`).waitFor({
    state: 'attached',
  });
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  pages.forEach((text, i) => expect(text).toContain(`Seite ${i + 1} von ${pages.length}`));
  return flat(pages.join('\n'));
}

describe('documents of the demo night in Chromium', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_documents_night');
  });
  afterAll(() => stack?.close());

  it(
    'produces the Bescheid and the court application; the log and the audit trail show both',
    { timeout: 300_000 },
    async () => {
      const { context, page } = await loggedIn(
        stack.browser,
        stack.renderer.origin,
        stack.server.url,
        'bereitschaft.segeberg',
      );
      page.setDefaultTimeout(20_000);
      const row = page.getByTestId('intake-row').filter({ hasText: 'Mia Musterkind' });
      const intakeId = await row.getAttribute('data-intake-id');
      expect(intakeId).toBeTruthy();
      await row.getByRole('button', { name: de.app.intakes.open('Mia Musterkind') }).click();
      await page.getByTestId('night-record').waitFor();
      await page.evaluate(() => {
        window.print = () => undefined;
      });

      // The parents' postal address is not in the record: written into the preview, for this letter only.
      const address = 'Beispielweg 3, 23795 Bad Segeberg (fiktiv)';
      const bescheid = await produce(page, 'bescheid-inobhutnahme', {
        [de.documents.facts['addressee.address']]: address,
      });
      expect(bescheid).toContain(`Erika Musterfrau (fiktiv) ${address}`);
      expect(bescheid).toContain('Bescheid über die Inobhutnahme – Inobhutnahme (§ 42 SGB VIII)');
      expect(bescheid).toContain('Bescheid über die Inobhutnahme von Mia Musterkind');
      expect(bescheid).toContain(flat(de.nightRecord.legalGrounds['42_1_2a']));
      expect(bescheid).toContain('Rechtsbehelfsbelehrung');
      expect(bescheid).toContain('Widerspruch');

      const court = await produce(page, 'antrag-familiengericht');
      expect(court).toContain('Antrag/Anregung an das Familiengericht – Maßnahmen nach §§ 1666, 1666a BGB');
      expect(court).toContain('Kindschaftssache Mia Musterkind');
      expect(court).toContain('§§ 1666, 1666a BGB');
      // Each paper alone: the Bescheid is gone from the print root once the application prints.
      expect(court).not.toContain('Rechtsbehelfsbelehrung');

      const log = page.getByTestId('entry-log').getByTestId('entry');
      for (const line of [
        de.documents.logLine('Bescheid über die Inobhutnahme', 1),
        de.documents.logLine('Antrag/Anregung an das Familiengericht', 1),
      ]) {
        await log.filter({ hasText: line }).waitFor();
      }
      await context.close();

      // The office's admin reads the trail through the HTTP API, page by page as the audit view does.
      const admin = await login(stack.server.url, 'admin');
      const api = adminApi(stack.server.url, admin.token);
      const exportsOf = async () => {
        const rows: AuditEntry[] = [];
        // Every read is audited itself: the trail grows while it is read, so a short page is its end.
        for (let after = 0; ;) {
          const page = await api.readAudit(`?after=${after}&limit=${AUDIT_PAGE}`);
          expect(page.status).toBe(200);
          rows.push(...page.body.entries);
          if (page.body.entries.length < AUDIT_PAGE) break;
          after = page.body.entries.at(-1)!.id;
        }
        return rows.filter((r) => r.action === 'case.export' && r.target === intakeId);
      };
      await expect
        .poll(async () => (await exportsOf()).map((r) => r.details.kind), POLL)
        .toEqual(['document', 'document']);
      const rows = await exportsOf();
      expect(rows.every((r) => r.officeId === 'segeberg' && r.actorName !== null)).toBe(true);
    },
  );
});
