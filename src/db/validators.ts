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
import { wrappedValidateStorageFactory, type RxJsonSchema, type RxStorage, type RxValidationError } from 'rxdb';
import { COLLECTION_NAMES } from '#shared/schemas/index';
import { schemaHash } from './validators-hash';

type Generated = typeof import('./validators.generated');

/** One generated validator: Ajv's standalone function, with Ajv's error objects after a failure. */
interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: RxValidationError[] | null;
}

/**
 * The generated module is a chunk of its own (about 8 KB gzip) fetched at the first write to one of
 * the app's collections, not at start: a cold start only reads, and the first screen's JavaScript
 * has a budget (issue 2). Until then nothing can need it.
 */
let generated: Generated | undefined;
let loading: Promise<void> | undefined;

export function loadValidators(): Promise<void> {
  loading ??= import('./validators.generated').then((m) => {
    generated = m;
  });
  return loading;
}

/** The app's own collections, whose writes wait for the validators (the outbox is local only). */
export const VALIDATED: ReadonlySet<string> = new Set<string>([...COLLECTION_NAMES, 'outbox']);

function validatorFrom(mod: Generated, schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  const byName = mod as unknown as Record<string, GeneratedValidator | undefined>;
  const schemaInfo = mod.schemaInfo as Record<string, { version: number; hash: string } | undefined>;
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

/**
 * The validator for a schema. Before the module has loaded (RxDB asks in an idle callback after
 * opening) it returns one that resolves on first use, which is after loading: writes to the app's
 * collections wait for it (wrappedValidateGeneratedStorage), and other stores have no validator.
 */
export function generatedValidator(schema: RxJsonSchema<unknown>): (doc: unknown) => RxValidationError[] {
  if (generated) return validatorFrom(generated, schema);
  if (!VALIDATED.has(schema.title ?? '')) return () => [];
  let check: ((doc: unknown) => RxValidationError[]) | undefined;
  return (doc) => {
    if (!generated) throw new Error(`The validators were not loaded before a write to "${schema.title ?? ''}"`);
    check ??= validatorFrom(generated, schema);
    return check(doc);
  };
}

const validateWith = wrappedValidateStorageFactory(generatedValidator, 'generated');

/** Drop-in for rxdb's wrappedValidateAjvStorage; a write to an app collection first loads the validators. */
export function wrappedValidateGeneratedStorage<S extends RxStorage<unknown, unknown>>(args: { storage: S }): S {
  const storage = validateWith(args) as S;
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      if (!VALIDATED.has(params.schema.title ?? '')) return instance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (!generated) await loadValidators();
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
}
