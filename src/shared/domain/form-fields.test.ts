import { describe, expect, it } from 'vitest';
import { cleanList, ErrorList, formatCount, multiLine, singleLine, tooLong, tooLongMessage, withClearedFields } from './form-fields';

describe('field cleaning', () => {
  it('trims one-line text and turns control characters and line breaks into spaces', () => {
    expect(singleLine('  Ann\tLee\n')).toBe('Ann Lee');
    expect(singleLine('a\u0000b\u007fc\u0085d\u2028e')).toBe('a b c d e');
    expect(singleLine(undefined)).toBe('');
    expect(singleLine(42)).toBe('');
  });

  it('keeps line breaks and tabs in multi-line text, normalising Windows breaks', () => {
    expect(multiLine('\r\n line 1\r\nline 2\rline\t3 \n')).toBe('line 1\nline 2\nline\t3');
    expect(multiLine('a\u0000b\u0008c\u001bd')).toBe('abcd');
  });

  it('keeps emoji and other scripts, repairing only lone surrogates', () => {
    expect(singleLine('👨‍👩‍👧 Zoë مرحبا')).toBe('👨‍👩‍👧 Zoë مرحبا');
    expect(multiLine('\udc00x\ud83d')).toBe('\ufffdx\ufffd');
  });

  it('cleans lists: trimmed, no blanks, no repeats, non-arrays empty', () => {
    expect(cleanList([' a ', '', 'a', 'b', 3])).toEqual(['a', 'b']);
    expect(cleanList('a')).toEqual([]);
  });

  it('words limits for messages', () => {
    expect(formatCount(10_000)).toBe('10,000');
    expect(tooLongMessage('Notes', 10_000)).toBe('Notes must be 10,000 characters or fewer');
    expect(tooLong('🙂'.repeat(5), 5)).toBe(false);
  });
});

describe('ErrorList', () => {
  it('keeps the first error per field, in the order added', () => {
    const errors = new ErrorList();
    expect(errors.isEmpty).toBe(true);
    errors.add('b', 'first b');
    errors.add('a', 'first a');
    errors.add('b', 'second b');
    expect(errors.has('a')).toBe(true);
    expect(errors.failure()).toEqual({ ok: false, errors: [{ field: 'b', message: 'first b' }, { field: 'a', message: 'first a' }] });
  });
});

describe('withClearedFields', () => {
  it('adds explicit undefined for omitted optional fields, leaving present ones', () => {
    const value: { a: string; b?: string; c?: string } = { a: 'x', c: 'y' };
    expect(withClearedFields(value, ['b', 'c'])).toEqual({ a: 'x', b: undefined, c: 'y' });
    expect('b' in withClearedFields(value, ['b'])).toBe(true);
    expect(value).toEqual({ a: 'x', c: 'y' });
  });
});
