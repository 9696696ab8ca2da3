import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followInBackground } from './background';

describe('followInBackground', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws the first value at once and later ones once the delay has passed, the latest each time', () => {
    const source = new Subject<number>();
    const drawn: number[] = [];
    followInBackground(source, (v) => drawn.push(v), 250);
    source.next(1);
    expect(drawn).toEqual([1]);
    source.next(2);
    source.next(3);
    vi.advanceTimersByTime(249);
    expect(drawn).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(drawn).toEqual([1, 3]);
    source.next(4);
    vi.advanceTimersByTime(250);
    expect(drawn).toEqual([1, 3, 4]);
  });

  it('draws nothing more once stopped, even a change that was waiting', () => {
    const source = new Subject<number>();
    const drawn: number[] = [];
    const stop = followInBackground(source, (v) => drawn.push(v), 250);
    source.next(1);
    source.next(2);
    stop();
    vi.advanceTimersByTime(1_000);
    source.next(3);
    expect(drawn).toEqual([1]);
    expect(source.observed).toBe(false);
  });
});
