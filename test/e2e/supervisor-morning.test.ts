import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { review } from '../../shared/i18n/de/review';
import type { EntryWire } from '../../shared/schema/entry';
import type { IntakeWire } from '../../shared/schema/intake';
import { login, makeIntake, pullAll, push } from '../support/api';
import { pdfPages } from './pdf-text';
import { loggedIn } from './session';
import { type E2eStack, startE2eStack } from './stack';

/**
 * Issue 7, Show 4 in Chromium against the built renderer and a server on PostgreSQL: the supervisor's morning.
 * The on-call worker's night record (submitted, with its log) is on the server; Segeberg's supervisor opens the
 * review queue, reads the record with its log, countersigns it, and prints the handover report. The printed
 * output (Chromium's PDF, the engine of both print paths) holds the child's name, the decisions and the log
 * lines, including the server's line for the countersignature, with page numbers.
 */
const CHILD = { firstName: 'Lotta', lastName: 'Fiktiv', estimatedAge: 9 };
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe("the supervisor's morning in Chromium", () => {
  let stack: E2eStack;
  let intake: IntakeWire;
  let log: EntryWire[];

  beforeAll(async () => {
    stack = await startE2eStack('obhut_e2e_morning');
    const worker = await login(stack.server.url, 'bereitschaft.segeberg');
    const now = Date.now();
    intake = makeIntake('segeberg', {
      id: randomUUID(),
      child: CHILD,
      status: 'submitted',
      createdBy: worker.user.id,
      updatedBy: worker.user.id,
    });
    const line = (kind: EntryWire['kind'], minutesAgo: number, text: string): EntryWire => ({
      id: randomUUID(),
      officeId: 'segeberg',
      intakeId: intake.id,
      kind,
      at: now - minutesAgo * 60_000,
      createdBy: worker.user.id,
      createdAt: now - minutesAgo * 60_000,
      updatedAt: now - minutesAgo * 60_000,
      text,
      _deleted: false,
    });
    log = [
      line('call', 50, 'Anruf Polizeirevier (fiktiv): Kind allein in der Wohnung angetroffen.'),
      line('decision', 40, 'Inobhutnahme entschieden: dringende Gefahr, Eltern nicht erreichbar.'),
      line('note', 30, 'Kind in der Bereitschaftspflege angekommen, hat gegessen und schläft.'),
    ];
    expect((await push(stack.server.url, worker.token, 'intakes', [{ newDocumentState: intake }])).rejected).toEqual(
      [],
    );
    expect(
      (
        await push(
          stack.server.url,
          worker.token,
          'entries',
          log.map((e) => ({ newDocumentState: e })),
        )
      ).rejected,
    ).toEqual([]);
  });

  afterAll(() => stack?.close());

  it(
    'opens the queue, reads a record, countersigns it and prints the handover report',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await loggedIn(
        stack.browser,
        stack.renderer.origin,
        stack.server.url,
        'leitung.segeberg',
      );
      page.setDefaultTimeout(20_000);

      // The queue: the night's record, new, with its obligations.
      await page.getByText(review.ui.nav, { exact: true }).click();
      const row = page.getByRole('row', { name: `Bericht von ${CHILD.firstName} ${CHILD.lastName} prüfen` });
      await expect.poll(() => row.getAttribute('data-review-state')).toBe('new');
      expect(await row.getByTestId('review-row-state').textContent()).toBe(review.states.new);
      expect(Number(await row.getByTestId('review-row-open').getAttribute('data-count'))).toBeGreaterThan(0);

      // Read it with the keyboard: the whole record, its log and its deadlines.
      await row.focus();
      await page.keyboard.press('Enter');
      const record = page.getByTestId('review-record');
      await expect.poll(() => record.getAttribute('data-record-id')).toBe(intake.id);
      await expect.poll(() => page.getByTestId('record-summary').textContent()).toContain(intake.situation);
      for (const e of log) await record.getByTestId('entry-log').getByText(e.text).waitFor();
      await record.getByTestId('obligations').waitFor();

      // Countersign: the record is locked, the server holds the signature and writes the line on the log.
      await page.getByTestId('review-countersign').click();
      await page.getByTestId('review-countersign-confirm').click();
      await expect.poll(() => record.getAttribute('data-review-state')).toBe('countersigned');
      await page.getByTestId('review-locked').waitFor();
      const signedLine = review.log.countersigned('Leitung Kreis Segeberg (leitung.segeberg)');
      await record.getByTestId('entry-log').getByText(signedLine).waitFor({ timeout: 10_000 });
      const worker = await login(stack.server.url, 'bereitschaft.segeberg');
      const onServer = (await pullAll<IntakeWire>(stack.server.url, worker.token, 'intakes')).documents.find(
        (d) => d.id === intake.id,
      );
      expect(onServer?.review).toMatchObject({ state: 'countersigned', countersignedBy: 'leitung.segeberg' });

      // Print: in the browser the app calls window.print(); the page as printed is the report alone.
      const recordTitle = review.ui.record.title(`${CHILD.firstName} ${CHILD.lastName}`);
      await page.getByRole('heading', { name: recordTitle }).waitFor();
      await page.getByRole('button', { name: review.ui.record.back }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByRole('button', { name: 'Übergabebericht drucken' }).click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      const printed = flat(pages.join('\n'));

      expect(printed).toContain('Übergabebericht an den ASD');
      expect(printed).toContain(`${CHILD.firstName} ${CHILD.lastName}`);
      expect(printed).toContain(
        '§ 42 Abs. 1 Satz 1 Nr. 2 Buchst. a – dringende Gefahr, die Personensorgeberechtigten widersprechen nicht',
      );
      expect(printed).toContain(flat(intake.decision!.reasons!));
      for (const e of log) expect(printed).toContain(e.text);
      // The worker by name (the office directory), not by account id, in the log and on the signature line.
      expect(printed).toContain('Bereitschaft Kreis Segeberg');
      expect(printed).toContain(flat(signedLine));
      expect(printed).not.toContain('noch nicht gegengezeichnet');
      // The record view's own text is on screen but not in the print: its heading and the way back to the list.
      expect(printed).not.toContain(review.ui.record.back);
      expect(printed).not.toContain(recordTitle);
      pages.forEach((text, i) => expect(flat(text)).toContain(`Seite ${i + 1} von ${pages.length}`));
      await context.close();
    },
  );
});
