import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { policySchema } from '../policy/schema';
import { isMainModule } from './paths';

/** Publishes the machine policy schema for admins (build/policy.schema.json); a unit test keeps it in step. */
export const PUBLISHED_SCHEMA_PATH = fileURLToPath(new URL('../../build/policy.schema.json', import.meta.url));

export function publishedSchemaText(): string {
  return `${JSON.stringify(policySchema, null, 2)}\n`;
}

if (isMainModule(import.meta.url)) {
  writeFileSync(PUBLISHED_SCHEMA_PATH, publishedSchemaText());
  console.log(`geschrieben: ${PUBLISHED_SCHEMA_PATH}`);
}
