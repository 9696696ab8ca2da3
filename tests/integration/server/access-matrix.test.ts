/**
 * The role x collection x operation matrix (sync.md A1, A2, C4) against the real server, on SQLite
 * and PostgreSQL: every role (coordinator, outreach worker, assisted-digital helper, kiosk), every
 * synced collection, and read, create, update and delete, each on a target inside the caller's scope
 * (or their own record) and one outside it (another's case, or a forged author).
 *
 * An allowed write is stored as sent; a refused one is quarantined (C4: header
 * X-Resonance-Quarantined: 1, kept with a reason), changes nothing on the server, and its answer
 * carries no server state (nothing leaks, even when the device's assumed state is stale).
 *
 * Kiosk self-service submissions and published kiosk forms are not in the matrix: the `forms` and
 * `submissions` collections do not exist yet, so the server refuses them like any unknown collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../sync-server/auth/service';
import { enrolKiosk } from '../../../sync-server/admin/ops';
import type { CollectionName } from '#shared/schemas/index';
import { newId } from '#shared/lib/ids';
import { adapters } from './support/adapters';
import { addUser, client, errorOf, login, pullAll, startHarness, type Client, type Harness } from './support/harness';
import { caseDoc, clientDoc, create, edit, feedbackDoc, taskDoc, update, visitDoc, type Doc } from './support/docs';

type Role = 'coordinator' | 'worker' | 'helper' | 'kiosk';
type Op = 'read' | 'create' | 'update' | 'delete';
type Target = 'in' | 'out';

const ROLES: Role[] = ['coordinator', 'worker', 'helper', 'kiosk'];
const COLLECTIONS: CollectionName[] = ['clients', 'cases', 'visits', 'tasks', 'feedback', 'conflicts'];
const OPS: Op[] = ['read', 'create', 'update', 'delete'];

/**
 * Expected outcome per role and collection, one letter pair per operation (read create update delete),
 * each pair "inside scope / outside scope": Y allowed, N refused.
 * - visits and feedback are append-only (C3): nobody updates or deletes them once sent;
 * - "outside" for creating a client means a forged `createdBy` (refused even for a coordinator);
 * - a kiosk creates only anonymous kiosk feedback ("outside": kiosk feedback naming a case).
 */
const EXPECTED: Record<Role, Record<CollectionName, string>> = {
  coordinator: { clients: 'YY YN YY YY', cases: 'YY YY YY YY', visits: 'YY YY NN NN', tasks: 'YY YY YY YY', feedback: 'YY YY NN NN', conflicts: 'YY YY YY YY' },
  worker: { clients: 'YN YN YN YN', cases: 'YN YN YN YN', visits: 'YN YN NN NN', tasks: 'YN YN YN YN', feedback: 'YN YN NN NN', conflicts: 'YN YN YN YN' },
  helper: { clients: 'YN YN YN YN', cases: 'YN YN YN YN', visits: 'YN YN NN NN', tasks: 'YN YN YN YN', feedback: 'YN YN NN NN', conflicts: 'YN YN YN YN' },
  kiosk: { clients: 'NN NN NN NN', cases: 'NN NN NN NN', visits: 'NN NN NN NN', tasks: 'NN NN NN NN', feedback: 'NN YN NN NN', conflicts: 'NN NN NN NN' },
};

function expected(role: Role, collection: CollectionName, op: Op, target: Target): boolean {
  const pair = EXPECTED[role][collection].split(' ')[OPS.indexOf(op)] ?? '';
  return pair[target === 'in' ? 0 : 1] === 'Y';
}

const ROWS = ROLES.flatMap((role) =>
  COLLECTIONS.flatMap((collection) =>
    OPS.flatMap((op) => (['in', 'out'] as const).map((target) => ({ role, collection, op, target, allowed: expected(role, collection, op, target) }))),
  ),
);

const now = (): string => new Date().toISOString();

