/** Unit tests of the rate limiters (B1, B2) with a fake clock. */
import { describe, expect, it } from 'vitest';
import { FailureCounter, RequestLimiter, retryAfterSeconds } from './rate-limit';

describe('rate limits', () => {
  it('[B2] blocks a key after max failures in the window, and frees it when the window passes', () => {
    let now = 0;
    const counter = new FailureCounter(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(counter.blockedFor('a')).toBe(0);
      counter.record('a');
      now += 10;
    }
    expect(counter.blockedFor('a')).toBe(1000 - 30);
    expect(counter.blockedFor('b')).toBe(0);
    now = 1001;
    expect(counter.blockedFor('a')).toBe(0);
    counter.record('a');
    counter.reset('a');
    expect(counter.blockedFor('a')).toBe(0);
  });

  it('[B1] allows perMinute requests in a burst, then refills over time', () => {
    let now = 0;
    const limiter = new RequestLimiter(60, () => now);
    for (let i = 0; i < 60; i++) expect(limiter.take('t')).toBe(0);
    expect(limiter.take('t')).toBe(1000);
    now += 1000;
    expect(limiter.take('t')).toBe(0);
    expect(limiter.take('other')).toBe(0);
    expect(retryAfterSeconds(1)).toBe('1');
    expect(retryAfterSeconds(1500)).toBe('2');
  });
});
