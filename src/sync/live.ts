/**
 * The live stream (L1): one `GET /api/sync/v1/stream` per device, read with fetch. Each event names
 * a collection with changes; the device answers by pulling from its checkpoint, so the stream can
 * never move a checkpoint past stored data. On every (re)connect everything is re-pulled, since
 * pokes sent while disconnected were missed. Reconnects back off so a down server is not hammered.
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
