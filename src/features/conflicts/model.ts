/**
 * Pure helpers for the conflict review screen: a human label for the record a conflict is about,
 * a plain name for the field, and the stored JSON values as text a coordinator can read.
 */
import type { Case, Client, CollectionName, Task } from '#shared/schemas/index';
import { META_FIELDS } from '#shared/schemas/common';
import { isCollectionName } from '#shared/schemas/index';
import { labelFromSlug } from '../../ui/shell';

export interface RecordLookup {
  clients: ReadonlyMap<string, Pick<Client, 'name'>>;
  cases: ReadonlyMap<string, Pick<Case, 'type' | 'clientId'>>;
  tasks: ReadonlyMap<string, Pick<Task, 'title' | 'clientId'>>;
}

const NOUNS: Record<CollectionName, string> = {
  clients: 'Client',
  cases: 'Case',
  visits: 'Visit',
  tasks: 'Task',
  feedback: 'Feedback',
  conflicts: 'Conflict record',
};

/** "Client: Maya Patel", "Case: Housing, for Maya Patel", "Task: Chase banding, for Maya Patel". */
export function recordLabel(collection: string, documentId: string, lookup: RecordLookup): string {
  if (!isCollectionName(collection)) return `Record ${documentId}`;
  const noun = NOUNS[collection];
  const clientName = (id: string | undefined) => (id === undefined ? undefined : lookup.clients.get(id)?.name);
  const forClient = (id: string | undefined) => {
    const name = clientName(id);
    return name ? `, for ${name}` : '';
  };
  switch (collection) {
    case 'clients': {
      const name = clientName(documentId);
      return name ? `${noun}: ${name}` : `${noun} record (not on this device)`;
    }
    case 'cases': {
      const c = lookup.cases.get(documentId);
      return c ? `${noun}: ${labelFromSlug(c.type)}${forClient(c.clientId)}` : `${noun} (not on this device)`;
    }
    case 'tasks': {
      const t = lookup.tasks.get(documentId);
      return t ? `${noun}: ${t.title}${forClient(t.clientId)}` : `${noun} (not on this device)`;
    }
    default:
      return `${noun} ${documentId}`;
  }
}

const FIELD_NAMES: Record<string, string> = {
  dateOfBirth: 'Date of birth',
  postcode: 'Postcode',
  sharedWithTeam: 'Shared with the team',
  assignedTo: 'Assigned to',
  closedAt: 'Closed on',
  closedReason: 'Reason for closing',
  contractId: 'Contract',
  durationMinutes: 'Duration (minutes)',
  teamId: 'Team',
  due: 'Due date',
  done: 'Done',
};

/** 'dateOfBirth' → 'Date of birth'; 'notes' → 'Notes'. */
export function fieldLabel(field: string): string {
  const known = FIELD_NAMES[field];
  if (known) return known;
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The stored JSON text as a value; `undefined` when it is not valid JSON (shown as text). */
export function parseValue(json: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(json) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A value as words: '(empty)', 'Yes', 'a, b', the text itself. */
export function displayValue(json: string): string {
  const parsed = parseValue(json);
  if (!parsed.ok) return json;
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '(empty)';
    if (typeof v === 'boolean') return v ? 'Yes' : 'No';
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return v.length === 0 ? '(empty)' : v.map(show).join(', ');
    return JSON.stringify(v);
  };
  return show(parsed.value);
}

/** A field the review may write back: a user field of a synced, editable collection. */
export function canSwap(collection: string, field: string): collection is Exclude<CollectionName, 'conflicts'> {
  return isCollectionName(collection) && collection !== 'conflicts' && !(META_FIELDS as readonly string[]).includes(field) && field !== 'id';
}
