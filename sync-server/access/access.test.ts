/** Unit tests of the access rules (A1/A2): pure functions, no server. */
import { describe, expect, it } from 'vitest';
import { buildScope, canRead, canWrite, type AccessContext, type AccessUser } from './index';

const coord: AccessUser = { id: 'coord', role: 'coordinator', teamIds: ['north'] };
const sam: AccessUser = { id: 'sam', role: 'worker', teamIds: ['north'] };
const ola: AccessUser = { id: 'ola', role: 'worker', teamIds: ['south'] };
const priya: AccessUser = { id: 'priya', role: 'helper', teamIds: ['north'] };
const kiosk: AccessUser = { id: 'kiosk', role: 'kiosk', teamIds: [] };

const caseOwn = { id: 'c-own', clientId: 'cl-1', teamId: 'north', assignedTo: ['sam'], sharedWithTeam: false };
const caseShared = { id: 'c-shared', clientId: 'cl-2', teamId: 'north', assignedTo: ['ann'], sharedWithTeam: true };
const casePrivate = { id: 'c-private', clientId: 'cl-3', teamId: 'north', assignedTo: ['ann'], sharedWithTeam: false };
const CASES = [caseOwn, caseShared, casePrivate].map((data) => ({ id: data.id, data }));

function ctx(user: AccessUser, existing: string[] = ['c-own', 'c-shared', 'c-private']): AccessContext {
  return { scope: buildScope(user, CASES), existingCaseIds: new Set(existing) };
}

describe('[A1] reads', () => {
  it('[A1] a worker sees cases assigned to them or shared with their team, and those cases\' clients', () => {
    const c = ctx(sam);
    expect(canRead(sam, 'cases', caseOwn, c)).toBe(true);
    expect(canRead(sam, 'cases', caseShared, c)).toBe(true);
    expect(canRead(sam, 'cases', casePrivate, c)).toBe(false);
    expect(canRead(ola, 'cases', caseShared, ctx(ola))).toBe(false);
    expect(canRead(sam, 'clients', { id: 'cl-1', createdBy: 'x' }, c)).toBe(true);
    expect(canRead(sam, 'clients', { id: 'cl-3', createdBy: 'x' }, c)).toBe(false);
    expect(canRead(sam, 'clients', { id: 'cl-9', createdBy: 'sam' }, c)).toBe(true);
  });

  it('[A1] visits, tasks and feedback follow their case; conflicts follow their document', () => {
    const c = ctx(priya);
    expect(canRead(priya, 'visits', { caseId: 'c-shared' }, c)).toBe(true);
    expect(canRead(priya, 'visits', { caseId: 'c-private', by: 'priya' }, c)).toBe(false);
    expect(canRead(priya, 'tasks', { caseId: 'c-private', assignedTo: 'priya' }, c)).toBe(false);
    expect(canRead(priya, 'feedback', { caseId: 'c-shared' }, c)).toBe(true);
    expect(canRead(priya, 'feedback', { clientId: 'cl-3' }, c)).toBe(false);
    expect(canRead(priya, 'feedback', { by: 'priya' }, c)).toBe(true);
    expect(canRead(priya, 'feedback', { source: 'kiosk' }, c)).toBe(false);
    expect(canRead(priya, 'conflicts', { collectionName: 'cases', documentId: 'c-shared' }, c)).toBe(true);
    expect(canRead(priya, 'conflicts', { collectionName: 'clients', documentId: 'cl-3' }, c)).toBe(false);
    expect(canRead(priya, 'conflicts', { collectionName: 'visits', documentId: 'v', losingBy: 'priya' }, c)).toBe(true);
    expect(canRead(priya, 'conflicts', { collectionName: 'tasks', documentId: 't', keptBy: 'priya' }, c)).toBe(true);
    expect(canRead(priya, 'conflicts', { collectionName: 'tasks', documentId: 't', losingBy: 'someone', keptBy: 'else' }, c)).toBe(false);
  });

  it('[A3] a conflict about a case or a client follows that record, even for whoever lost or kept the value', () => {
    const c = ctx(priya);
    expect(canRead(priya, 'conflicts', { collectionName: 'clients', documentId: 'cl-3', losingBy: 'priya' }, c)).toBe(false);
    expect(canRead(priya, 'conflicts', { collectionName: 'cases', documentId: 'c-private', keptBy: 'priya' }, c)).toBe(false);
    expect(canRead(priya, 'conflicts', { collectionName: 'cases', documentId: 'c-shared', losingBy: 'someone' }, c)).toBe(true);
  });

  it('[A1] a coordinator sees the whole organisation; a kiosk reads nothing', () => {
    for (const collection of ['clients', 'cases', 'visits', 'tasks', 'feedback', 'conflicts'] as const) {
      expect(canRead(coord, collection, { caseId: 'c-private' }, ctx(coord))).toBe(true);
      expect(canRead(kiosk, collection, { caseId: 'c-private', source: 'kiosk', by: 'kiosk' }, ctx(kiosk))).toBe(false);
    }
  });
});

