/** The status strip's wording (D5) and the outbox summary the shell and sign-out read. */
import { describe, expect, it } from 'vitest';
import { STATUS_MESSAGES, statusOf } from '#sync/status';
import { summariseOutbox } from './outbox';
import { syncDisplay } from './sync-display';
import { unsyncedSignOutWarning } from '../sign-out-warning';

describe('syncDisplay [D5]', () => {
  it('says each sync state in plain words with a tone', () => {
    expect(syncDisplay(statusOf('up-to-date', null), true)).toEqual({ tone: 'ok', message: STATUS_MESSAGES['up-to-date'] });
    expect(syncDisplay(statusOf('syncing', null), true).tone).toBe('busy');
    expect(syncDisplay(statusOf('error', null, 'Sync failed: x'), true)).toEqual({ tone: 'problem', message: 'Sync failed: x' });
    expect(syncDisplay(undefined, true)).toEqual({ tone: 'busy', message: 'Starting sync…' });
  });

  it('shows offline at once when the browser goes offline, but keeps problems that need the person', () => {
    expect(syncDisplay(statusOf('syncing', null), false)).toEqual({ tone: 'offline', message: STATUS_MESSAGES.offline });
    expect(syncDisplay(statusOf('needs-sign-in', null), false)).toEqual({ tone: 'problem', message: STATUS_MESSAGES['needs-sign-in'] });
  });
});

describe('summariseOutbox', () => {
  it('[C4] counts records still waiting, finds the oldest and lists the held-back ones apart, with their reasons', () => {
    const summary = summariseOutbox([
      { collectionName: 'visits', documentId: 'v1', since: '2025-06-02T10:00:00.000Z' },
      { collectionName: 'visits', documentId: 'v2', since: '2025-06-03T10:00:00.000Z' },
      { collectionName: 'clients', documentId: 'c1', since: '2025-06-01T09:00:00.000Z', rejectedReason: 'This client record could not be saved: "name" is empty.' },
    ]);
    // The held-back change is on the server already: it neither waits to sync nor blocks sign-out.
    expect(summary.count).toBe(2);
    expect(summary.oldestSince).toBe('2025-06-02T10:00:00.000Z');
    expect(summary.rejected).toEqual([{ collectionName: 'clients', documentId: 'c1', reason: 'This client record could not be saved: "name" is empty.' }]);
    expect(summariseOutbox([])).toEqual({ count: 0, oldestSince: null, rejected: [] });
  });
});

describe('sign-out warning', () => {
  it('counts unsynced records in the words the brief gives', () => {
    expect(unsyncedSignOutWarning(3)).toBe(
      'You have 3 records that have not synced yet. If you sign out now they stay on this device and sync when you next sign in.',
    );
    expect(unsyncedSignOutWarning(1)).toMatch(/^You have 1 record that has not synced yet\./);
  });
});
