/** Plain-English dates, ages and counts on the screens. */
import { describe, expect, it } from 'vitest';
import { countOf, formatAgo, formatDate, formatDuration, labelFromSlug } from './format';

describe('format', () => {
  it('writes calendar dates the British way, whatever the time zone', () => {
    expect(formatDate('1980-03-05')).toBe('5 March 1980');
    expect(formatDate('1980-03-05', true)).toBe('5 Mar 1980');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('says how long ago in the largest whole unit', () => {
    const now = Date.parse('2025-06-02T12:00:00Z');
    expect(formatAgo('2025-06-02T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2025-06-02T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatAgo('2025-06-02T11:00:00Z', now)).toBe('1 hour ago');
    expect(formatAgo('2025-05-31T12:00:00Z', now)).toBe('2 days ago');
    expect(formatDuration(30_000)).toBe('less than a minute');
  });

  it('counts and labels', () => {
    expect(countOf(1, 'record')).toBe('1 record');
    expect(countOf(10_000, 'client')).toBe('10,000 clients');
    expect(labelFromSlug('rough-sleeping')).toBe('Rough sleeping');
  });
});
