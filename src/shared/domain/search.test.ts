import { describe, expect, it } from 'vitest';
import { buildClientIndex, forgetClientIndexCache, searchClients } from './search';
import { makeClients } from './test-clients';

const clients = [
  { id: 'ma', name: 'Mohammed Ali', postcode: 'M1 1AE', dateOfBirth: '1980-05-01' },
  { id: 'am', name: 'Ali, Mohamed', postcode: 'SW1A 1AA' },
  { id: 'ak', name: 'Ali Khan', postcode: 'sw1a2aa', dateOfBirth: '1975-12-31' },
  { id: 'al', name: 'Alice Adams', postcode: 'AL1 1AA' },
  { id: 'jn', name: 'José Núñez', dateOfBirth: '1990-02-03' },
  { id: 'ob', name: "Siobhán O'Brien" },
  { id: 'sj', name: 'Sarah Smith-Jones', postcode: 'E1 6AN' },
  { id: 'zz', name: 'Zoë Brontë', postcode: 'AL2 3BB' },
];
const index = buildClientIndex(clients);

describe('searchClients', () => {
  it('returns every id sorted by name for an empty query', () => {
    expect(searchClients(index, '')).toEqual(['ak', 'am', 'al', 'jn', 'ma', 'sj', 'ob', 'zz']);
    expect(searchClients(index, '   ', 3)).toEqual(['ak', 'am', 'al']);
  });

  it('ranks an exact first token, then a first-token prefix, then other tokens, then substrings', () => {
    expect(searchClients(index, 'ali')).toEqual(['ak', 'am', 'al', 'ma']);
    expect(searchClients(index, 'AL')).toEqual(['ak', 'am', 'al', 'ma']);
    expect(searchClients(index, 'hamm')).toEqual(['ma']);
  });

  it('matches every query token as a token prefix, in any order', () => {
    expect(searchClients(index, 'mo ali')).toEqual(['ma', 'am']);
    expect(searchClients(index, 'ali moh')).toEqual(['am', 'ma']);
    expect(searchClients(index, 'ali zebra')).toEqual([]);
  });

  it('ignores accents, case and punctuation', () => {
    expect(searchClients(index, 'jose nu')).toEqual(['jn']);
    expect(searchClients(index, 'JOSÉ')).toEqual(['jn']);
    expect(searchClients(index, 'obrien')).toEqual(['ob']);
    expect(searchClients(index, "o'bri")).toEqual(['ob']);
    expect(searchClients(index, 'jones')).toEqual(['sj']);
    expect(searchClients(index, 'zoe')).toEqual(['zz']);
  });

  it('matches the full name as a substring from three characters', () => {
    expect(searchClients(index, 'med ali')).toEqual(['ma']);
    expect(searchClients(index, 'ont')).toEqual(['zz']);
    expect(searchClients(index, 'on')).toEqual([]);
  });

  it('matches postcode prefixes when the query starts like a postcode', () => {
    expect(searchClients(index, 'sw1a')).toEqual(['ak', 'am']);
    expect(searchClients(index, 'SW1A 1')).toEqual(['am']);
    expect(searchClients(index, 'e1 6an')).toEqual(['sj']);
    expect(searchClients(index, 'm1')).toEqual(['ma']);
    // Letters alone are a name search: 'al' is not the AL postcode area.
    expect(searchClients(index, 'al')).not.toContain('zz');
    expect(searchClients(index, 'al2')).toEqual(['zz']);
  });

  it('matches a whole date of birth typed either way', () => {
    expect(searchClients(index, '1980-05-01')).toEqual(['ma']);
    expect(searchClients(index, '01/05/1980')).toEqual(['ma']);
    expect(searchClients(index, '1/5/1980')).toEqual(['ma']);
    expect(searchClients(index, '31/12/1975')).toEqual(['ak']);
    expect(searchClients(index, '31/02/1975')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(searchClients(index, 'ali', 2)).toEqual(['ak', 'am']);
    expect(searchClients(index, 'ali', 0)).toEqual([]);
  });

  it('finds nothing for symbols only and never throws on hostile text', () => {
    expect(searchClients(index, '🙂')).toEqual([]);
    expect(searchClients(index, "'; DROP TABLE clients;--")).toEqual([]);
    expect(searchClients(index, '<script>')).toEqual([]);
    expect(searchClients(index, '.*+?(')).toEqual([]);
    expect(searchClients(index, 'a'.repeat(100_000))).toEqual([]);
  });

  it('handles clients without names, postcodes or dates of birth', () => {
    const odd = buildClientIndex([{ id: 'x', name: '' }, { id: 'y', name: '---' }, { id: 'z', name: 'Zed' }]);
    expect(searchClients(odd, '')).toEqual(['x', 'y', 'z']);
    expect(searchClients(odd, 'z')).toEqual(['z']);
  });
});

describe('search on 10,000 clients', () => {
  // Durations are measured by the domain bench suite (tests/bench/suites/domain.ts), not asserted here.
  const many = makeClients(10_000, 7);

  it('indexes every client exactly once, in name order', () => {
    forgetClientIndexCache();
    const idx = buildClientIndex(many);
    const all = searchClients(idx, '');
    expect(all).toHaveLength(many.length);
    expect(new Set(all).size).toBe(many.length);
    const names = idx.entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
  });

  it('rebuilds after one change reusing the keys of unchanged clients', () => {
    const first = buildClientIndex(many);
    const changed = many.map((c, i) => (i === 500 ? { ...c, name: 'Zebedee Quinn' } : c));
    const rebuilt = buildClientIndex(changed);
    const before = new Map(first.entries.map((e) => [e.id, e]));
    for (const entry of rebuilt.entries) {
      // The same entry object means its keys were reused, not computed again.
      if (entry.id === 'c500') expect(entry).not.toBe(before.get(entry.id));
      else expect(entry).toBe(before.get(entry.id));
    }
    expect(searchClients(rebuilt, 'zebedee')).toEqual(['c500']);
    expect(searchClients(rebuilt, '').length).toBe(searchClients(first, '').length);
  });

  it('never serves stale keys for a changed or mutated client', () => {
    const client = { id: 'm', name: 'Old Name', postcode: 'E1 6AN' };
    expect(searchClients(buildClientIndex([client]), 'old')).toEqual(['m']);
    client.name = 'New Name';
    client.postcode = 'N1 9GU';
    const idx = buildClientIndex([client]);
    expect(searchClients(idx, 'old')).toEqual([]);
    expect(searchClients(idx, 'new')).toEqual(['m']);
    expect(searchClients(idx, 'n1')).toEqual(['m']);
    const withDob = buildClientIndex([{ ...client, dateOfBirth: '1970-01-01' }]);
    expect(searchClients(withDob, '01/01/1970')).toEqual(['m']);
  });

  it('answers every kind of query with distinct ids of indexed clients', () => {
    const idx = buildClientIndex(many);
    const ids = new Set(many.map((c) => c.id));
    const queries = ['m', 'mo', 'moh', 'mohammed a', 'smith', 'ith', 'sw1', 'SW1 5', '01/02/1970', 'zzz', 'ali moh'];
    for (const q of queries) {
      const found = searchClients(idx, q);
      expect(new Set(found).size, q).toBe(found.length);
      expect(found.every((id) => ids.has(id)), q).toBe(true);
    }
    expect(searchClients(idx, 'smith').length).toBeGreaterThan(0);
    expect(searchClients(idx, 'zzz')).toEqual([]);
  });
});

describe('typing a search one key at a time', () => {
  const many = makeClients(10_000, 11);

  /** Every prefix of `text`, as typed. */
  const typed = (text: string) => Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));

  /**
   * The same queries answered one after another (each may narrow the one before) and each on its
   * own (a copy of the index, which nothing narrows from): the answers must be the same.
   */
  function expectSameAsOnItsOwn(queries: readonly string[]): void {
    const idx = buildClientIndex(many);
    const alone = queries.map((q) => searchClients({ entries: idx.entries, sortedIds: idx.sortedIds }, q));
    const inTurn = queries.map((q) => searchClients(idx, q));
    queries.forEach((q, i) => expect(inTurn[i], `"${q}" after "${queries[i - 1] ?? ''}"`).toEqual(alone[i]));
  }

  it('finds what a search on its own finds, letter by letter through names, postcodes and the middle of names', () => {
    const [a, b, c] = many;
    if (!a || !b || !c) throw new Error('test clients missing');
    for (const text of [a.name, b.name.toUpperCase(), `${c.name.split(' ').at(-1) ?? ''} ${c.name.split(' ')[0] ?? ''}`, 'ith', 'ammed', 'ali moh', 'sw1a 1', 'sw1 5', 'e1', 'o\'bri', 'smith-jo']) {
      expectSameAsOnItsOwn(typed(text));
    }
  });

  it('widens again after a deletion, a new word or a switch between name, postcode and date', () => {
    expectSameAsOnItsOwn(['s', 'sm', 'smi', 'sm', 's', 'sw', 'sw1', 'sw', 'smith', 'smith j', 'smith', '01/02/1970', 'smith', 'ha', 'ham', 'ha']);
    expectSameAsOnItsOwn(['a', 'al', 'ali', 'ali ', 'ali m', 'ali mo', 'e', 'e1', 'e1 ', 'e1 6', 'zzz', 'zzzz', '']);
  });

  it('starts afresh on a new index, so a changed caseload is searched whole', () => {
    const idx = buildClientIndex(many);
    const first = many[0];
    if (!first) throw new Error('test clients missing');
    const word = (first.name.split(' ')[0] ?? '').toLowerCase();
    expect(searchClients(idx, word.slice(0, 3))).toContain(first.id);
    const added = { id: 'added', name: `${word}zz Newcomer` };
    const grown = buildClientIndex([...many, added]);
    expect(searchClients(grown, `${word}z`)).toContain('added');
  });
});
