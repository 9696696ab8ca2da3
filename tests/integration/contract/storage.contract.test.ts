/**
 * The storage contract suite: one set of expectations, run against every adapter (SQLite always,
 * PostgreSQL when TEST_PG_URL is set). A new adapter is done when this file passes against it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../sync-server/storage/open';
import type { Change, DocWrite, Store } from '../../../sync-server/storage/types';
import { DuplicateError } from '../../../sync-server/storage/types';
import { adapters, rawExec } from '../server/support/adapters';

const actor = { userId: 'u-test', deviceId: null };

function write(id: string, writeId: string, extra: Record<string, unknown> = {}, deleted = false): DocWrite {
  return {
    id,
    writeId,
    deleted,
    data: { id, writeId, ...extra },
    serverUpdatedAt: new Date().toISOString(),
    serverUpdatedBy: 'u-test',
  };
}

function writeAll(store: Store, writes: DocWrite[], collection: 'cases' | 'visits' = 'visits') {
  return store.applyBatch(collection, writes.map((w) => w.id), actor, () => ({ writes, quarantine: [], result: null }));
}

function nextChange(store: Store, collection: string): Promise<Change> {
  return new Promise((resolve) => {
    const off = store.onChange((change) => {
      if (change.collection === collection && change.docs.length > 0) {
        off();
        resolve(change);
      }
    });
  });
}

describe.each(adapters())('storage contract ($name)', (adapter) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let storage: Parameters<typeof openStore>[0];

  beforeAll(async () => {
    const fresh = await adapter.fresh();
    storage = fresh.storage;
    cleanup = fresh.cleanup;
    store = await openStore(storage);
  });

  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('applies and records migrations once, and reopening applies nothing twice', async () => {
    const applied = await store.appliedMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const again = await openStore(storage);
    expect(await again.appliedMigrations()).toEqual(applied);
    await again.close();
    expect(store.kind).toBe(adapter.name);
  });

  it('[P1] assigns increasing seq in commit order and pulls after a checkpoint, limited', async () => {
    const first = await writeAll(store, [write('a', 'w1'), write('b', 'w1')]);
    const second = await writeAll(store, [write('c', 'w1')]);
    const seqs = [...first.written, ...second.written].map((d) => d.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(3);
    const all = await store.pullSince('visits', 0, 100);
    expect(all.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    const afterFirst = await store.pullSince('visits', seqs[0] ?? 0, 1);
    expect(afterFirst.map((d) => d.id)).toEqual(['b']);
    expect(await store.pullSince('cases', 0, 100)).toEqual([]);
  });

  it('[P1] an update moves the document to a new, higher seq; [P3] deletes are soft', async () => {
    const before = await store.pullSince('visits', 0, 100);
    const maxBefore = Math.max(...before.map((d) => d.seq));
    await writeAll(store, [write('a', 'w2', { note: 'x' }, true)]);
    const after = await store.pullSince('visits', maxBefore, 100);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: 'a', writeId: 'w2', deleted: true, data: { note: 'x' } });
    expect((await store.getDocs('visits', ['a', 'zzz'])).map((d) => d.id)).toEqual(['a']);
  });

  it('decide sees the current states inside the transaction', async () => {
    const seen: string[] = [];
    await store.applyBatch('visits', ['a', 'b', 'new'], actor, (current) => {
      for (const [id, doc] of current) seen.push(`${id}:${doc.writeId}`);
      return { writes: [], quarantine: [], result: null };
    });
    expect(seen.sort()).toEqual(['a:w2', 'b:w1']);
  });

  it('[C1] a batch whose decision throws stores nothing and announces nothing', async () => {
    const heard: Change[] = [];
    // Only changes naming 'boom' count: on PostgreSQL, earlier tests' notices may still be arriving.
    const off = store.onChange((change) => {
      if (change.docs.some((d) => d.id === 'boom')) heard.push(change);
    });
    const before = await store.countDocuments();
    await expect(
      store.applyBatch('visits', ['boom'], actor, () => {
        throw new Error('decision failed');
      }),
    ).rejects.toThrow('decision failed');
    expect(await store.countDocuments()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    off();
    expect(heard).toEqual([]);
  });

  it('[L2] announces committed writes to change listeners', async () => {
    const heard = nextChange(store, 'cases');
    const outcome = await writeAll(store, [write('case-1', 'w1', { teamId: 't1', assignedTo: ['u-a'] })], 'cases');
    const change = await heard;
    expect(change.docs.map((d) => [d.id, d.seq])).toEqual(outcome.written.map((d) => [d.id, d.seq]));
  });

  it('[C4] keeps quarantined documents per author, once per write, and audits every write', async () => {
    const decide = () => ({
      writes: [],
      quarantine: [{ documentId: 'q1', writeId: 'qw', document: { id: 'q1', bad: true }, code: 'invalid', reason: 'Bad.' }],
      result: null,
    });
    const first = await store.applyBatch('visits', ['q1'], { userId: 'u-q', deviceId: 'd-q' }, decide);
    await store.applyBatch('visits', ['q1'], { userId: 'u-q', deviceId: 'd-q' }, decide);
    expect(first.quarantined).toBe(1);
    const held = await store.listQuarantine('u-q');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ collection: 'visits', documentId: 'q1', writeId: 'qw', code: 'invalid', reason: 'Bad.', document: { id: 'q1', bad: true } });
    expect(await store.listQuarantine('someone-else')).toEqual([]);
    const audit = await store.listAudit(100);
    expect(audit.some((a) => a.documentId === 'q1' && a.action === 'quarantine' && a.userId === 'u-q')).toBe(true);
    expect(audit.some((a) => a.documentId === 'a' && a.action === 'delete')).toBe(true);
    expect(audit.some((a) => a.documentId === 'c' && a.action === 'create')).toBe(true);
  });

  it('the audit trail is append-only: the database itself refuses updates and deletes', async () => {
    expect((await store.listAudit(1)).length).toBe(1);
    await expect(rawExec(storage, "UPDATE audit SET action = 'create'")).rejects.toThrow(/append-only/);
    await expect(rawExec(storage, 'DELETE FROM audit')).rejects.toThrow(/append-only/);
  });

  it('[A1] finds candidate cases by team or by assignee', async () => {
    await writeAll(store, [write('case-2', 'w1', { teamId: 't2', assignedTo: [] }), write('case-3', 'w1', { teamId: 't3', assignedTo: ['u-b'] })], 'cases');
    const byTeam = await store.candidateCases('nobody', ['t2']);
    expect(byTeam.map((d) => d.id)).toEqual(['case-2']);
    const byUser = await store.candidateCases('u-b', []);
    expect(byUser.map((d) => d.id)).toEqual(['case-3']);
  });

  it('[B2] keeps teams and users unique, with team membership', async () => {
    const team = await store.createTeam('North');
    await expect(store.createTeam('North')).rejects.toBeInstanceOf(DuplicateError);
    expect(await store.findTeamByName('North')).toEqual(team);
    const user = await store.createUser({ email: 'Ann@Example.org', name: 'Ann', role: 'worker', passwordHash: 'h', teamIds: [team.id] });
    expect(user).toMatchObject({ email: 'ann@example.org', role: 'worker', active: true, teamIds: [team.id] });
    await expect(store.createUser({ email: 'ann@example.org', name: 'Other', role: 'worker', passwordHash: 'h', teamIds: [] })).rejects.toBeInstanceOf(DuplicateError);
    expect((await store.findUserByEmail(' ANN@example.org'))?.id).toBe(user.id);
    await store.setUserActive(user.id, false);
    expect((await store.findUserById(user.id))?.active).toBe(false);
    const kiosk = await store.createUser({ email: null, name: 'Kiosk', role: 'kiosk', passwordHash: null, teamIds: [] });
    const kiosk2 = await store.createUser({ email: null, name: 'Kiosk 2', role: 'kiosk', passwordHash: null, teamIds: [] });
    expect(kiosk.id).not.toBe(kiosk2.id);
    expect((await store.listUsers()).length).toBe(await store.countUsers());
    expect((await store.listTeams()).map((t) => t.name)).toContain('North');
  });

  it('[B2][A4] stores tokens by hash; revoking a device revokes its tokens', async () => {
    const user = await store.createUser({ email: 'tok@example.org', name: 'Tok', role: 'helper', passwordHash: 'h', teamIds: [] });
    const device = await store.upsertDevice({ id: 'dev-1', name: 'Tablet', userId: user.id });
    expect(device).toMatchObject({ id: 'dev-1', userId: user.id, revoked: false, lastSyncAt: null });
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    await store.createToken({ hash: 'h1', userId: user.id, deviceId: 'dev-1', expiresAt });
    await store.createToken({ hash: 'h2', userId: user.id, deviceId: 'dev-1', expiresAt });
    expect(await store.findToken('h1')).toMatchObject({ userId: user.id, deviceId: 'dev-1', expiresAt, revoked: false });
    await store.revokeToken('h1');
    expect((await store.findToken('h1'))?.revoked).toBe(true);
    expect((await store.findToken('h2'))?.revoked).toBe(false);
    await store.recordSync('dev-1', new Date().toISOString(), '1.2.3', 4);
    expect(await store.getDevice('dev-1')).toMatchObject({ appVersion: '1.2.3', unsyncedBacklog: 4 });
    await store.revokeDevice('dev-1');
    expect((await store.getDevice('dev-1'))?.revoked).toBe(true);
    expect((await store.findToken('h2'))?.revoked).toBe(true);
    expect(await store.findToken('unknown')).toBeNull();
    await store.createToken({ hash: 'h3', userId: user.id, deviceId: 'dev-1', expiresAt });
    await store.revokeUserTokens(user.id);
    expect((await store.findToken('h3'))?.revoked).toBe(true);
    expect((await store.listDevices()).map((d) => d.id)).toContain('dev-1');
  });

  it('[B2] enrolment codes work once and never after they expire', async () => {
    const now = new Date().toISOString();
    await store.createEnrolmentCode({ hash: 'c1', name: 'Reception', expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await store.createEnrolmentCode({ hash: 'c2', name: 'Old', expiresAt: new Date(Date.now() - 1_000).toISOString() });
    const results = await Promise.all([store.consumeEnrolmentCode('c1', now), store.consumeEnrolmentCode('c1', now)]);
    expect(results.filter((r) => r !== null)).toEqual([{ name: 'Reception' }]);
    expect(await store.consumeEnrolmentCode('c2', now)).toBeNull();
    expect(await store.consumeEnrolmentCode('nope', now)).toBeNull();
  });
});
