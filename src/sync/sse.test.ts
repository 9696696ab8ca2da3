import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './sse';

describe('server-sent events parser', () => {
  it('[L1] yields data events, skips heartbeat comments and keeps partial tails', () => {
    const state = { buffer: '' };
    expect(parseSseChunk(state, 'event: hello\ndata: {}\n\n: heartbeat\n\ndata: {"collection":"vi')).toEqual([{ event: 'hello', data: '{}' }]);
    expect(parseSseChunk(state, 'sits"}\n\n')).toEqual([{ event: 'message', data: '{"collection":"visits"}' }]);
    expect(state.buffer).toBe('');
  });

  it('handles CRLF line endings and multi-line data', () => {
    const state = { buffer: '' };
    expect(parseSseChunk(state, 'data: a\r\ndata: b\r\n\r\n')).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
