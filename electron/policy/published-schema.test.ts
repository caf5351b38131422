import { readFileSync } from 'node:fs';

import Ajv from 'ajv';

import { PUBLISHED_SCHEMA_PATH, publishedSchemaText } from '../tools/write-policy-schema';
import { layerFromText } from './settings';

const examplePath = new URL('../../build/policy.example.json', import.meta.url);

describe('published policy schema', () => {
  it('is exactly the schema the app validates with (regenerate: npx tsx electron/tools/write-policy-schema.ts)', () => {
    expect(readFileSync(PUBLISHED_SCHEMA_PATH, 'utf8')).toBe(publishedSchemaText());
  });

  it('accepts the documented example, and the app loads it without a complaint', () => {
    const published = JSON.parse(readFileSync(PUBLISHED_SCHEMA_PATH, 'utf8'));
    const exampleText = readFileSync(examplePath, 'utf8');
    const validate = new Ajv({ strict: true }).compile(published);
    expect(validate(JSON.parse(exampleText))).toBe(true);
    const layer = layerFromText('machine', 'policy.example.json', exampleText);
    expect(layer.errors).toEqual([]);
    expect(layer.named).toHaveLength(10);
  });

  it('is rejected by a standard validator where the app rejects it', () => {
    const validate = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(PUBLISHED_SCHEMA_PATH, 'utf8')));
    expect(validate({ idleLockMinutes: '10' })).toBe(false);
    expect(validate({ officeId: 'berlin' })).toBe(false);
    expect(validate({ serverUrl: 'ftp://x' })).toBe(false);
  });
});
