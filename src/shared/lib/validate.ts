/**
 * Document validation against the shared JSON Schemas (style.md practice 1: the schema is the single
 * source). Used by the sync server on every pushed document and usable by the app before a write.
 *
 * Owns: one Ajv instance compiled over `schemas`, the list of local-only fields stripped before
 * validation, and the translation of Ajv errors into plain-language reasons a person can act on
 * (sync.md C4: a quarantined record is shown to its author with a plain reason).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { schemas, type CollectionName } from '../schemas/index';
import { err, ok, type Result } from './result';

export type DocData = Record<string, unknown>;

/**
 * Fields RxDB keeps on a stored document that are not part of the record: `_deleted` is the soft-delete
 * flag (kept aside as the deleted state, P3); `_meta`, `_rev` and `_attachments` are local bookkeeping.
 */
export const LOCAL_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

/** RxDB schema keywords that are not JSON Schema; declared so Ajv stays strict about real typos. */
const RXDB_KEYWORDS = ['version', 'primaryKey', 'indexes', 'encrypted', 'keyCompression', 'attachments', 'final', 'ref', 'crdt'];

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv, ['date-time', 'date']);
for (const keyword of RXDB_KEYWORDS) ajv.addKeyword(keyword);

const compiled = new Map<CollectionName, ValidateFunction>();

function validatorFor(collection: CollectionName): ValidateFunction {
  let fn = compiled.get(collection);
  if (!fn) {
    fn = ajv.compile(schemas[collection]);
    compiled.set(collection, fn);
  }
  return fn;
}

export interface SplitDocument {
  data: DocData;
  deleted: boolean;
}

/** Separates a document as the app stores it into the record and its deleted flag. */
export function splitLocalFields(doc: DocData): SplitDocument {
  const data: DocData = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!(LOCAL_FIELDS as readonly string[]).includes(key)) data[key] = value;
  }
  return { data, deleted: doc._deleted === true };
}

export interface ValidationIssue {
  field: string;
  message: string;
}

export type ValidationError = 'invalid';

/** Validates a record (local fields already stripped) against its collection's schema. */
export function validateDocument(collection: CollectionName, data: DocData): Result<DocData, ValidationError> {
  const fn = validatorFor(collection);
  if (fn(data)) return ok(data);
  const issues = (fn.errors ?? []).map(describeError);
  return err('invalid', plainReason(collection, issues), { issues });
}

const NOUNS: Record<CollectionName, string> = {
  clients: 'client record',
  cases: 'case',
  visits: 'visit',
  tasks: 'task',
  feedback: 'piece of feedback',
  conflicts: 'conflict record',
};

/** "This visit could not be saved: …" with at most three issues, so the sentence stays readable. */
export function plainReason(collection: CollectionName, issues: ValidationIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => issue.message);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  const list = shown.length > 0 ? shown.join('; ') : 'it does not match what the server expects';
  return `This ${NOUNS[collection]} could not be saved: ${list}${more}.`;
}

function fieldName(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path === '' ? 'the record' : `"${path}"`;
}

function describeError(error: ErrorObject): ValidationIssue {
  const field = fieldName(error);
  const params = error.params as Record<string, unknown>;
  const describe = (): string => {
    switch (error.keyword) {
      case 'required':
        return `"${String(params.missingProperty)}" is missing`;
      case 'additionalProperties':
        return `it has a field the server does not know ("${String(params.additionalProperty)}")`;
      case 'maxLength':
        return `${field} is too long (at most ${String(params.limit)} characters)`;
      case 'minLength':
        return `${field} is empty`;
      case 'maxItems':
        return `${field} has too many entries (at most ${String(params.limit)})`;
      case 'enum':
        return `${field} must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
      case 'format':
        return `${field} must be a ${params.format === 'date' ? 'date' : 'date and time'}`;
      case 'pattern':
        return `${field} is not in the expected format`;
      case 'minimum':
      case 'maximum':
        return `${field} must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
      case 'type':
        return `${field} must be ${article(String(params.type))}`;
      default:
        return `${field} ${error.message ?? 'is not valid'}`;
    }
  };
  const named = error.keyword === 'required' ? String(params.missingProperty) : field === 'the record' ? '' : field.slice(1, -1);
  return { field: named, message: describe() };
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of fields',
  };
  return words[type] ?? type;
}