describe('[A2] writes', () => {
  it('[A2] a worker records visits on their cases, and on a case the server has not received yet', () => {
    expect(canWrite(sam, 'visits', null, { caseId: 'c-own', by: 'sam' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'visits', null, { caseId: 'c-new', by: 'sam' }, ctx(sam)).ok).toBe(true);
    const denied = canWrite(sam, 'visits', null, { caseId: 'c-private', by: 'sam' }, ctx(sam));
    expect(denied).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('[A2] a forged author is forbidden, whatever the role', () => {
    expect(canWrite(sam, 'visits', null, { caseId: 'c-own', by: 'ann' }, ctx(sam))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canWrite(coord, 'visits', null, { caseId: 'c-own', by: 'sam' }, ctx(coord)).ok).toBe(false);
    expect(canWrite(sam, 'clients', null, { id: 'n', createdBy: 'ann' }, ctx(sam)).ok).toBe(false);
    expect(canWrite(coord, 'clients', null, { id: 'n', createdBy: 'sam' }, ctx(coord)).ok).toBe(false);
    expect(canWrite(sam, 'clients', null, { id: 'n', createdBy: 'sam' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'feedback', null, { source: 'worker', by: 'ann' }, ctx(sam)).ok).toBe(false);
  });

  it('[A2] who registered a client never changes; a worker edits only clients they can see', () => {
    const prev = { id: 'cl-1', createdBy: 'ann' };
    expect(canWrite(sam, 'clients', prev, { ...prev, name: 'x' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'clients', prev, { ...prev, createdBy: 'sam' }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'clients', { id: 'cl-3', createdBy: 'ann' }, { id: 'cl-3', createdBy: 'ann' }, ctx(sam)).ok).toBe(false);
  });

  it('[A2] a worker cannot take a case they cannot see, nor hand their case away', () => {
    expect(canWrite(sam, 'cases', null, { ...caseOwn, id: 'c-mine' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'cases', casePrivate, { ...casePrivate, assignedTo: ['sam'] }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', caseOwn, { ...caseOwn, assignedTo: ['ann'] }, ctx(sam)).ok).toBe(false);
    expect(canWrite(coord, 'cases', caseOwn, { ...caseOwn, assignedTo: ['ann'] }, ctx(coord)).ok).toBe(true);
  });

  it('[A3] a closed case stays with its assignees but is no longer shared with the team', () => {
    const closedShared = { ...caseShared, status: 'closed' };
    expect(canRead(sam, 'cases', closedShared, ctx(sam))).toBe(false);
    expect(canRead(sam, 'cases', { ...caseOwn, status: 'closed' }, ctx(sam))).toBe(true);
    expect(buildScope(sam, [{ id: 'c-shared', data: closedShared }]).caseIds.has('c-shared')).toBe(false);
  });

  it('[A2][A3] a teammate may close a shared case but not hand it away', () => {
    expect(canWrite(sam, 'cases', caseShared, { ...caseShared, status: 'closed' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'cases', caseShared, { ...caseShared, status: 'closed', sharedWithTeam: false }, ctx(sam)).ok).toBe(false);
  });

  it('[A2] a forged assignedTo is refused: workers open cases for themselves alone and never change who holds a case', () => {
    expect(canWrite(sam, 'cases', null, { ...caseOwn, id: 'c-new', assignedTo: ['sam', 'ann'] }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', null, { ...caseOwn, id: 'c-new', assignedTo: ['ann'], sharedWithTeam: true }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', null, { ...caseOwn, id: 'c-new', teamId: 'south', sharedWithTeam: true }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', null, { ...caseOwn, id: 'c-new', sharedWithTeam: true }, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'cases', caseOwn, { ...caseOwn, assignedTo: ['sam', 'ann'] }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', caseOwn, { ...caseOwn, sharedWithTeam: true }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', caseShared, { ...caseShared, assignedTo: ['ann', 'sam'] }, ctx(sam)).ok).toBe(false);
    expect(canWrite(sam, 'cases', caseOwn, { ...caseOwn, summary: 'Better', status: 'closed' }, ctx(sam)).ok).toBe(true);
    expect(canWrite(coord, 'cases', caseOwn, { ...caseOwn, assignedTo: ['sam', 'ann'], sharedWithTeam: true }, ctx(coord)).ok).toBe(true);
  });

  it('[A2] tasks: only on cases in scope', () => {
    expect(canWrite(priya, 'tasks', null, { caseId: 'c-shared' }, ctx(priya)).ok).toBe(true);
    expect(canWrite(priya, 'tasks', { caseId: 'c-private' }, { caseId: 'c-shared' }, ctx(priya)).ok).toBe(false);
    expect(canWrite(priya, 'tasks', null, { caseId: 'c-private' }, ctx(priya)).ok).toBe(false);
  });

  it('[A2] a kiosk may only create anonymous kiosk feedback', () => {
    const c = ctx(kiosk);
    expect(canWrite(kiosk, 'feedback', null, { source: 'kiosk', rating: 4 }, c).ok).toBe(true);
    expect(canWrite(kiosk, 'feedback', null, { source: 'kiosk', by: 'kiosk', teamId: 'north' }, c).ok).toBe(true);
    expect(canWrite(kiosk, 'feedback', null, { source: 'worker' }, c).ok).toBe(false);
    expect(canWrite(kiosk, 'feedback', null, { source: 'kiosk', clientId: 'cl-1' }, c).ok).toBe(false);
    for (const collection of ['clients', 'cases', 'visits', 'tasks', 'conflicts'] as const) {
      expect(canWrite(kiosk, collection, null, { id: 'x', by: 'kiosk', createdBy: 'kiosk', caseId: 'c-new' }, c).ok).toBe(false);
    }
    expect(canWrite(sam, 'feedback', null, { source: 'kiosk' }, ctx(sam)).ok).toBe(false);
  });

  it('[A2] workers raise conflicts on what they see but only coordinators decide them', () => {
    const open = { collectionName: 'cases', documentId: 'c-own', status: 'open', losingBy: 'sam' };
    expect(canWrite(sam, 'conflicts', null, open, ctx(sam)).ok).toBe(true);
    expect(canWrite(sam, 'conflicts', open, { ...open, status: 'kept', decidedBy: 'sam' }, ctx(sam)).ok).toBe(false);
    expect(canWrite(coord, 'conflicts', open, { ...open, status: 'kept', decidedBy: 'coord' }, ctx(coord)).ok).toBe(true);
    expect(canWrite(ola, 'conflicts', null, { ...open, losingBy: 'x' }, ctx(ola)).ok).toBe(false);
    // Their own name on a conflict about a case they cannot see does not get it into the review queue.
    expect(canWrite(sam, 'conflicts', null, { ...open, documentId: 'c-private' }, ctx(sam)).ok).toBe(false);
  });

  it('[A2] every denial carries a plain-language reason', () => {
    const denied = canWrite(sam, 'visits', null, { caseId: 'c-private', by: 'sam' }, ctx(sam));
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.message).toMatch(/^[A-Z].*\.$/);
  });
});
