/** Timeline order and the staff wording used on the client page. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, type TimelineTask, type TimelineVisit } from './timeline';
import { assignedText, staffName, staffNameInSentence } from './vocabulary';

const visit = (id: string, at: string): TimelineVisit => ({ id, caseId: 'c1', by: 'u1', at, kind: 'outreach', notes: '' });
const task = (id: string, createdAt: string): TimelineTask => ({ id, caseId: 'c1', title: id, due: '2025-06-01', done: false, assignedTo: 'u1', createdAt });

describe('buildTimeline', () => {
  it('lists visits and tasks together, newest first', () => {
    const items = buildTimeline(
      [visit('v-old', '2025-05-01T09:00:00Z'), visit('v-new', '2025-05-03T09:00:00Z')],
      [task('t-mid', '2025-05-02T09:00:00Z')],
    );
    expect(items.map((i) => (i.kind === 'visit' ? i.visit.id : i.task.id))).toEqual(['v-new', 't-mid', 'v-old']);
  });

  it('orders by the instant, whatever the offset', () => {
    const items = buildTimeline([visit('a', '2025-05-01T10:00:00+02:00'), visit('b', '2025-05-01T09:30:00Z')], []);
    expect(items.map((i) => (i.kind === 'visit' ? i.visit.id : ''))).toEqual(['b', 'a']);
  });
});

describe('staff wording', () => {
  it('names the current user "You" and others as colleagues', () => {
    expect(staffName('me', 'me')).toBe('You');
    expect(staffName('u2', 'me')).toBe('A colleague');
    expect(assignedText(['me'], 'me')).toBe('You');
    expect(assignedText(['me', 'u2'], 'me')).toBe('You and 1 colleague');
    expect(assignedText(['u2', 'u3'], 'me')).toBe('2 colleagues');
    expect(assignedText([], 'me')).toBe('Nobody yet');
  });

  it('names colleagues from the directory once it is on the device', () => {
    const nameOf = (id: string) => ({ u2: 'Aisha Rahman', u3: 'Tomasz Nowicki' })[id];
    expect(staffName('u2', 'me', nameOf)).toBe('Aisha Rahman');
    expect(staffName('u9', 'me', nameOf)).toBe('A colleague');
    expect(staffNameInSentence('me', 'me', nameOf)).toBe('you');
    expect(staffNameInSentence('u2', 'me', nameOf)).toBe('Aisha Rahman');
    expect(assignedText(['me', 'u2'], 'me', nameOf)).toBe('You and Aisha Rahman');
    expect(assignedText(['u2', 'u3', 'u9'], 'me', nameOf)).toBe('Aisha Rahman, Tomasz Nowicki and 1 colleague');
  });
});
