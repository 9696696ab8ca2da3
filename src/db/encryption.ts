/**
 * Encryption at rest: an RxDB storage wrapper that seals each document's sensitive fields
 * (src/shared/schemas/sensitive.ts) with WebCrypto AES-GCM before they reach IndexedDB, and opens
 * them on every read path (queries, reads by id, changes since a checkpoint, change-stream events,
 * write conflicts) through RxDB's `wrapRxStorageInstance`.
 *
 * It sits below validation and below RxDB's collections (database.ts: validate(encrypt(dexie))), so
 * schemas are checked on plain text, the conflict handler and replication see plain text, and only
 * IndexedDB holds ciphertext.
 *
 * Stored form: the sensitive fields present in a document are taken out, serialised together as one
 * JSON object and sealed once: `_sealed: "enc:v1:<base64 of 12-byte random IV + ciphertext+tag>"`.
 * One AES-GCM call per document rather than per field (the benchmark's figures: the per-call cost
 * dominates for short notes). The collection name and the document's primary key are the
 * authenticated data, so a sealed value copied into another document fails to open instead of
 * showing the wrong person's notes. The replication's meta documents keep a copy of each document's
 * last server state (`docData`): it is sealed whole.
 *
 * A wrong key is caught when the database opens (the first stored document of each collection is
 * opened as a check) and reported as WrongKeyError (a StorageError, src/db/errors.ts), never as garbage. A query whose selector
 * or sort names a sealed field is refused with a plain error: IndexedDB could only compare ciphertext.
 */
import {
  getChangedDocumentsSince,
  getPrimaryFieldOfPrimaryKey,
  META_INSTANCE_SCHEMA_TITLE,
  wrapRxStorageInstance,
  type RxDocumentData,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { sensitiveFieldsOf } from '#shared/schemas/sensitive';
import { WrongKeyError } from './errors';

/** The stored field holding a document's sealed values. */
export const SEALED_FIELD = '_sealed';
/** Version prefix: a future format (another cipher, key rotation) can be told apart. */
export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // Chunks: String.fromCharCode(...bytes) overflows the stack on long notes.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Seals one string: AES-GCM with a fresh random 96-bit IV. `context` is authenticated, not stored. */
export async function sealText(key: CryptoKey, plain: string, context: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, key, encoder.encode(plain));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return SEALED_PREFIX + toBase64(out);
}

/** Opens what sealText sealed; a wrong key, another context or a damaged value is a WrongKeyError (a StorageError). */
export async function openText(key: CryptoKey, sealed: string, context: string): Promise<string> {
  if (!sealed.startsWith(SEALED_PREFIX)) throw new WrongKeyError(new Error('Sealed value has an unknown format'));
  try {
    const bytes = fromBase64(sealed.slice(SEALED_PREFIX.length));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(context) },
      key,
      bytes.subarray(IV_BYTES),
    );
    return decoder.decode(plain);
  } catch (e) {
    throw new WrongKeyError(e);
  }
}

type Doc = Record<string, unknown>;

/** Field names a Mango selector or sort refers to (first path segment; operators skipped). */
function fieldsIn(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) fieldsIn(v, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Doc)) {
    if (!k.startsWith('$')) into.add(k.split('.')[0] ?? k);
    fieldsIn(v, into);
  }
}

function refuseSealedQuery(collection: string, sealed: readonly string[], query: { selector?: unknown; sort?: unknown }): void {
  const used = new Set<string>();
  fieldsIn(query.selector, used);
  fieldsIn(query.sort, used);
  const bad = sealed.filter((f) => used.has(f));
  if (bad.length > 0) {
    throw new Error(`A query on ${collection} uses ${bad.join(', ')}, which is encrypted on the device and cannot be searched or sorted by the database. Filter in memory instead.`);
  }
}

export interface EncryptionOptions<Internals, InstanceCreationOptions> {
  storage: RxStorage<Internals, InstanceCreationOptions>;
  /** AES-GCM 256 key, usable for encrypt and decrypt (src/sync/keys.ts makes it). */
  key: CryptoKey;
}

/** Wraps a storage so the sensitive fields of every collection are sealed at rest. */
export function wrappedEncryptionStorage<Internals, InstanceCreationOptions>(
  options: EncryptionOptions<Internals, InstanceCreationOptions>,
): RxStorage<Internals, InstanceCreationOptions> {
  const { storage, key } = options;
  return {
    ...storage,
    name: `encrypted-${storage.name}`,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, InstanceCreationOptions>,
    ): Promise<RxStorageInstance<RxDocType, Internals, InstanceCreationOptions>> {
      const isMeta = params.schema.title === META_INSTANCE_SCHEMA_TITLE;
      const fields = isMeta ? ['docData'] : sensitiveFieldsOf(params.collectionName);
      const instance = await storage.createStorageInstance(params);
      if (fields.length === 0) return instance;
      const primary = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      const contextOf = (doc: Doc) => `${params.collectionName}|${String(doc[primary])}`;

      /**
       * The plain values of each document this wrapper sealed on its way to storage, by the sealed
       * document object itself. The storage's change event for a write carries that same object
       * (RxDB's categorizeBulkWriteRows; not in dev mode, which copies it), and RxDB's bulkWrite
       * waits for the event to be opened: without this, every save waited for an AES-GCM decrypt
       * of what it had just encrypted. Only objects made here are keys, so nothing read from
       * IndexedDB or the server skips its decrypt and its authentication check.
       */
      const sealedHere = new WeakMap<Doc, Doc>();

      const toStorage = async (input: unknown): Promise<RxDocumentData<unknown>> => {
        const doc = input as Doc;
        const secret: Doc = {};
        const out: Doc = {};
        let any = false;
        for (const [k, v] of Object.entries(doc)) {
          if (v !== undefined && fields.includes(k)) {
            secret[k] = v;
            any = true;
          } else {
            out[k] = v;
          }
        }
        if (any) {
          out[SEALED_FIELD] = await sealText(key, JSON.stringify(secret), contextOf(doc));
          sealedHere.set(out, secret);
        }
        return out as RxDocumentData<unknown>;
      };
      const fromStorage = async (stored: RxDocumentData<unknown>): Promise<RxDocumentData<RxDocType>> => {
        const doc = stored as unknown as Doc;
        const sealed = doc[SEALED_FIELD];
        // Written before this device had a key (or nothing sensitive in it): stored as it is.
        if (typeof sealed !== 'string') return stored as RxDocumentData<RxDocType>;
        const secret = sealedHere.get(doc) ?? (JSON.parse(await openText(key, sealed, contextOf(doc))) as Doc);
        const out: Doc = {};
        for (const [k, v] of Object.entries(doc)) if (k !== SEALED_FIELD) out[k] = v;
        return Object.assign(out, secret) as RxDocumentData<RxDocType>;
      };

      // The key check: open the first stored document now, so a wrong key fails the open clearly.
      const first = await getChangedDocumentsSince(instance, 1);
      const sample = first.documents[0];
      if (sample) await fromStorage(sample);

      const wrapped = wrapRxStorageInstance<RxDocType>(params.schema, instance, toStorage, fromStorage);
      const query = wrapped.query.bind(wrapped);
      const count = wrapped.count.bind(wrapped);
      wrapped.query = (prepared) => {
        refuseSealedQuery(params.collectionName, fields, prepared.query);
        return query(prepared);
      };
      wrapped.count = (prepared) => {
        refuseSealedQuery(params.collectionName, fields, prepared.query);
        return count(prepared);
      };
      return wrapped;
    },
  };
}
