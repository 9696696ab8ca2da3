/**
 * Which fields of each synced collection are encrypted at rest on the device (product.md, shared-tablet
 * security: "free text and sensitive fields ... encrypted on the device"). The one place that says so;
 * src/db/encryption.ts seals exactly these top-level fields, the sync server never sees ciphertext.
 *
 * Rules for a field listed here (enforced by the storage wrapper at query time, and by a unit test):
 * - never indexed, never the primary key, never in a query selector or sort: IndexedDB holds only
 *   ciphertext, so a query could not match on it. The caseload search (src/shared/domain/search.ts)
 *   reads `name`, `postcode` and `dateOfBirth`, which therefore stay in clear text.
 * - whole values are sealed (a consent list, an outcomes array), so nested details go with them.
 *
 * Kept clear on purpose: ids and links (clientId, caseId, teamId, assignedTo, by), statuses and dates
 * the app queries or sorts by, and the fields of caseload search.
 */
import type { CollectionName } from './index';

export const SENSITIVE_FIELDS = {
  /** Contact details (a safeguarding risk if a tablet is lost), needs (often health), consents, notes. */
  clients: ['phone', 'email', 'address', 'needs', 'consents', 'notes'],
  /** The case type can name the need itself ("Domestic abuse"); summary and closing reason are free text. */
  cases: ['type', 'summary', 'closedReason'],
  visits: ['notes', 'outcomes'],
  /** Task titles are free text ("Chase GP about medication"). */
  tasks: ['title'],
  feedback: ['comment'],
  /** A conflict copies the two values of any field, sensitive or not. */
  conflicts: ['keptValue', 'losingValue'],
} as const satisfies Record<CollectionName, readonly string[]>;

export function sensitiveFieldsOf(collection: string): readonly string[] {
  return (SENSITIVE_FIELDS as Record<string, readonly string[] | undefined>)[collection] ?? [];
}
