/**
 * Storage failures turned into typed, plain-English values the UI can show with what to do next.
 * IndexedDB and Dexie report these under several names; this is the one place that knows them.
 */
export type StorageErrorCode = 'quota-exceeded' | 'blocked' | 'connection-lost' | 'invalid-record' | 'unknown';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const MESSAGES: Record<StorageErrorCode, string> = {
  'quota-exceeded':
    'This device is out of storage space, so nothing new could be saved. Your earlier records are safe. Free some space (delete unused apps or photos), then try again.',
  blocked:
    'Resonance is open in another tab or window that is holding the local database. Close the other tabs, then reload this one.',
  'connection-lost':
    'The browser closed the local database unexpectedly. Reload the page; anything already saved is safe.',
  'invalid-record': 'This record could not be saved because some of its details are not valid. Check the highlighted fields.',
  unknown: 'Something went wrong while saving on this device. Try again; if it keeps happening, reload the page.',
};

function textOf(e: unknown): string {
  if (e instanceof Error) return `${e.name} ${e.message} ${textOf(e.cause ?? '')}`;
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; message?: unknown; code?: unknown };
    return [o.name, o.message, o.code].filter((v) => typeof v === 'string').join(' ');
  }
  return String(e);
}

/**
 * The device's encrypted records would not open with the key given (src/db/encryption.ts): a wrong
 * key, or stored data that was tampered with. Code `invalid-record` ("some records could not be
 * read") so every screen that shows a StorageError already has words for it; `wrongKey` tells the
 * caller to ask for an online sign-in rather than a reload.
 */
export class WrongKeyError extends StorageError {
  readonly wrongKey = true;
  constructor(cause?: unknown) {
    super(
      'invalid-record',
      'The records on this device could not be unlocked with this key. Nothing has been changed. Sign in online again to unlock them; if that does not help, ask your coordinator.',
      cause,
    );
  }
}

/** A StorageError raised below RxDB (the encryption wrapper) may come back wrapped in RxDB's own errors. */
function innerStorageError(e: unknown, depth = 0): StorageError | undefined {
  if (e instanceof StorageError) return e;
  if (depth > 5 || !e || typeof e !== 'object') return undefined;
  const o = e as { cause?: unknown; parameters?: { error?: unknown; errors?: unknown } };
  const errors: unknown[] = Array.isArray(o.parameters?.errors) ? (o.parameters.errors as unknown[]) : [];
  const nested: unknown[] = [o.cause, o.parameters?.error, ...errors];
  for (const n of nested) {
    const found = innerStorageError(n, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function classifyStorageError(e: unknown): StorageError {
  const inner = innerStorageError(e);
  if (inner) return inner;
  const text = textOf(e);
  let code: StorageErrorCode = 'unknown';
  if (/QuotaExceeded|quota/i.test(text)) code = 'quota-exceeded';
  else if (/VersionChange|blocked|DatabaseClosed.*another/i.test(text)) code = 'blocked';
  else if (/DatabaseClosed|InvalidState|connection.*(lost|closed)/i.test(text)) code = 'connection-lost';
  else if (/VD2|validation|does not match schema|SchemaValidation/i.test(text)) code = 'invalid-record';
  return new StorageError(code, MESSAGES[code], e);
}

export function storageMessage(code: StorageErrorCode): string {
  return MESSAGES[code];
}
