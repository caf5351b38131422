import { readFile } from 'node:fs/promises';

import { generateValidatorsSource } from './generate';

describe('precompiled validators', () => {
  it('match the current collection schemas (else: npm run validators)', async () => {
    const committed = await readFile('renderer/src/data/validators/compiled.ts', 'utf8');
    expect(await generateValidatorsSource()).toBe(committed);
  });

  it('contain no code that would need eval or require at run time', async () => {
    const committed = await readFile('renderer/src/data/validators/compiled.ts', 'utf8');
    expect(committed).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });
});
