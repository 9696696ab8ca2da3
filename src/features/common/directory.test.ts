/** Names for screens: "You", a colleague's name from the directory, or a plain fallback. */
import { describe, expect, it } from 'vitest';
import { peopleLookup } from './directory';

const directory = {
  teams: [{ id: 't2', name: 'Housing' }],
  users: [{ id: 'u2', name: 'Aisha Rahman', role: 'worker', teamIds: ['t1'] }],
  fetchedAt: '2025-03-05T10:00:00.000Z',
};

describe('peopleLookup', () => {
  it('says You for the signed-in user and names others from the directory', () => {
    const people = peopleLookup(directory, 'u1');
    expect(people.personName('u1')).toBe('You');
    expect(people.personName('u2')).toBe('Aisha Rahman');
    expect(people.personName('u9')).toBe('A colleague');
    expect(people.personName(undefined)).toBe('Someone (not recorded)');
  });

  it('names teams from the directory and from the session before the directory arrives', () => {
    expect(peopleLookup(null, 'u1', [{ id: 't1', name: 'Street Outreach' }]).teamName('t1')).toBe('Street Outreach');
    expect(peopleLookup(directory, 'u1').teamName('t2')).toBe('Housing');
    expect(peopleLookup(null, 'u1').nameOf('u2')).toBeUndefined();
  });
});
