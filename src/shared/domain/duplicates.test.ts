import { describe, expect, it } from 'vitest';
import { DUPLICATE_REASONS, findPossibleDuplicates, jaroWinkler, NAME_THRESHOLD, nameSimilarity } from './duplicates';
import { makeClients } from './test-clients';

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('is 1 for equal strings and 0 for nothing in common or empty', () => {
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('nameSimilarity', () => {
  it('ignores case, accents, punctuation and word order', () => {
    expect(nameSimilarity('José Núñez', 'jose nunez')).toBe(1);
    expect(nameSimilarity('Ali, Mohamed', 'Mohamed Ali')).toBe(1);
    expect(nameSimilarity('Mohammed Ali', 'Ali, Mohamed')).toBeGreaterThan(0.95);
  });

  it.each([
    ['Mohammed Ali', 'Mohamed Ali'],
    ['Catherine Jones', 'Katherine Jones'],
    ['John Smith', 'Jon Smith'],
    ['John Smith', 'J Smith'],
    ['John Smith', 'John Paul Smith'],
    ['Sarah Lee', 'Sara Lee'],
    ['Ahmed Hassan', 'Ahmad Hasan'],
    ['Mary Jane Smith', 'Maryjane Smith'],
    ['Ian McDonald', 'Ian Mc Donald'],
    ['John', 'John Smith'],
  ])('scores variants of one name as similar: %s / %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(NAME_THRESHOLD);
  });

  it.each([
    ['John Smith', 'Jane Smith'],
    ['John Smith', 'Paul Smith'],
    ['Ali Khan', 'Ali Hassan'],
    ['Emma Watson', 'Emily Watson'],
    ['Anna Nowak', 'Adam Nowak'],
    ['Sarah Lee', 'Mohammed Ali'],
  ])('scores different people as not similar: %s / %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(NAME_THRESHOLD);
  });

  it('is symmetric and within 0..1', () => {
    const names = ['John Smith', 'J Smith', 'Ali, Mohamed', 'Mohammed Ali', 'Anna Maria Nowak', 'Nowak', '', '🙂'];
    for (const a of names) {
      for (const b of names) {
        const s = nameSimilarity(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s).toBeCloseTo(nameSimilarity(b, a), 10);
      }
    }
  });

  it('is 0 when a name has no letters or digits', () => {
    expect(nameSimilarity('', 'John')).toBe(0);
    expect(nameSimilarity('...', '...')).toBe(0);
  });
});

describe('findPossibleDuplicates', () => {
  const existing = [
    { id: 'a', name: 'Mohamed Ali', dateOfBirth: '1980-05-01', postcode: 'M1 1AE' },
    { id: 'b', name: 'Mohammed Ali', dateOfBirth: '1975-01-01', postcode: 'LS1 4AP' },
    { id: 'c', name: 'Jane Smith', dateOfBirth: '1980-05-01', postcode: 'M1 1AE' },
    { id: 'd', name: 'Ali, Mohammed', postcode: 'm11ae' },
    { id: 'e', name: 'Mohammed Ali' },
  ];

  it('needs a similar name plus the same date of birth or postcode', () => {
    const found = findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1980-05-01', postcode: 'M1 1AE' }, existing);
    expect(found.map((f) => f.id)).toEqual(['a', 'd']);
    expect(found[0]?.reasons).toEqual([DUPLICATE_REASONS.dateOfBirth, DUPLICATE_REASONS.postcode, DUPLICATE_REASONS.name]);
    expect(found[1]?.reasons).toEqual([DUPLICATE_REASONS.postcode, DUPLICATE_REASONS.sameName]);
  });

  it('never matches on a very close name alone', () => {
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1999-09-09', postcode: 'B33 8TH' }, existing)).toEqual([]);
    expect(findPossibleDuplicates({ name: 'Mohammed Ali' }, existing)).toEqual([]);
  });

  it('never matches on a shared date of birth or postcode with a different name', () => {
    const found = findPossibleDuplicates({ name: 'John Smith', dateOfBirth: '1980-05-01', postcode: 'M1 1AE' }, existing);
    expect(found).toEqual([]);
  });

  it('compares postcodes normalised and ignores blank ones', () => {
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', postcode: ' m1 1ae ' }, existing).map((f) => f.id)).toEqual(['d', 'a']);
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', postcode: ' ', dateOfBirth: '' }, [{ id: 'x', name: 'Mohammed Ali', postcode: '', dateOfBirth: '' }])).toEqual([]);
  });

  it('ranks by score: the same date of birth outweighs the same postcode', () => {
    const found = findPossibleDuplicates({ name: 'Anna Nowak', dateOfBirth: '1990-01-01', postcode: 'E1 6AN' }, [
      { id: 'p', name: 'Anna Nowak', postcode: 'E1 6AN' },
      { id: 'd', name: 'Ana Nowak', dateOfBirth: '1990-01-01' },
      { id: 'both', name: 'Anna Nowak', dateOfBirth: '1990-01-01', postcode: 'E16AN' },
    ]);
    expect(found.map((f) => f.id)).toEqual(['both', 'd', 'p']);
    expect(found[0]?.score).toBeCloseTo(1, 10);
    for (const f of found) expect(f.score).toBeLessThanOrEqual(1);
  });

  it('honours the limit and excludeId', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, name: 'Mohammed Ali', dateOfBirth: '1980-05-01' }));
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1980-05-01' }, many)).toHaveLength(5);
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1980-05-01' }, many, { limit: 12 })).toHaveLength(12);
    expect(findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1980-05-01' }, many, { limit: 0 })).toEqual([]);
    const without = findPossibleDuplicates({ name: 'Mohammed Ali', dateOfBirth: '1980-05-01' }, many.slice(0, 2), { excludeId: 'm0' });
    expect(without.map((f) => f.id)).toEqual(['m1']);
  });

  it('returns nothing for a blank name', () => {
    expect(findPossibleDuplicates({ name: '  ', dateOfBirth: '1980-05-01' }, existing)).toEqual([]);
  });

  it('finds the near-duplicate among 10,000 existing clients, and copes with 500 sharing a postcode', () => {
    // Durations are measured by the domain bench suite (tests/bench/suites/domain.ts), not asserted here.
    const clients = [...makeClients(10_000), { id: 'dup', name: 'Mohammed Ali', dateOfBirth: '1980-05-01', postcode: 'LS6 1AA' }];
    const found = findPossibleDuplicates({ name: 'Mohamed Aly', dateOfBirth: '1980-05-01', postcode: 'LS61AA' }, clients);
    expect(found[0]?.id).toBe('dup');
    expect(found.length).toBeLessThanOrEqual(5);
    // A hostel postcode shared by 500 of them: all are compared by name, at most five come back, each sharing it.
    const hostel = clients.map((c, i) => (i % 20 === 0 ? { ...c, postcode: 'N1 9GU' } : c));
    const atHostel = findPossibleDuplicates({ name: 'John Smith', postcode: 'N19GU' }, hostel);
    expect(atHostel.length).toBeGreaterThan(0);
    expect(atHostel.length).toBeLessThanOrEqual(5);
    for (const f of atHostel) expect(f.reasons).toContain(DUPLICATE_REASONS.postcode);
  });
});
