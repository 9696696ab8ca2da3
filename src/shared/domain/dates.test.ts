import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDate, toIsoDate } from './dates';

describe('dates', () => {
  it('formats the local calendar date', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
    expect(localDate(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
  });

  it('accepts ISO and UK-typed real dates', () => {
    expect(toIsoDate('2000-02-29')).toBe('2000-02-29');
    expect(toIsoDate(' 5/3/1980 ')).toBe('1980-03-05');
    expect(toIsoDate('05-03-1980')).toBe('1980-03-05');
    expect(toIsoDate('05.03.1980')).toBe('1980-03-05');
    expect(toIsoDate('0099-01-01')).toBe('0099-01-01');
  });

  it.each(['', '2001-02-29', '2023-13-01', '2023-00-10', '2023-04-31', '31/02/2000', '1980-3-5', 'soon', '2023-01-01T00:00', '١٩٨٠-٠١-٠١'])(
    'rejects %s',
    (s) => {
      expect(toIsoDate(s)).toBeNull();
    },
  );

  it('counts whole days across clock changes and years', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2024-01-10', '2024-01-07')).toBe(-3);
    expect(daysBetween('bad', '2024-01-07')).toBeNaN();
  });

  it('adds days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(() => addDays('x', 1)).toThrow();
  });
});
