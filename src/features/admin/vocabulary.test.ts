/** The words the management screens use for audit rows and device backlogs. */
import { describe, expect, it } from 'vitest';
import { backlogText, describeAdminAction, describeWrite, ROLE_OPTIONS } from './vocabulary';

describe('admin vocabulary', () => {
  it('describes a write in plain words, keeping unknown names rather than hiding them', () => {
    expect(describeWrite('clients', 'create')).toBe('Client details created');
    expect(describeWrite('visits', 'quarantine')).toBe('Visit held back (refused by the server)');
    expect(describeWrite('contracts', 'update')).toBe('contracts changed');
  });

  it('says what a backlog means, including not reported', () => {
    expect(backlogText(null)).toBe('Not reported');
    expect(backlogText(0)).toBe('None');
    expect(backlogText(3)).toBe('3 unsynced');
  });

  it('offers every role a person can hold, never kiosk', () => {
    expect(ROLE_OPTIONS.map((o) => o.value)).toEqual(['worker', 'helper', 'coordinator']);
  });
});

describe('admin action words', () => {
  it('names the action and its target, and the new idle lock', () => {
    expect(describeAdminAction('device.revoke', 'd1', { name: 'Lost tablet' })).toBe('Revoked a device: Lost tablet');
    expect(describeAdminAction('user.reset-password', 'u1', {})).toBe('Reset a password: u1');
    expect(describeAdminAction('settings.update', 'idleLockMinutes', { idleLockMinutes: 10, previous: 5 })).toBe('Changed the idle lock to 10 minutes');
    expect(describeAdminAction('held.dealt-with', '7', { collection: 'visits', documentId: 'v1' })).toBe('Dealt with a held-back change to a visit record (v1)');
  });
});
