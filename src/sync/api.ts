/**
 * The device's HTTP client for the sync server: adds the bearer token, decodes the error envelope
 * of sync.md ("Transport") into a typed SyncError the status line can explain, and never caches
 * (the service worker leaves /api alone too, D4).
 */
export const SYNC_ERROR_CODES = ['offline', 'unauthenticated', 'device-revoked', 'update-required', 'rate-limited', 'server', 'rejected'] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export function isSyncErrorCode(value: string): value is SyncErrorCode {
  return (SYNC_ERROR_CODES as readonly string[]).includes(value);
}

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface ApiOptions {
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  /**
   * False while the browser says it has no network: a request then fails at once as `offline`
   * without being tried (the sync engine's retries and the live stream's reconnects cost the page
   * work, and a tablet's battery, for nothing). Absent means always try.
   */
  online?: () => boolean;
}

interface Envelope {
  error?: { code?: string; message?: string; details?: { wipe?: unknown } | null };
}

async function readEnvelope(res: Response): Promise<Envelope> {
  try {
    return (await res.json()) as Envelope;
  } catch {
    return {};
  }
}

export async function toSyncError(res: Response): Promise<SyncError> {
  const body = await readEnvelope(res);
  const message = body.error?.message ?? `The server answered ${res.status}.`;
  // A revoked device or user comes with details.wipe: this device must forget that user's data (A4).
  if (res.status === 401) return new SyncError(body.error?.details?.wipe === true ? 'device-revoked' : 'unauthenticated', message, 401);
  if (res.status === 426) return new SyncError('update-required', message, 426);
  if (res.status === 429) return new SyncError('rate-limited', message, 429);
  if (res.status >= 500) return new SyncError('server', message, res.status);
  return new SyncError('rejected', message, res.status);
}

const offlineError = () => new SyncError('offline', 'No connection to the Resonance server.');

export async function apiFetch(api: ApiOptions, path: string, init: RequestInit = {}): Promise<Response> {
  if (api.online?.() === false) throw offlineError();
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${api.token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await api.fetch(`${api.baseUrl}${path}`, { ...init, headers, cache: 'no-store' });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw offlineError();
  }
  if (!res.ok) throw await toSyncError(res);
  return res;
}

/** The caller names the body's type: the server is ours and its shapes are in sync.md. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the declared wire shape
export async function apiJson<T>(api: ApiOptions, path: string, init: RequestInit = {}): Promise<{ body: T; res: Response }> {
  const res = await apiFetch(api, path, init);
  return { body: (await res.json()) as T, res };
}
