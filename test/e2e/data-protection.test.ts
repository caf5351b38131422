import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { de } from '../../shared/i18n';
import { fieldLabel } from '../../shared/nightRecord/fieldLabel';
import type { AccessAnswer } from '../../shared/privacy/access-request';
import type { IntakeWire } from '../../shared/schema/intake';
import type { AuditEntry } from '../../shared/sync/protocol';
import { login, makeIntakeBy, pullAll, push } from '../support/api';
import { adminApi } from '../support/security';
import { noteEntry } from '../support/server-suite';
import { pdfPages } from './pdf-text';
import { loggedIn, pendingCount, waitFor } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 16 in Chromium against the built renderer and a server on PostgreSQL. A worker marks the reasons of a
 * record as entrusted (§ 65 SGB VIII) in the night record; the Bescheid printed from it then leaves them out. The
 * office's supervisor answers the child's request for information (Art. 15 DSGVO, § 83 SGB X): finds the child by
 * name and birth date, reads the answer, prints it (read back with PDF.js) and downloads the JSON; the reasons stay
 * withheld in both, the log line is there, and the audit trail holds the production and both exports.
 */
const POLL = { timeout: 30_000 };
const AUDIT_PAGE = 500;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const e = de.privacy.entrusted;
const a = de.privacy.accessRequest;

const REASONS = 'Lena erzählt vertraulich, dass der Stiefvater sie schlägt (fiktiv).';
const NOTE = 'Lena schläft im Kinderschutzhaus, morgen Gespräch mit der Schule (fiktiv).';

async function auditRows(serverUrl: string, actions: string[]): Promise<AuditEntry[]> {
  const admin = await login(serverUrl, 'admin');
  const api = adminApi(serverUrl, admin.token);
  const rows: AuditEntry[] = [];
  // Every read is audited itself: the trail grows while it is read, so a short page is its end.
  for (let after = 0; ;) {
    const page = await api.readAudit(`?after=${after}&limit=${AUDIT_PAGE}`);
    expect(page.status).toBe(200);
    rows.push(...page.body.entries);
    if (page.body.entries.length < AUDIT_PAGE) break;
    after = page.body.entries.at(-1)!.id;
  }
  return rows.filter((r) => actions.includes(r.action));
}

async function stubPrint(page: Page) {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
}

