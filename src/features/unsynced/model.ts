/**
 * What the unsynced changes page says about each outbox row, pure so it is unit-tested: the kind
 * of record in plain words, a label a person recognises (client name, visit date and kind, task
 * title…), where to open it, when it changed, and the server's reason when it held the change back
 * (sync.md C4). Held-back changes come first, then the oldest, which has waited longest.
 */
import { visitKindLabel } from '#shared/schemas/visits';
import type { OutboxRow } from '#db/outbox';
import type { Case, Client, Conflict, Feedback, Task, Visit } from '#shared/schemas/index';
import { formatDateTime, labelFromSlug } from '../../ui/shell';

export interface RecordLookup {
  clients: ReadonlyMap<string, Pick<Client, 'name'>>;
  cases: ReadonlyMap<string, Pick<Case, 'type' | 'clientId'>>;
  visits: ReadonlyMap<string, Pick<Visit, 'kind' | 'at' | 'clientId'>>;
  tasks: ReadonlyMap<string, Pick<Task, 'title' | 'clientId'>>;
  feedback: ReadonlyMap<string, Pick<Feedback, 'rating'> & { clientId?: string }>;
  conflicts: ReadonlyMap<string, Pick<Conflict, 'field' | 'collectionName' | 'documentId'>>;
}

export const EMPTY_LOOKUP: RecordLookup = { clients: new Map(), cases: new Map(), visits: new Map(), tasks: new Map(), feedback: new Map(), conflicts: new Map() };

export interface UnsyncedEntry {
  key: string;
  /** The kind of record in plain words: "Client details", "Visit", "Follow-up task"… */
  kind: string;
  /** What it is: "Maya Patel", "Home visit, 5 Mar 2025, 14:05, for Maya Patel". */
  label: string;
  /** The page that shows it, or null when it has none (or is not on this device any more). */
  href: string | null;
  /** ISO time of the change. */
  since: string;
  /** The server's plain reason when it held this change back (C4). */
  rejectedReason: string | null;
  /** The record is still on this device. A held-back change to a record that left this user's scope (A3) is not. */
  onDevice: boolean;
}

const KINDS: Record<string, string> = {
  clients: 'Client details',
  cases: 'Case',
  visits: 'Visit',
  tasks: 'Follow-up task',
  feedback: 'Feedback',
  conflicts: 'Conflict decision',
};


const clientHref = (clientId: string | undefined): string | null => (clientId ? `/clients/${encodeURIComponent(clientId)}` : null);

function describe(row: Pick<OutboxRow, 'collectionName' | 'documentId' | 'rejectedReason'>, lookup: RecordLookup): { label: string; href: string | null; onDevice?: false } {
  const id = row.documentId;
  const forClient = (clientId: string | undefined): string => {
    const name = clientId ? lookup.clients.get(clientId)?.name : undefined;
    return name ? `, for ${name}` : '';
  };
  const notHere = {
    label: row.rejectedReason === undefined ? 'A record no longer on this device (it may have been deleted)' : 'A record that is no longer on this device',
    href: null,
    onDevice: false as const,
  };
  switch (row.collectionName) {
    case 'clients': {
      const c = lookup.clients.get(id);
      return c ? { label: c.name, href: clientHref(id) } : notHere;
    }
    case 'cases': {
      const c = lookup.cases.get(id);
      return c ? { label: `${labelFromSlug(c.type)} case${forClient(c.clientId)}`, href: clientHref(c.clientId) } : notHere;
    }
    case 'visits': {
      const v = lookup.visits.get(id);
      return v ? { label: `${visitKindLabel(v.kind)}, ${formatDateTime(v.at)}${forClient(v.clientId)}`, href: clientHref(v.clientId) } : notHere;
    }
    case 'tasks': {
      const t = lookup.tasks.get(id);
      return t ? { label: `${t.title}${forClient(t.clientId)}`, href: clientHref(t.clientId) } : notHere;
    }
    case 'feedback': {
      const f = lookup.feedback.get(id);
      return f ? { label: `Rating ${f.rating} out of 5${forClient(f.clientId)}`, href: clientHref(f.clientId) } : notHere;
    }
    case 'conflicts': {
      const c = lookup.conflicts.get(id);
      return c ? { label: `Your choice on a conflict in ${labelFromSlug(c.field).toLowerCase()}`, href: '/conflicts' } : notHere;
    }
    default:
      return { label: `Record ${id}`, href: null };
  }
}

export function describeRow(row: Pick<OutboxRow, 'id' | 'collectionName' | 'documentId' | 'since' | 'rejectedReason'>, lookup: RecordLookup): UnsyncedEntry {
  const { label, href, onDevice } = describe(row, lookup);
  return {
    key: row.id,
    kind: KINDS[row.collectionName] ?? labelFromSlug(row.collectionName),
    label,
    href,
    since: row.since,
    rejectedReason: row.rejectedReason ?? null,
    onDevice: onDevice ?? true,
  };
}

/** Held-back changes first (a person must act on them), then oldest first. */
export function describeRows(rows: readonly Pick<OutboxRow, 'id' | 'collectionName' | 'documentId' | 'since' | 'rejectedReason'>[], lookup: RecordLookup): UnsyncedEntry[] {
  return rows
    .map((row) => describeRow(row, lookup))
    .sort((a, b) => {
      if ((a.rejectedReason === null) !== (b.rejectedReason === null)) return a.rejectedReason === null ? 1 : -1;
      return a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
    });
}
