/**
 * Reads a server-sent-events stream from a fetch Response (EventSource cannot send the bearer
 * token, and Node 20 has none). Yields each event's `event` name and `data`; comments (heartbeats)
 * are skipped. The parser is split out so it can be tested without a network.
 */
export interface SseEvent {
  event: string;
  data: string;
}

/** Feeds text chunks; returns the complete events they finish. Keeps the partial tail in `state`. */
export function parseSseChunk(state: { buffer: string }, chunk: string): SseEvent[] {
  state.buffer += chunk.replace(/\r\n?/g, '\n');
  const events: SseEvent[] = [];
  let end = state.buffer.indexOf('\n\n');
  while (end !== -1) {
    const block = state.buffer.slice(0, end);
    state.buffer = state.buffer.slice(end + 2);
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n') });
    end = state.buffer.indexOf('\n\n');
  }
  return events;
}

export async function* readSse(res: Response): AsyncGenerator<SseEvent> {
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const state = { buffer: '' };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield* parseSseChunk(state, value);
    }
  } finally {
    reader.releaseLock();
  }
}
