/** Unit tests of the push decision (C1, C2, C3, C4, C5): pure, no store. */
import { describe, expect, it } from 'vitest';
import type { DocData } from '#shared/lib/validate';
import { buildScope, type AccessContext, type AccessUser } from '../access/index';
import type { StoredDoc } from '../storage/types';
import { decidePush } from './push-plan';
import { parseCheckpoint, parseLimit, PULL_LIMIT_MAX } from './wire';

const sam: AccessUser = { id: 'sam', role: 'worker', teamIds: ['north'] };
const NOW = '2026-01-01T10:00:00.000Z';
const myCase = { id: 'c1', clientId: 'cl1', teamId: 'north', assignedTo: ['sam'], sharedWithTeam: false };
const ctx: AccessContext = { scope: buildScope(sam, [{ id: 'c1', data: myCase }]), existingCaseIds: new Set(['c1', 'c2']) };

function task(id: string, writeId: string, extra: DocData = {}): DocData {
  return {
    id, writeId, caseId: 'c1', clientId: 'cl1', assignedTo: 'sam', title: 'Call back', due: '2026-01-02', done: false,
    createdAt: NOW, clientUpdatedAt: NOW, ...extra,
  };
}

function visit(id: string, writeId: string, extra: DocData = {}): DocData {
  return { id, writeId, caseId: 'c1', clientId: 'cl1', by: 'sam', at: NOW, kind: 'phone', notes: 'ok', createdAt: NOW, clientUpdatedAt: NOW, ...extra };
}

function stored(collection: 'tasks' | 'visits', data: DocData, deleted = false): StoredDoc {
  return { collection, id: String(data.id), seq: 1, data, deleted, writeId: String(data.writeId), serverUpdatedAt: NOW, serverUpdatedBy: 'x' };
}

function run(collection: 'tasks' | 'visits', rows: { assumedMasterState: DocData | null; newDocumentState: DocData }[], current: StoredDoc[] = []) {
  const decide = decidePush({ collection, rows, user: sam, ctx, now: NOW });
  return decide(new Map(current.map((d) => [d.id, d])));
}

