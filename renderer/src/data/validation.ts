import { type RxJsonSchema, type RxValidationError, wrappedValidateStorageFactory } from 'rxdb';

import * as compiled from './validators/compiled';

type CompiledValidator = ((doc: unknown) => boolean) & { errors?: RxValidationError[] | null };

const validators = compiled as unknown as Record<string, CompiledValidator> & { schemaKeys: Record<string, string> };

/**
 * Ajv validation of every write to our collections, with validators compiled ahead of time (validators/generate.ts)
 * because the app's CSP forbids the `new Function` that Ajv's runtime compilation needs. RxDB's own internal
 * stores (database metadata, local documents, replication checkpoints) are not validated, as they hold no user data.
 */
function getValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const title = schema.title;
  if (!title || !Object.hasOwn(validators.schemaKeys, title)) return () => [];
  // A store of an older schema version is opened only to be migrated: read, then removed, never written.
  if (schema.version < currentVersion(title)) return () => [];
  if (validators.schemaKeys[title] !== JSON.stringify(schema)) {
    throw new Error(
      `The precompiled validator for "${title}" is out of date: run npx tsx renderer/src/data/validators/generate.ts`,
    );
  }
  const validate = validators[title];
  return (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []));
}

const currentVersion = (title: string): number =>
  (JSON.parse(validators.schemaKeys[title]) as { version: number }).version;

export const wrappedValidatePrecompiledStorage = wrappedValidateStorageFactory(getValidator, 'ajv-precompiled');