describe('data protection in Chromium: entrusted marks and the access request', () => {
  let stack: E2eStack;
  let record: IntakeWire;
  const lastName = `Fiktivkind-${Date.now().toString(36)}`;

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_data_protection');
    const worker = await login(stack.server.url, 'bereitschaft.segeberg');
    const base = makeIntakeBy(worker.user, {
      id: randomUUID(),
      child: { firstName: 'Lena', lastName, birthDate: '2014-03-02' },
    });
    record = { ...base, decision: { ...base.decision, reasons: REASONS } };
    expect((await push(stack.server.url, worker.token, 'intakes', [{ newDocumentState: record }])).rejected).toEqual(
      [],
    );
    const note = noteEntry('segeberg', record.id, worker.user.id, NOTE);
    expect((await push(stack.server.url, worker.token, 'entries', [{ newDocumentState: note }])).rejected).toEqual([]);
  });
  afterAll(() => stack?.close());

  it(
    'a worker marks the reasons as entrusted in the record; the Bescheid then leaves them out',
    { timeout: 300_000 },
    async () => {
      const { context, page } = await loggedIn(
        stack.browser,
        stack.renderer.origin,
        stack.server.url,
        'bereitschaft.segeberg',
      );
      page.setDefaultTimeout(20_000);
      const name = `Lena ${lastName}`;
      await page
        .getByTestId('intake-row')
        .filter({ hasText: name })
        .getByRole('button', { name: de.app.intakes.open(name) })
        .click();
      await page.getByTestId('night-record').waitFor();

      const panel = page.getByRole('region', { name: e.title });
      await panel.getByText(e.none).waitFor();
      await panel.getByRole('button', { name: e.open }).click();
      await panel.getByLabel(e.target, { exact: true }).selectOption({ label: fieldLabel('decision.reasons') });
      await panel.getByLabel(e.from, { exact: true }).fill('Lena selbst');
      await panel.getByRole('button', { name: e.save }).click();
      const mark = panel.getByTestId('entrusted-mark');
      await mark.filter({ hasText: 'anvertraut von Lena selbst' }).waitFor();
      expect(await mark.getByTestId('entrusted-withheld-ways').textContent()).toContain(e.disclosures.handover);

      // The mark reaches the server as the record's entrusted list, where the handover's rule reads it.
      await waitFor(
        () => pendingCount(page),
        (n) => n === 0,
        60_000,
      );
      const worker = await login(stack.server.url, 'bereitschaft.segeberg');
      const onServer = (await pullAll<IntakeWire>(stack.server.url, worker.token, 'intakes')).documents.find(
        (d) => d.id === record.id,
      );
      expect(onServer?.entrusted).toEqual([
        expect.objectContaining({ field: 'decision.reasons', from: 'Lena selbst', markedBy: worker.user.id }),
      ]);

      // The Bescheid: the preview says what is withheld, the printed paper does not hold it.
      await stubPrint(page);
      await page.getByTestId('document-button-bescheid-inobhutnahme').click();
      const preview = page.getByTestId('document-preview');
      await preview.getByTestId('document-withheld-list').waitFor();
      await preview.getByTestId('document-print').click();
      await preview.waitFor({ state: 'detached' });
      await page.locator('[data-testid="document-print-root"] [data-template="bescheid-inobhutnahme"]').waitFor({
        state: 'attached',
      });
      const bescheid = flat((await pdfPages(await page.pdf({ format: 'A4' }))).join('\n'));
      expect(bescheid).toContain(`Bescheid über die Inobhutnahme von ${name}`);
      expect(bescheid).toContain(de.documents.withheldMark);
      expect(bescheid).not.toContain(REASONS);
      await context.close();
    },
  );

  it(
    'the supervisor finds the child by name and birth date, prints the answer and downloads its JSON; all audited',
    { timeout: 300_000 },
    async () => {
      const { context, page } = await loggedIn(
        stack.browser,
        stack.renderer.origin,
        stack.server.url,
        'leitung.segeberg',
      );
      page.setDefaultTimeout(20_000);
      await page.getByText(de.review.ui.nav, { exact: true }).click();
      await page.getByRole('button', { name: a.open }).click();
      await page.getByLabel(a.firstName, { exact: true }).fill('Lena');
      await page.getByLabel(a.lastName, { exact: true }).fill(lastName);
      await page.getByLabel(a.birthDate, { exact: true }).fill('02.03.2014');
      await page.getByRole('button', { name: a.submit }).click();

      const result = page.getByRole('region', { name: a.resultLabel });
      await result.getByText(a.found(1)).waitFor();
      const shown = flat((await result.textContent()) ?? '');
      expect(shown).toContain(NOTE);
      expect(shown).toContain(a.withheldHeading);
      expect(shown).toContain(fieldLabel('decision.reasons'));
      expect(shown).not.toContain(REASONS);

      // Printed (window.print in the browser) and read back: readable, with the page counter, still without the reasons.
      await stubPrint(page);
      await page.getByRole('button', { name: a.print }).click();
      await page.getByTestId('access-request-print-root').waitFor({ state: 'attached' });
      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      pages.forEach((text, i) => expect(text).toContain(`Seite ${i + 1} von ${pages.length}`));
      const printed = flat(pages.join('\n'));
      for (const expected of [
        a.documentTitle,
        `${a.firstName} Lena`,
        `${a.lastName} ${lastName}`,
        `${a.birthDate} 02.03.2014`,
        a.found(1),
        NOTE,
        a.withheldHeading,
        fieldLabel('decision.reasons'),
        a.readsHeading,
        de.audit.actions['sync.push'],
        'Vertraulich – Sozialdaten',
      ]) {
        expect(printed).toContain(flat(expected));
      }
      expect(printed).not.toContain(REASONS);

      // The complete answer as JSON: the record, its log, and the reasons withheld there too.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: a.json }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Auskunft Art 15 DSGVO \d{2}\.\d{2}\.\d{4}\.json$/);
      const answer = JSON.parse(await readFile(await download.path(), 'utf8')) as AccessAnswer;
      expect(answer.records.map((r) => r.intake.id)).toEqual([record.id]);
      expect(answer.records[0].log.map((l) => l.text)).toContain(NOTE);
      expect(answer.records[0].withheld.fields).toEqual(['decision.reasons']);
      expect(answer.records[0].intake.decision?.reasons).toBeUndefined();
      await context.close();

      // The production is audited on the server, the print and the download as exports of the record.
      await expect
        .poll(
          async () => (await auditRows(stack.server.url, ['privacy.access_request'])).map((r) => r.details.recordIds),
          POLL,
        )
        .toContainEqual([record.id]);
      await expect
        .poll(
          async () =>
            (await auditRows(stack.server.url, ['case.export']))
              .filter((r) => r.target === record.id)
              .map((r) => r.details.kind)
              .sort(),
          POLL,
        )
        .toEqual(['document', 'document', 'print']);
    },
  );
});