describe.each(adapters())('access matrix ($name)', (adapter) => {
  let h: Harness;
  const api = {} as Record<Role, Client>;
  const userId = {} as Record<Role, string>;
  let caseIn: Doc;
  let caseOut: Doc;

  beforeAll(async () => {
    h = await startHarness(adapter);
    await h.server.store.createTeam('North', 'north');
    userId.coordinator = (await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: ['north'] })).id;
    userId.worker = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: ['north'] })).id;
    userId.helper = (await addUser(h.server, { email: 'priya@example.org', role: 'helper', teamIds: ['north'] })).id;
    [api.coordinator, api.worker, api.helper] = await Promise.all([login(h.url, 'coord@example.org'), login(h.url, 'sam@example.org'), login(h.url, 'priya@example.org')]);
    const auth = new AuthService(h.server.store, { tokenTtlDays: 30, loginFailuresPerAccount: 10, loginFailuresPerAddress: 30 });
    const { code } = await enrolKiosk(h.server.store, 'Reception', auth);
    const enrolled = await fetch(`${h.url}/api/auth/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId: 'matrix-kiosk' }) });
    const kioskBody = (await enrolled.json()) as { token: string; user: { id: string } };
    api.kiosk = client(h.url, kioskBody.token);
    userId.kiosk = kioskBody.user.id;
    caseIn = await seed('cases', caseDoc({ clientId: 'cl-in', teamId: 'north', assignedTo: [userId.worker, userId.helper] }));
    caseOut = await seed('cases', caseDoc({ clientId: 'cl-out', teamId: 'north', assignedTo: [userId.coordinator] }));
  });

  afterAll(async () => {
    await h.close();
  });

  /** Writes a document as the coordinator and returns the server's state of it. */
  async function seed(collection: CollectionName, doc: Doc): Promise<Doc> {
    const res = await api.coordinator.push(collection, [create(doc)]);
    expect(res.headers.get('x-resonance-quarantined'), `seeding ${collection}`).toBe('0');
    const [stored] = await h.server.store.getDocs(collection, [String(doc.id)]);
    if (!stored) throw new Error(`seeded ${collection} ${String(doc.id)} is missing`);
    return { ...stored.data, _deleted: stored.deleted };
  }

  /** A fresh existing document of `collection`, inside or outside the worker's and helper's scope. */
  async function existing(collection: CollectionName, target: Target): Promise<Doc> {
    const theCase = target === 'in' ? caseIn : caseOut;
    const coord = userId.coordinator;
    switch (collection) {
      case 'clients': {
        const c = await seed('clients', clientDoc({ teamId: 'north', createdBy: coord }));
        if (target === 'in') await seed('cases', caseDoc({ clientId: c.id, teamId: 'north', assignedTo: [userId.worker, userId.helper] }));
        return c;
      }
      case 'cases':
        return seed('cases', caseDoc({ clientId: theCase.clientId, teamId: 'north', assignedTo: target === 'in' ? [userId.worker, userId.helper] : [coord] }));
      case 'visits':
        return seed('visits', visitDoc({ caseId: theCase.id, clientId: theCase.clientId, by: coord, notes: 'Private visit note' }));
      case 'tasks':
        return seed('tasks', taskDoc({ caseId: theCase.id, clientId: theCase.clientId, assignedTo: coord, title: 'Private task' }));
      case 'feedback':
        return seed('feedback', feedbackDoc({ source: 'worker', by: coord, caseId: theCase.id, comment: 'Private feedback' }));
      case 'conflicts':
        return seed('conflicts', conflictDoc(String(theCase.id), coord));
    }
  }

  function conflictDoc(caseId: string, losingBy: string): Doc {
    const at = now();
    return {
      id: newId(), writeId: newId(), createdAt: at, clientUpdatedAt: at, _deleted: false,
      collectionName: 'cases', documentId: caseId, field: 'summary', keptValue: '"kept"', losingValue: '"lost"', losingBy, losingAt: at, status: 'open',
    };
  }

  /** A new document the caller creates, inside their scope (their own) or outside it. */
  function fresh(collection: CollectionName, role: Role, target: Target): Doc {
    const me = userId[role];
    const theCase = target === 'in' ? caseIn : caseOut;
    switch (collection) {
      case 'clients':
        return clientDoc({ teamId: 'north', createdBy: target === 'in' ? me : userId.coordinator === me ? userId.worker : userId.coordinator });
      case 'cases':
        return caseDoc({ clientId: 'cl-new', teamId: 'north', assignedTo: target === 'in' ? [me] : [userId.coordinator] });
      case 'visits':
        return visitDoc({ caseId: theCase.id, clientId: theCase.clientId, by: me });
      case 'tasks':
        return taskDoc({ caseId: theCase.id, clientId: theCase.clientId, assignedTo: me });
      case 'feedback':
        if (role === 'kiosk') return feedbackDoc(target === 'in' ? { source: 'kiosk', rating: 5 } : { source: 'kiosk', rating: 5, caseId: caseOut.id });
        return feedbackDoc({ source: 'worker', by: me, caseId: theCase.id });
      case 'conflicts':
        return conflictDoc(String(theCase.id), me);
    }
  }

  const CHANGE: Record<CollectionName, Doc> = {
    clients: { name: 'Changed name' },
    cases: { summary: 'Changed summary' },
    visits: { notes: 'Changed note' },
    tasks: { title: 'Changed title' },
    feedback: { comment: 'Changed comment' },
    conflicts: { keptValue: '"changed"' },
  };

  async function expectWrite(caller: Client, collection: CollectionName, row: { assumedMasterState: Doc | null; newDocumentState: Doc }, allowed: boolean, before: Doc | null) {
    const res = await caller.push(collection, [row]);
    expect(res.status).toBe(200);
    // Nothing of the server's state is ever answered for a refused write (A1): not even on a stale assumption.
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe(allowed ? '0' : '1');
    const id = String(row.newDocumentState.id);
    const [stored] = await h.server.store.getDocs(collection, [id]);
    if (allowed) {
      expect(stored?.writeId).toBe(row.newDocumentState.writeId);
      expect(stored?.deleted).toBe(row.newDocumentState._deleted === true);
    } else {
      expect(stored?.writeId).toBe(before?.writeId);
      expect(stored?.deleted ?? false).toBe(false);
      // C4: the refused write is kept with a plain reason, never dropped.
      const held = (await (await caller.get('/api/quarantine')).json()) as Doc[];
      expect(held).toContainEqual(expect.objectContaining({ documentId: id, writeId: row.newDocumentState.writeId, reason: expect.stringMatching(/^[A-Z].*\.( .*)?$/) as unknown }));
    }
  }

  it.each(ROWS)('[A1][A2] $role $op $collection ($target scope): allowed=$allowed', async ({ role, collection, op, target, allowed }) => {
    const caller = api[role];
    if (op === 'read') {
      const doc = await existing(collection, target);
      const seen = await pullAll(caller, collection, 1000);
      expect(seen.some((d) => d.id === doc.id)).toBe(allowed);
      return;
    }
    if (op === 'create') {
      await expectWrite(caller, collection, create(fresh(collection, role, target)), allowed, null);
      return;
    }
    const doc = await existing(collection, target);
    const next = op === 'update' ? edit(doc, CHANGE[collection]) : { ...edit(doc, {}), _deleted: true };
    // A refused write also assumes a stale state, so a conflict answer would have to leak to pass.
    const assumed = allowed ? doc : { ...doc, writeId: 'stale-state' };
    await expectWrite(caller, collection, update(assumed, next), allowed, doc);
  });

  it('[A2] a kiosk token on personal-data routes gets nothing: every pull is empty, held-back writes and the directory are refused or empty', async () => {
    for (const collection of COLLECTIONS) expect(await pullAll(api.kiosk, collection)).toEqual([]);
    expect(await errorOf(await api.kiosk.get('/api/sync/v1/held'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect(await errorOf(await api.coordinator.get('/api/sync/v1/held?limit=lots'))).toMatchObject({ status: 400, code: 'bad-request' });
    const directory = await api.kiosk.get('/api/directory');
    if (directory.status === 200) expect(await directory.json()).toMatchObject({ people: [] });
    else expect(directory.status).toBeGreaterThanOrEqual(400);
  });

  it('[A2] kiosk submissions and published forms are not collections yet: the server says so', async () => {
    for (const name of ['forms', 'submissions']) {
      expect(await errorOf(await api.kiosk.get(`/api/sync/v1/${name}/0/pull`))).toMatchObject({ status: 404, code: 'unknown-collection' });
    }
  });
});
