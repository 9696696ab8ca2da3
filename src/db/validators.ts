/**
 * RxDB's validation wrapper fed with the validators generated at build time (validators-build.ts)
 * instead of Ajv compiling each schema in the browser: same checks and the same Ajv error objects
 * (so a rejected record reads as before), no Ajv compiler in the bundle and nothing compiled at start.
 *
 * A validator is picked by the fingerprint of the schema RxDB opens. RxDB's own internal stores
 * and an older schema version being migrated away from have none and pass unvalidated, as RxDB's
 * own documents; one of the app's collections at its current version without a matching validator
 * means the generated file is stale, which is an error, never a silent skip.
 */
import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import * as generated from './validators.generated';
import { schemaHash } from './validators-hash';

/** One generated validator: Ajv's standalone function, with Ajv's error objects after a failure. */
interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: RxValidationError[] | null;
}

const byName = generated as unknown as Record<string, GeneratedValidator | undefined>;
const schemaInfo = generated.schemaInfo as Record<string, { version: number; hash: string } | undefined>;

export function generatedValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const name = schema.title ?? '';
  const info = Object.hasOwn(schemaInfo, name) ? schemaInfo[name] : undefined;
  const validate = byName[name];
  if (!info || !validate || schema.version < info.version) return () => [];
  if (schema.version > info.version || schemaHash(schema) !== info.hash) {
    throw new Error(
      `The "${name}" schema changed since its validator was generated: run \`npx tsx src/db/validators-build.ts\` (a build does it too).`,
    );
  }
  return (doc) => (validate(doc) ? [] : [...(validate.errors ?? [])]);
}

/** Drop-in for rxdb's wrappedValidateAjvStorage. */
export const wrappedValidateGeneratedStorage = wrappedValidateStorageFactory(generatedValidator, 'generated');
