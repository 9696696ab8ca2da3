/**
 * Reads the live stream the way the app does: fetch with a Bearer header, parsing server-sent events
 * from the body. Tests wait for the next event matching a predicate, with a timeout.
 */
export interface SseEvent {
  event: string;
  data: unknown;
  /** A comment line (`: heartbeat`) when this is not a data event. */
  comment?: string;
}

export interface OpenStream {
  status: number;
  events: SseEvent[];
  /** The first event matching, among those arriving from index `from` (default: from now on). */
  next(match: (e: SseEvent) => boolean, timeoutMs?: number, from?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseBlock(block: string): SseEvent | null {
  let event = 'message';
  const data: string[] = [];
  let comment: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comment = line.slice(1).trim();
    else if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trim());
  }
  if (data.length === 0) return comment === undefined ? null : { event: 'comment', data: null, comment };
  return { event, data: JSON.parse(data.join('\n')) as unknown };
}

export async function openStream(url: string, token: string): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/sync/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let finished = false;
  const ended = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const parsed = parseBlock(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
          if (parsed) events.push(parsed);
          cut = buffer.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
      }
    } catch {
      // Aborted by close().
    } finally {
      finished = true;
      for (const wake of waiters) wake();
    }
  })();

  return {
    status: res.status,
    events,
    ended,
    close: () => controller.abort(),
    next(match, timeoutMs = 5000, from = events.length) {
      return new Promise((resolve, reject) => {
        let seen = from;
        const check = (): boolean => {
          for (; seen < events.length; seen++) {
            const e = events[seen];
            if (e && match(e)) {
              resolve(e);
              return true;
            }
          }
          if (finished) reject(new Error(`stream ended without a matching event; got ${JSON.stringify(events)}`));
          return finished;
        };
        if (check()) return;
        const wake = (): void => {
          if (check()) done();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
      });
    },
  };
}

export const isPoke = (collection: string) => (e: SseEvent): boolean =>
  e.event === 'message' && typeof e.data === 'object' && e.data !== null && (e.data as { collection?: unknown }).collection === collection;
