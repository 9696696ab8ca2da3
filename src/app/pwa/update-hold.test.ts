/**
 * The update prompt's plain-language reasons for holding an update (sync.md D4).
 */
import { describe, expect, it } from 'vitest';
import { DIRTY_FORM_REASON, updateHoldReasons } from './update-hold';

describe('updateHoldReasons', () => {
  it('[D4] lets the update through when nothing is at risk', () => {
    expect(updateHoldReasons({ hasDirtyForms: false, unsyncedCount: 0 })).toEqual([]);
  });

  it('[D4] holds for a half-filled form', () => {
    expect(updateHoldReasons({ hasDirtyForms: true, unsyncedCount: 0 })).toEqual([DIRTY_FORM_REASON]);
  });

  it('[D4] holds for unsynced records, counted in plain words', () => {
    expect(updateHoldReasons({ hasDirtyForms: false, unsyncedCount: 1 })).toEqual([
      'Waiting until your 1 unsynced record has synced.',
    ]);
    expect(updateHoldReasons({ hasDirtyForms: false, unsyncedCount: 3 })).toEqual([
      'Waiting until your 3 unsynced records have synced.',
    ]);
  });

  it('[D4] gives every reason, the one the user can act on first', () => {
    expect(updateHoldReasons({ hasDirtyForms: true, unsyncedCount: 2 })).toEqual([
      DIRTY_FORM_REASON,
      'Waiting until your 2 unsynced records have synced.',
    ]);
  });
});
