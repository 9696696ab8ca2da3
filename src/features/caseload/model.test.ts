/** Caseload grouping, filters and the "Record visit" target (timings live in tests/bench, not here). */
import { describe, expect, it } from 'vitest';
import { applyFilters, groupCases, groupOpenTasks, NO_FILTERS, recordVisitPath, type CaseRow, type ClientRow, type TaskRow } from './model';

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
