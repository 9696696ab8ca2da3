/** Caseload grouping, filters, the "Record visit" target and the head's rules (timings live in tests/bench, not here). */
import { describe, expect, it } from 'vitest';
import { applyFilters, currentHeadRows, groupCases, groupOpenTasks, headWriteTime, NO_FILTERS, recordVisitPath, takeHead, type CaseRow, type ClientRow, type TaskRow } from './model';

const TODAY = '2025-06-10';
const clients: ClientRow[] = [
  { id: 'a', name: 'Ann', teamId: 't1' },
  { id: 'b', name: 'Bob', teamId: 't2' },
  { id: 'c', name: 'Cat', teamId: 't1' },
  { id: 'd', name: 'Dan', teamId: 't1' },
];
const cases: CaseRow[] = [
  { id: 'k1', clientId: 'a', type: 'housing', status: 'open' },
  { id: 'k2', clientId: 'a', type: 'benefits', status: 'closed' },
  { id: 'k3', clientId: 'b', type: 'debt', status: 'closed' },
  { id: 'k4', clientId: 'c', type: 'food', status: 'open' },
  { id: 'k5', clientId: 'c', type: 'housing', status: 'open' },
];
const tasks: TaskRow[] = [
  { id: 'x1', clientId: 'a', title: 'Later', due: '2025-06-20', done: false },
  { id: 'x2', clientId: 'a', title: 'Late', due: '2025-06-01', done: false },
  { id: 'x3', clientId: 'b', title: 'Today', due: TODAY, done: false },
  { id: 'x4', clientId: 'c', title: 'Done', due: '2025-06-01', done: true },
];
const ctx = { clientsById: new Map(clients.map((c) => [c.id, c])), cases: groupCases(cases), tasks: groupOpenTasks(tasks, TODAY) };
const ids = clients.map((c) => c.id);

describe('caseload model', () => {
  it('groups open cases and counts closed ones per client', () => {
    expect(ctx.cases.get('a')).toEqual({ open: [cases[0]], closedCount: 1 });
    expect(ctx.cases.get('c')?.open.map((c) => c.id)).toEqual(['k4', 'k5']);
    expect(ctx.cases.get('d')).toBeUndefined();
  });

  it('orders open tasks by due date and counts those due today or overdue', () => {
    const a = ctx.tasks.get('a');
    expect(a?.open.map((t) => t.title)).toEqual(['Late', 'Later']);
    expect(a?.dueCount).toBe(1);
    expect(a?.anyOverdue).toBe(true);
    expect(ctx.tasks.get('b')).toMatchObject({ dueCount: 1, anyOverdue: false });
    expect(ctx.tasks.get('c')).toBeUndefined();
  });

  it('filters by case status, team and tasks due, keeping the search order', () => {
    expect(applyFilters(ids, NO_FILTERS, ctx)).toEqual(ids);
    expect(applyFilters(['c', 'a'], { ...NO_FILTERS, status: 'open' }, ctx)).toEqual(['c', 'a']);
    expect(applyFilters(ids, { ...NO_FILTERS, status: 'closed' }, ctx)).toEqual(['b']);
    expect(applyFilters(ids, { ...NO_FILTERS, teamId: 't1' }, ctx)).toEqual(['a', 'c', 'd']);
    expect(applyFilters(ids, { ...NO_FILTERS, tasksDue: true }, ctx)).toEqual(['a', 'b']);
    expect(applyFilters(ids, { status: 'open', teamId: 't1', tasksDue: true }, ctx)).toEqual(['a']);
  });

  it('lets everyone through a status filter while cases are still loading', () => {
    expect(applyFilters(ids, { ...NO_FILTERS, status: 'open' }, { ...ctx, cases: undefined })).toEqual(ids);
  });

  it('sends "Record visit" straight to the single open case, or to choose among several', () => {
    expect(recordVisitPath('a', [{ id: 'k1' }])).toBe('/clients/a/visits/new?case=k1');
    expect(recordVisitPath('c', [{ id: 'k4' }, { id: 'k5' }])).toBe('/clients/c/visits/new');
    expect(recordVisitPath('d', [])).toBeNull();
  });
});

describe('the caseload head', () => {
  const listed = new Map(clients.map((c) => [c.id, c]));

  it('keeps the newest write when nothing came after it', () => {
    expect(headWriteTime(100, [], listed)).toBe(100);
  });

  it('moves to the latest removal the list already shows, so that removal is not taken for a later one', () => {
    expect(headWriteTime(100, [{ id: 'gone1', deleted: true, lwt: 120 }, { id: 'gone2', deleted: true, lwt: 130 }], listed)).toBe(130);
  });

  it('gives nothing while the list has not caught up: a later insert or edit, or a removal the list still shows', () => {
    expect(headWriteTime(100, [{ id: 'new', deleted: false, lwt: 120 }], listed)).toBeUndefined();
    expect(headWriteTime(100, [{ id: 'gone', deleted: true, lwt: 110 }, { id: 'a', deleted: false, lwt: 120 }], listed)).toBeUndefined();
    expect(headWriteTime(100, [{ id: 'b', deleted: true, lwt: 120 }], listed)).toBeUndefined();
  });

  it('shows its rows only when nothing was written since and every client of it is found', () => {
    const head = takeHead(['a', 'b', 'c', 'd'], 100);
    expect(currentHeadRows(head, { writtenSince: false, found: listed })?.map((r) => r.name)).toEqual(['Ann', 'Bob', 'Cat', 'Dan']);
    expect(currentHeadRows(head, { writtenSince: true, found: listed })).toBeUndefined();
    expect(currentHeadRows(head, { writtenSince: false, found: new Map([...listed].filter(([id]) => id !== 'c')) })).toBeUndefined();
    // A head that is not a whole first screen of its count was not taken by takeHead.
    expect(currentHeadRows({ ids: ['a', 'b'], count: 4, lwt: 100 }, { writtenSince: false, found: listed })).toBeUndefined();
  });
});