describe('push decision', () => {
  it('[C1] writes a new document when none was assumed, stamped by the server [C5]', () => {
    const plan = run('tasks', [{ assumedMasterState: null, newDocumentState: { ...task('t1', 'w1'), serverUpdatedBy: 'forged', _deleted: false, _meta: { lwt: 1 } } }]);
    expect(plan.result).toEqual([]);
    expect(plan.quarantine).toEqual([]);
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]?.data).toMatchObject({ id: 't1', serverUpdatedAt: NOW, serverUpdatedBy: 'sam' });
    expect(plan.writes[0]?.data).not.toHaveProperty('_meta');
    expect(plan.writes[0]?.data).not.toHaveProperty('_deleted');
  });

  it('[C1] answers the server state when the assumed writeId is not the server\'s', () => {
    const server = stored('tasks', task('t1', 'w-server', { title: 'Server' }));
    const plan = run('tasks', [{ assumedMasterState: task('t1', 'w-old'), newDocumentState: task('t1', 'w-new') }], [server]);
    expect(plan.writes).toEqual([]);
    expect(plan.result).toEqual([{ ...server.data, _deleted: false }]);
    const assumedMissing = run('tasks', [{ assumedMasterState: null, newDocumentState: task('t1', 'w-new') }], [server]);
    expect(assumedMissing.result).toHaveLength(1);
  });

  it('[C2] a retry of a write already applied changes nothing and is no conflict', () => {
    const server = stored('tasks', task('t1', 'w2'));
    const plan = run('tasks', [{ assumedMasterState: task('t1', 'w1'), newDocumentState: task('t1', 'w2') }], [server]);
    expect(plan).toEqual({ writes: [], quarantine: [], result: [] });
  });

  it('[C2] rapid successive edits each assume the previous writeId and never conflict', () => {
    const server = stored('tasks', task('t1', 'w1'));
    const plan = run(
      'tasks',
      [
        { assumedMasterState: task('t1', 'w1'), newDocumentState: task('t1', 'w2') },
        { assumedMasterState: task('t1', 'w2'), newDocumentState: task('t1', 'w3', { done: true }) },
      ],
      [server],
    );
    expect(plan.result).toEqual([]);
    expect(plan.writes.map((w) => w.writeId)).toEqual(['w2', 'w3']);
  });

  it('[C3] append-only: same writeId is a no-op, another writeId is quarantined, never a conflict', () => {
    const server = stored('visits', visit('v1', 'w1'));
    const same = run('visits', [{ assumedMasterState: null, newDocumentState: visit('v1', 'w1') }], [server]);
    expect(same).toEqual({ writes: [], quarantine: [], result: [] });
    const changed = run('visits', [{ assumedMasterState: visit('v1', 'w1'), newDocumentState: visit('v1', 'w2', { notes: 'edited' }) }], [server]);
    expect(changed.result).toEqual([]);
    expect(changed.quarantine).toMatchObject([{ documentId: 'v1', writeId: 'w2', code: 'append-only' }]);
  });

  it('[C4] an invalid document is quarantined with a plain reason and the rest of the batch is written', () => {
    const plan = run('tasks', [
      { assumedMasterState: null, newDocumentState: task('bad', 'w1', { title: '' }) },
      { assumedMasterState: null, newDocumentState: task('good', 'w1') },
    ]);
    expect(plan.writes.map((w) => w.id)).toEqual(['good']);
    expect(plan.quarantine).toMatchObject([{ documentId: 'bad', code: 'invalid' }]);
    expect(plan.quarantine[0]?.reason).toMatch(/^This task could not be saved: "title" is empty\.$/);
    expect(plan.quarantine[0]?.document).toMatchObject({ id: 'bad', title: '' });
  });

  it('[C4] NUL anywhere, in a value or a property name, is held back with a plain reason and a copy the store can hold', () => {
    const plan = run('tasks', [
      { assumedMasterState: null, newDocumentState: task('in-value', 'w1', { title: 'Call\u0000 back' }) },
      { assumedMasterState: null, newDocumentState: task('in-name\u0000', 'w\u00001', { ['odd\u0000name']: 1 }) },
      { assumedMasterState: null, newDocumentState: task('good', 'w1', { title: 'Literal \\u0000 typed' }) },
    ]);
    expect(plan.writes.map((w) => w.id)).toEqual(['good']);
    expect(plan.quarantine.map((q) => [q.documentId, q.writeId, q.code])).toEqual([
      ['in-value', 'w1', 'invalid'],
      ['in-name\ufffd', 'w\ufffd1', 'invalid'],
    ]);
    for (const q of plan.quarantine) {
      expect(q.reason).toBe('This record contains a hidden control character the server cannot store. Retype the text and save again.');
      expect(JSON.stringify(q.document)).not.toContain('\\u0000');
    }
    expect(plan.quarantine[1]?.document).toMatchObject({ ['odd\ufffdname']: 1 });
  });

  it('[C4][A2] an unauthorised write is quarantined as forbidden', () => {
    const plan = run('visits', [{ assumedMasterState: null, newDocumentState: visit('v9', 'w1', { by: 'ann' }) }]);
    expect(plan.writes).toEqual([]);
    expect(plan.quarantine).toMatchObject([{ documentId: 'v9', code: 'forbidden' }]);
  });

  it('[A1] a conflict on a document the caller may not read is quarantined, not answered', () => {
    const hidden = stored('tasks', task('t2', 'w-server', { caseId: 'c2' }));
    const plan = run('tasks', [{ assumedMasterState: task('t2', 'w-old', { caseId: 'c2' }), newDocumentState: task('t2', 'w-new', { caseId: 'c2' }) }], [hidden]);
    expect(plan.result).toEqual([]);
    expect(plan.quarantine).toMatchObject([{ code: 'forbidden' }]);
  });

  it('[P3] a delete is written as a soft delete', () => {
    const server = stored('tasks', task('t1', 'w1'));
    const plan = run('tasks', [{ assumedMasterState: task('t1', 'w1'), newDocumentState: { ...task('t1', 'w2'), _deleted: true } }], [server]);
    expect(plan.writes).toMatchObject([{ id: 't1', deleted: true }]);
  });
});

describe('wire', () => {
  it('[P1] checkpoints and limits are checked and the limit is capped', () => {
    expect(parseCheckpoint(undefined)).toEqual({ ok: true, value: { seq: 0 } });
    expect(parseCheckpoint('{"seq":12}')).toEqual({ ok: true, value: { seq: 12 } });
    expect(parseCheckpoint('{"seq":-1}').ok).toBe(false);
    expect(parseCheckpoint('{nope').ok).toBe(false);
    expect(parseLimit('5000')).toEqual({ ok: true, value: PULL_LIMIT_MAX });
    expect(parseLimit('0').ok).toBe(false);
    expect(parseLimit('abc').ok).toBe(false);
  });
});
