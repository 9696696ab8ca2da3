/**
 * Pure formatting of the organisation's held-back writes (GET /api/sync/v1/held, sync.md C4) for the
 * coordinator's "Held-back changes" screen: newest first, who/when/which record, and the held
 * document's fields as readable "Label: value" lines (no raw JSON). No React, no I/O.
 */

export interface HeldRecord {
  /** The server's id of the held row, for "Mark as dealt with". */
  id: number;
  documentId: string;
  writeId: string;
  document: unknown;
  code: string;
  reason: string;
  collection: string;
  authorId: string;
  deviceId: string | null;
  at: string;
}

export interface HeldField {
  label: string;
  value: string;
}

export interface HeldEntry {
  key: string;
  id: number;
  documentId: string;
  collection: string;
  what: string;
  who: string;
  at: string;
  device: string;
  reason: string;
  fields: HeldField[];
}

const HIDDEN = new Set(['id', '_deleted', '_rev', '_meta', '_attachments', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'writeId', 'serverUpdatedAt', 'serverUpdatedBy', 'baseWriteId', 'schemaVersion']);

const KINDS: Record<string, string> = { clients: 'Client', cases: 'Case', visits: 'Visit', tasks: 'Task', feedback: 'Feedback', conflicts: 'Conflict' };

/** 'dateOfBirth' → 'Date of birth'. */
export function heldFieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as words: '(empty)', 'Yes', 'a, b', the text itself. */
export function heldValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '(empty)' : v.map(heldValue).join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${heldFieldLabel(k)}: ${heldValue(x)}`).join('; ');
  return typeof v === 'bigint' ? v.toString() : '(not shown)';
}

/** The user fields of a held document, in a stable order; nothing for a document that is not an object. */
export function heldFields(document: unknown): HeldField[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return [];
  return Object.entries(document as Record<string, unknown>)
    .filter(([k]) => !HIDDEN.has(k))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ({ label: heldFieldLabel(k), value: heldValue(v) }));
}

/** Held writes as screen entries, newest first; names from `names` (id → name), else the id. */
export function describeHeld(records: readonly HeldRecord[], names: ReadonlyMap<string, string>, recordNames: ReadonlyMap<string, string> = new Map()): HeldEntry[] {
  return [...records]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map((r) => {
      const kind = KINDS[r.collection] ?? heldFieldLabel(r.collection);
      const name = recordNames.get(r.documentId);
      return {
        key: `${r.collection}:${r.writeId}`,
        id: r.id,
        documentId: r.documentId,
        collection: r.collection,
        what: name ? `${kind}: ${name}` : `${kind} ${r.documentId} (not on this device)`,
        who: names.get(r.authorId) ?? `Unknown person (${r.authorId})`,
        at: r.at,
        device: r.deviceId ?? 'Unknown device',
        reason: r.reason.trim() === '' ? 'The server held this change back.' : r.reason,
        fields: heldFields(r.document),
      };
    });
}
