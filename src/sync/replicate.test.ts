/**
 * The checkpoint a pull hands RxDB when the page carried a removal of this device's own held-back
 * change that RxDB may not have stored (sync.md C4 with A3): everything moves on except `q`, the place
 * in the removals owed for held-back changes, so the server sends those again.
 */
import { describe, expect, it } from 'vitest';
import { askAgainForRemovals } from './replicate';

describe('askAgainForRemovals', () => {
  it('[C4][A3] keeps the previous q and takes the rest of the new checkpoint', () => {
    expect(askAgainForRemovals({ seq: 90, scope: 'new', q: 7 }, { seq: 40, scope: 'old', q: 3 })).toEqual({ seq: 90, scope: 'new', q: 3 });
  });

  it('[C4][A3] drops q when the previous checkpoint had none (the first pull), so every removal owed comes again', () => {
    expect(askAgainForRemovals({ seq: 90, scope: 'new', q: 7 }, null)).toEqual({ seq: 90, scope: 'new' });
    expect(askAgainForRemovals({ seq: 90, scope: 'new', q: 7 }, { seq: 40 })).toEqual({ seq: 90, scope: 'new' });
  });

  it('leaves the checkpoint it was given untouched', () => {
    const next = { seq: 90, q: 7 };
    askAgainForRemovals(next, { seq: 1, q: 2 });
    expect(next).toEqual({ seq: 90, q: 7 });
  });
});
