/** The case assignment rule: who can be assigned, and which choices are refused. */
import { describe, expect, it } from 'vitest';
import { assignmentPatch, MAX_ASSIGNEES } from './assignment';

const known = new Set(['ann', 'bob', 'cy']);
const current = { assignedTo: ['ann'], sharedWithTeam: false };

describe('assignmentPatch', () => {
  it('reassigns, adds people and shares with the team, without duplicates', () => {
    expect(assignmentPatch(current, { assignedTo: ['bob'], sharedWithTeam: false }, known)).toEqual({ ok: true, value: { assignedTo: ['bob'], sharedWithTeam: false } });
    expect(assignmentPatch(current, { assignedTo: ['ann', 'bob', 'bob'], sharedWithTeam: true }, known)).toEqual({ ok: true, value: { assignedTo: ['ann', 'bob'], sharedWithTeam: true } });
  });

  it('allows a case held by nobody when it is shared with the team', () => {
    expect(assignmentPatch(current, { assignedTo: [], sharedWithTeam: true }, known)).toMatchObject({ ok: true, value: { assignedTo: [] } });
  });

  it('refuses a case nobody but coordinators could see', () => {
    expect(assignmentPatch(current, { assignedTo: [], sharedWithTeam: false }, known)).toMatchObject({ ok: false, code: 'nobody' });
  });

  it('refuses a person the directory does not list, but keeps someone already on the case', () => {
    expect(assignmentPatch(current, { assignedTo: ['mallory'], sharedWithTeam: false }, known)).toMatchObject({ ok: false, code: 'unknown-person' });
    const gone = { assignedTo: ['left-org'], sharedWithTeam: false };
    expect(assignmentPatch(gone, { assignedTo: ['left-org', 'ann'], sharedWithTeam: false }, known)).toMatchObject({ ok: true });
  });

  it('refuses more people than the schema allows, and a change that changes nothing', () => {
    const many = Array.from({ length: MAX_ASSIGNEES + 1 }, (_, i) => `p${i}`);
    expect(assignmentPatch(current, { assignedTo: many, sharedWithTeam: false }, new Set(many))).toMatchObject({ ok: false, code: 'too-many' });
    expect(assignmentPatch(current, { assignedTo: ['ann'], sharedWithTeam: false }, known)).toMatchObject({ ok: false, code: 'unchanged' });
  });
});
