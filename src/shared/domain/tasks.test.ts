import { describe, expect, it } from 'vitest';
import { describeDue, dueTasks, localDate, taskDueState } from './tasks';

const today = '2024-06-10';

describe('taskDueState', () => {
  it('is done whatever the date once done', () => {
    expect(taskDueState({ due: '2020-01-01', done: true }, today)).toBe('done');
    expect(taskDueState({ due: '2030-01-01', done: true }, today)).toBe('done');
  });

  it('classifies open tasks by due date', () => {
    expect(taskDueState({ due: '2024-06-09', done: false }, today)).toBe('overdue');
    expect(taskDueState({ due: '2024-06-10', done: false }, today)).toBe('today');
    expect(taskDueState({ due: '2024-06-11', done: false }, today)).toBe('upcoming');
  });
});

describe('dueTasks', () => {
  it('splits open tasks into overdue and today, sorted by due then title, keeping the caller’s objects', () => {
    const tasks = [
      { id: 'a', title: 'Call GP', due: '2024-06-10', done: false },
      { id: 'b', title: 'book room', due: '2024-06-10', done: false },
      { id: 'c', title: 'Chase benefits', due: '2024-06-08', done: false },
      { id: 'd', title: 'Apply', due: '2024-06-01', done: false },
      { id: 'e', title: 'Old done', due: '2024-06-01', done: true },
      { id: 'f', title: 'Later', due: '2024-06-20', done: false },
      { id: 'g', title: 'Task 10', due: '2024-06-10', done: false },
      { id: 'h', title: 'Task 2', due: '2024-06-10', done: false },
    ];
    const { overdue, today: dueToday } = dueTasks(tasks, today);
    expect(overdue.map((t) => t.id)).toEqual(['d', 'c']);
    expect(dueToday.map((t) => t.id)).toEqual(['b', 'a', 'h', 'g']);
    expect(overdue[0]).toBe(tasks[3]);
  });

  it('works on tasks without titles and on an empty list', () => {
    expect(dueTasks([{ due: '2024-06-10', done: false }], today).today).toHaveLength(1);
    expect(dueTasks([], today)).toEqual({ overdue: [], today: [] });
  });
});

describe('describeDue', () => {
  it.each([
    ['2024-06-10', 'Due today'],
    ['2024-06-11', 'Due tomorrow'],
    ['2024-06-15', 'Due in 5 days'],
    ['2024-06-09', 'Overdue by 1 day'],
    ['2024-06-07', 'Overdue by 3 days'],
    ['2025-06-10', 'Due in 365 days'],
  ])('%s → %s', (due, text) => {
    expect(describeDue(due, today)).toBe(text);
  });

  it('counts calendar days across a clock change', () => {
    expect(describeDue('2024-03-31', '2024-03-30')).toBe('Due tomorrow');
    expect(describeDue('2024-10-26', '2024-10-28')).toBe('Overdue by 2 days');
  });

  it('falls back to the raw date when it is malformed', () => {
    expect(describeDue('someday', today)).toBe('Due someday');
  });

  it('re-exports localDate', () => {
    expect(localDate(new Date(2024, 5, 10, 8))).toBe(today);
  });
});
