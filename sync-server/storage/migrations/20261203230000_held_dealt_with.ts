/**
 * Held-back changes a coordinator has dealt with (sync.md C4): the quarantine keeps every row for
 * ever (nothing is dropped), and marks who dealt with it and when, so the coordinator's list shows
 * only what still needs a decision. The partial index keeps that list's query cheap however many
 * rows have been dealt with.
 */
import type { Migration } from './index';

export const heldDealtWith: Migration = {
  id: '20261203230000_held_dealt_with',
  sqlite: `
ALTER TABLE quarantine ADD COLUMN dealt_with_at TEXT;
ALTER TABLE quarantine ADD COLUMN dealt_with_by TEXT;
CREATE INDEX quarantine_waiting ON quarantine (id) WHERE dealt_with_at IS NULL;
`,
  postgres: `
ALTER TABLE quarantine ADD COLUMN dealt_with_at TIMESTAMPTZ, ADD COLUMN dealt_with_by TEXT;
CREATE INDEX quarantine_waiting ON quarantine (id) WHERE dealt_with_at IS NULL;
`,
};
