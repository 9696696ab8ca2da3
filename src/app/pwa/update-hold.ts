/**
 * Why an app update must wait (sync.md D4), as plain sentences the prompt shows. Pure: the prompt
 * passes in what it knows, so the wording is unit-tested without a browser.
 */
export interface UpdateHoldInput {
  /** A form on screen holds typed but unsaved input (src/shared/lib/dirty-forms.ts). */
  hasDirtyForms: boolean;
  /** Local writes not yet acknowledged by the sync server. */
  unsyncedCount: number;
}

export const DIRTY_FORM_REASON = 'Finish or save the form you are filling in first.';

export function unsyncedReason(count: number): string {
  return count === 1
    ? 'Waiting until your 1 unsynced record has synced.'
    : `Waiting until your ${count} unsynced records have synced.`;
}

/** Empty when the update may be applied now; otherwise one sentence per reason, most actionable first. */
export function updateHoldReasons(input: UpdateHoldInput): string[] {
  const reasons: string[] = [];
  if (input.hasDirtyForms) reasons.push(DIRTY_FORM_REASON);
  if (input.unsyncedCount > 0) reasons.push(unsyncedReason(input.unsyncedCount));
  return reasons;
}
