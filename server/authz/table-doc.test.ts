import { readFileSync, writeFileSync } from 'node:fs';

import { authz as text } from '../../shared/i18n/de/authz';
import { allPermissions } from '../../shared/rules/authz';
import { authzTableMarkdown } from '../../shared/rules/authzTable';

/**
 * Issue 11, Show 4: docs/security-server.md prints the authorisation table generated from the rule book. This test
 * fails when the page and the code differ; `OBHUT_WRITE_DOCS=1 npx vitest run --project unit server/authz/table-doc`
 * writes the generated table into the page.
 */
const PAGE = new URL('../../docs/security-server.md', import.meta.url);
const START = '<!-- authz-table:start (generated from shared/rules/authz.ts, do not edit by hand) -->';
const END = '<!-- authz-table:end -->';

describe('the authorisation table in docs/security-server.md', () => {
  it('is the one the rule book generates', () => {
    const page = readFileSync(PAGE, 'utf8');
    const from = page.indexOf(START);
    const to = page.indexOf(END);
    expect(from, 'markers in the page').toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const generated = `${START}\n\n${authzTableMarkdown()}\n\n${END}`;
    if (process.env.OBHUT_WRITE_DOCS === '1') {
      writeFileSync(PAGE, page.slice(0, from) + generated + page.slice(to + END.length));
      return;
    }
    expect(page.slice(from, to + END.length)).toBe(generated);
  });

  it('names every resource and operation of the table, and narrows only operations that exist', () => {
    const keys = new Set(allPermissions().map((p) => `${p.resource}.${p.operation}`));
    for (const { resource, operation } of allPermissions()) {
      expect(text.resources[resource], resource).toBeDefined();
      expect(text.operations[operation], operation).toBeDefined();
    }
    for (const key of Object.keys(text.narrowed)) expect(keys, key).toContain(key);
  });
});
