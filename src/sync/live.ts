/**
 * The live stream (L1): one `GET /api/sync/v1/stream` per device, read with fetch. Each event names
 * a collection with changes; the device answers by pulling from its checkpoint, so the stream can
 * never move a checkpoint past stored data. On every (re)connect everything is re-pulled, since
 * pokes sent while disconnected were missed. Reconnects back off so a down server is not hammered.
 * An `error` event (token, device or user revoked, A4) is fatal at once, like the HTTP 401 it mirrors.
 */
import { apiFetch, SyncError, type ApiOptions } from './api';
import { readSse } from './sse';

/** Reconnect delays: quick first retries for a blip, capped at 30 s for a long outage. */
export const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export interface LiveHandlers {
  onConnect(): void;
  onPoke(collection: string): void;
  /** A fatal answer (signed out, device revoked): the loop stops. */
  onFatal(error: SyncError): void;
}

/** The SyncError an `error` event stands for: the same code as the HTTP 401 would map to. */
export function streamError(data: string): SyncError {
  let body: { error?: { code?: unknown; message?: unknown; details?: { wipe?: unknown } | null } } = {};
  try {
    body = (JSON.parse(data) as typeof body | null) ?? {};
  } catch {
    // Not JSON: treated as a plain sign-out below.
  }
  const message = typeof body.error?.message === 'string' ? body.error.message : 'Sign in again.';
  return new SyncError(body.error?.details?.wipe === true ? 'device-revoked' : 'unauthenticated', message, 401);
}

export function runLiveStream(api: ApiOptions, handlers: LiveHandlers): { stop(): void; reconnectNow(): void } {
  const abort = new AbortController();
  let wake: (() => void) | null = null;
  let attempt = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function loop(): Promise<void> {
    while (!abort.signal.aborted) {
      try {
        const res = await apiFetch(api, '/api/sync/v1/stream', { signal: abort.signal, headers: { accept: 'text/event-stream' } });
        attempt = 0;
        handlers.onConnect();
        for await (const ev of readSse(res)) {
          // The server ends a stream whose token, device or user was revoked with an `error` event in
          // the HTTP error envelope (A4): act on it now instead of on the next reconnect's 401.
          if (ev.event === 'error') throw streamError(ev.data);
          if (ev.event !== 'message') continue;
          const parsed = JSON.parse(ev.data) as { collection?: unknown };
          if (typeof parsed.collection === 'string') handlers.onPoke(parsed.collection);
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        if (e instanceof SyncError && (e.code === 'unauthenticated' || e.code === 'device-revoked' || e.code === 'update-required')) {
          handlers.onFatal(e);
          return;
        }
      }
      if (abort.signal.aborted) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 30_000;
      attempt += 1;
      await sleep(delay);
    }
  }

  void loop();
  return {
    stop() {
      abort.abort();
      wake?.();
    },
    reconnectNow() {
      attempt = 0;
      wake?.();
    },
  };
}
