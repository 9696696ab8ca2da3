/**
 * The plain reason a change is held back when its author is no longer on the case (sync.md A3, C4).
 * The server gives it when it quarantines such a write; a device uses the same words when the record's
 * removal reaches it before the answer to its push does.
 */
export const NOT_ON_CASE =
  'You are no longer on this case (it may have been reassigned while you were offline), so this change was held back. Ask your coordinator to check it.';
