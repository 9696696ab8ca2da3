import { describe, expect, it } from 'vitest';
import { codePointLength, formatPostcode, isLongerThan, isValidUkPostcode, nameTokens, normaliseName, normalisePostcode } from './text';

describe('normaliseName', () => {
  it('lowercases and collapses spaces', () => {
    expect(normaliseName('  John   SMITH  ')).toBe('john smith');
    expect(normaliseName('John\t\nSmith')).toBe('john smith');
  });

  it('strips accents', () => {
    expect(normaliseName('José Núñez')).toBe('jose nunez');
    expect(normaliseName('Zoë Brontë')).toBe('zoe bronte');
    expect(normaliseName('Çağla Şahin')).toBe('cagla sahin');
    expect(normaliseName('İpek')).toBe('ipek');
  });

  it('folds letters that decomposition leaves alone', () => {
    expect(normaliseName('Straße')).toBe('strasse');
    expect(normaliseName('Søren Łukasz')).toBe('soren lukasz');
  });

  it('drops apostrophes and turns other punctuation into separators', () => {
    expect(normaliseName("O'Brien")).toBe('obrien');
    expect(normaliseName('O’Brien')).toBe('obrien');
    expect(normaliseName('Ali, Mohamed')).toBe('ali mohamed');
    expect(normaliseName('Smith-Jones')).toBe('smith jones');
    expect(normaliseName('Dr. J. (Jim) Smith!')).toBe('dr j jim smith');
  });

  it('keeps letters of other scripts and digits', () => {
    expect(normaliseName('Анна Петрова')).toBe('анна петрова');
    expect(normaliseName('محمد علي')).toBe('محمد علي');
    expect(normaliseName('Client 42')).toBe('client 42');
  });

  it('folds compatibility forms such as full-width letters', () => {
    expect(normaliseName('ＪＯＨＮ')).toBe('john');
  });

  it('returns an empty string for punctuation, emoji or blanks only', () => {
    expect(normaliseName('')).toBe('');
    expect(normaliseName(' .,- ')).toBe('');
    expect(normaliseName('🙂')).toBe('');
  });

  it('splits into tokens', () => {
    expect(nameTokens("Mary-Jane  O'Neil")).toEqual(['mary', 'jane', 'oneil']);
    expect(nameTokens('  ')).toEqual([]);
  });
});

describe('postcodes', () => {
  it('normalises to uppercase without spaces', () => {
    expect(normalisePostcode(' sw1a  1aa ')).toBe('SW1A1AA');
    expect(normalisePostcode('m1\t1ae')).toBe('M11AE');
  });

  it.each(['SW1A 1AA', 'sw1a1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'GIR 0AA', ' ls1  4ap '])(
    'accepts %s',
    (p) => {
      expect(isValidUkPostcode(p)).toBe(true);
    },
  );

  it.each(['', 'SW1A', '1AA', 'SW1A 1AAA', 'SW1A 1CA', 'QQQ 1AA', '12345', 'SW1A-1AA', 'SW1A 1A', '<script>'])('rejects %s', (p) => {
    expect(isValidUkPostcode(p)).toBe(false);
  });

  it('formats with one space before the inward code', () => {
    expect(formatPostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(formatPostcode('  m1   1ae')).toBe('M1 1AE');
    expect(formatPostcode('gir0aa')).toBe('GIR 0AA');
    expect(formatPostcode('nope')).toBeNull();
  });
});

describe('lengths', () => {
  it('counts code points like JSON Schema maxLength', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('🙂🙂')).toBe(2);
    expect(codePointLength('a\ud800b')).toBe(3); // a lone surrogate counts as one
    expect(codePointLength('\udc00\ud800')).toBe(2);
  });

  it('compares against a limit', () => {
    expect(isLongerThan('x'.repeat(10), 10)).toBe(false);
    expect(isLongerThan('x'.repeat(11), 10)).toBe(true);
    expect(isLongerThan('🙂'.repeat(10), 10)).toBe(false);
    expect(isLongerThan('🙂'.repeat(11), 10)).toBe(true);
    expect(isLongerThan('x'.repeat(10_000_000), 10_000)).toBe(true);
  });
});
