/**
 * One follow-up on the tasks page: its title, the client and case it belongs to, when it is due in
 * plain words, and a 'Mark as done' button that becomes 'Undo' for the undo window. Focus follows
 * the action (to Undo after marking done, back to 'Mark as done' after undoing), so a keyboard or
 * switch user never loses their place.
 */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { describeDue, taskDueState } from '#shared/domain/tasks';
import { Button, InlineMessage } from '../../ui/form';
import { labelFromSlug, Tag } from '../../ui/shell';
import type { TaskRow } from './queries';

export interface TaskItemProps {
  row: TaskRow;
  today: string;
  /** True while the task is inside its undo window. */
  done: boolean;
  busy: boolean;
  error: string | undefined;
  /** Focus this row's action button after the next render (set after the user acted on it). */
  focusAction: boolean;
  onDone: () => void;
  onUndo: () => void;
}

export function TaskItem({ row, today, done, busy, error, focusAction, onDone, onUndo }: TaskItemProps) {
  const { task, clientName, caseType } = row;
  const action = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusAction) action.current?.focus();
  }, [focusAction, done]);
  const state = done ? 'done' : taskDueState({ due: task.due, done: false }, today);
  const titleId = `task-${task.id}-title`;
  return (
    <li className={done ? 'task-item task-item--done' : 'task-item'} aria-labelledby={titleId} data-task-id={task.id}>
      <h3 className="task-item__title" id={titleId}>
        {task.title}
      </h3>
      <p className="task-item__meta">
        <Link className="task-item__client" to={`/clients/${task.clientId}`}>
          {clientName ?? 'Client not on this device'}
        </Link>
        {caseType ? <span className="task-item__case"> · {labelFromSlug(caseType)} case</span> : null}
      </p>
      <p className="task-item__due">
        <Tag tone={state}>{done ? 'Marked as done' : describeDue(task.due, today)}</Tag>
      </p>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <div className="task-item__actions">
        {done ? (
          <Button ref={action} variant="secondary" busy={busy} onClick={onUndo} aria-label={`Undo marking “${task.title}” as done`}>
            Undo
          </Button>
        ) : (
          <Button ref={action} variant="secondary" busy={busy} onClick={onDone} aria-label={`Mark as done: ${task.title}`}>
            Mark as done
          </Button>
        )}
      </div>
    </li>
  );
}
