/**
 * Lightweight simulated devices for the load suite: not RxDB, just the protocol a real device speaks
 * (docs/protocol.md) over HTTP with fetch: the live stream read as text/event-stream (Node 20 has no
 * EventSource; the app reads it with fetch too), a push of one new document, and a first sync that
 * pages through every collection's pull route from no checkpoint until an empty page, limit 1,000
 * (PULL_BATCH in src/sync/replicate.ts), all collections at once as the app's replications run.
 *
 * Devices get their accounts and tokens straight from the store (the same rows `POST /api/auth/login`
 * writes: a user, a device, a SHA-256 of a random token), because 2,000 scrypt sign-ins would
 * measure password hashing, not the load.
 */
import { COLLECTION_NAMES, schemas } from '#shared/schemas/index';
import { hashSecret, newToken } from '../../../sync-server/auth/tokens';
import type { Role } from '#shared/domain/roles';
import type { Store } from '../../../sync-server/storage/types';

export interface Device {
  userId: string;
  deviceId: string;
  token: string;
}

/** Token lifetime for seeded devices: longer than any bench run. */
const TOKEN_TTL_MS = 24 * 60 * 60_000;

/** `count` people of `role`, one device and token each (ids prefixed by `prefix`). */
export async function seedDevices(store: Store, prefix: string, role: Role, count: number): Promise<Device[]> {
  const devices: Device[] = [];
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MS).toISOString();
  for (let i = 0; i < count; i++) {
    const userId = `u_${prefix}_${i}`;
    const deviceId = `d_${prefix}_${i}`;
    await store.createUser({ id: userId, email: `${prefix}-${i}@load.example`, name: `Load ${prefix} ${i}`, role, passwordHash: null, teamIds: [] });
    await store.upsertDevice({ id: deviceId, name: `load ${prefix} ${i}`, userId });
    const token = newToken();
    await store.createToken({ hash: hashSecret(token), userId, deviceId, expiresAt });
    devices.push({ userId, deviceId, token });
  }
  return devices;
}

const auth = (d: Device) => ({ authorization: `Bearer ${d.token}` });

export interface OpenStream {
  /** Resolves when the server's `hello` event has arrived. */
  hello: Promise<void>;
  /** Resolves at the next `{"collection": …}` poke after the call. */
  nextPoke(): Promise<void>;
  close(): void;
}

/** Opens `GET /api/sync/v1/stream` and keeps reading it (heartbeats, pokes) until closed. */
export function openStream(baseUrl: string, device: Device): OpenStream {
  const controller = new AbortController();
  let helloResolve = (): void => undefined;
  let helloReject: (e: unknown) => void = () => undefined;
  const hello = new Promise<void>((resolve, reject) => {
    helloResolve = resolve;
    helloReject = reject;
  });
  let waiters: (() => void)[] = [];
  void (async () => {
    const res = await fetch(`${baseUrl}/api/sync/v1/stream`, { headers: auth(device), signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.includes('event: hello')) helloResolve();
        else if (event.includes('"collection"')) {
          const ready = waiters;
          waiters = [];
          for (const w of ready) w();
        }
      }
    }
  })().catch((e: unknown) => {
    if (!controller.signal.aborted) helloReject(e);
  });
  return {
    hello,
    nextPoke: () => new Promise<void>((resolve) => waiters.push(resolve)),
    close: () => controller.abort(),
  };
}

/** Opens streams for every device, `concurrency` connection attempts at a time, and waits for every hello. */
export async function openStreams(baseUrlOf: (i: number) => string, devices: readonly Device[], concurrency: number): Promise<OpenStream[]> {
  const streams: OpenStream[] = [];
  for (let i = 0; i < devices.length; i += concurrency) {
    const batch = devices.slice(i, i + concurrency).map((d, j) => openStream(baseUrlOf(i + j), d));
    await Promise.all(batch.map((s) => s.hello));
    streams.push(...batch);
  }
  return streams;
}

const CLIENTS_PATH = `/api/sync/v1/clients/${schemas.clients.version}`;

/** Pushes one new client document; returns the time from request to parsed answer, in ms. Throws on refusal. */
export async function pushOne(baseUrl: string, device: Device, doc: Record<string, unknown>): Promise<number> {
  const body = JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...doc, createdBy: device.userId, _deleted: false } }]);
  const start = performance.now();
  const res = await fetch(`${baseUrl}${CLIENTS_PATH}/push`, { method: 'POST', headers: { ...auth(device), 'content-type': 'application/json' }, body });
  const text = await res.text();
  const ms = performance.now() - start;
  if (!res.ok) throw new Error(`push answered ${res.status}: ${text.slice(0, 300)}`);
  if (text !== '[]' || res.headers.get('x-resonance-quarantined') !== '0') {
    throw new Error(`push was not simply accepted (conflicts ${text.slice(0, 200)}, quarantined ${res.headers.get('x-resonance-quarantined')})`);
  }
  return ms;
}

/** Pull page size: PULL_BATCH in src/sync/replicate.ts and the server's cap. */
export const PULL_LIMIT = 1_000;

/** Network failures retried per request (a reused keep-alive socket the server had just closed, a reset). */
const NETWORK_RETRIES = 2;
/** Pull requests that failed at the network level and were sent again, over the whole process. */
export const retries = { count: 0, last: '' };

/** fetch, sent again on a network-level failure: what the app's replication does (after RETRY_MS). */
async function fetchRetrying(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      if (attempt >= NETWORK_RETRIES) throw new Error(`${url} failed ${NETWORK_RETRIES + 1} times: ${describe(e)}`, { cause: e });
      retries.count++;
      retries.last = describe(e);
    }
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `${e.message} (${cause.message})` : e.message;
}

/** A first sync: every collection from no checkpoint until an empty page. Returns documents per collection. */
export async function initialSync(baseUrl: string, device: Device): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await Promise.all(
    COLLECTION_NAMES.map(async (collection) => {
      let checkpoint: unknown = null;
      let count = 0;
      for (;;) {
        const query = new URLSearchParams({ limit: String(PULL_LIMIT) });
        if (checkpoint !== null) query.set('checkpoint', JSON.stringify(checkpoint));
        const res = await fetchRetrying(`${baseUrl}/api/sync/v1/${collection}/${schemas[collection].version}/pull?${query.toString()}`, { headers: auth(device) });
        if (!res.ok) throw new Error(`pull of ${collection} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        const page = (await res.json()) as { documents: unknown[]; checkpoint: unknown };
        if (page.documents.length === 0) break;
        count += page.documents.length;
        checkpoint = page.checkpoint;
      }
      counts[collection] = count;
    }),
  );
  return counts;
}
