/**
 * Valid documents for tests, as a device would push them: fresh ids and writeIds, client times, and
 * `_deleted`. Overrides win, so a test states only the fields it is about.
 */
import { newId } from '#shared/lib/ids';

export type Doc = Record<string, unknown>;

const now = (): string => new Date().toISOString();

function meta(): Doc {
  const at = now();
  return { id: newId(), writeId: newId(), createdAt: at, clientUpdatedAt: at, _deleted: false };
}

export function clientDoc(overrides: Doc): Doc {
  return { ...meta(), name: 'Alex Example', teamId: 'team-a', createdBy: 'nobody', ...overrides };
}

export function caseDoc(overrides: Doc): Doc {
  return {
    ...meta(), clientId: 'client-x', teamId: 'team-a', assignedTo: [], sharedWithTeam: false, status: 'open', type: 'housing', openedAt: now(), ...overrides,
  };
}

export function visitDoc(overrides: Doc): Doc {
  return { ...meta(), caseId: 'case-x', clientId: 'client-x', by: 'nobody', at: now(), kind: 'phone', notes: 'Checked in.', ...overrides };
}

export function taskDoc(overrides: Doc): Doc {
  return { ...meta(), caseId: 'case-x', clientId: 'client-x', assignedTo: 'nobody', title: 'Call back', due: '2030-01-01', done: false, ...overrides };
}

export function feedbackDoc(overrides: Doc): Doc {
  return { ...meta(), source: 'kiosk', rating: 4, at: now(), ...overrides };
}

export function conflictDoc(overrides: Doc): Doc {
  return {
    ...meta(), collectionName: 'clients', documentId: 'client-x', field: 'phone', keptValue: '"01000 000001"', losingValue: '"01000 000002"',
    losingBy: 'nobody', losingAt: now(), status: 'open', ...overrides,
  };
}

/** The next local state of a document: a field change with a fresh writeId, as a local edit makes. */
export function edit(doc: Doc, changes: Doc): Doc {
  return { ...doc, ...changes, writeId: newId(), clientUpdatedAt: now() };
}

/** A push row creating `doc`. */
export const create = (doc: Doc) => ({ assumedMasterState: null, newDocumentState: doc });
/** A push row changing `from` (the state the device believes the server has) into `to`. */
export const update = (from: Doc, to: Doc) => ({ assumedMasterState: from, newDocumentState: to });
