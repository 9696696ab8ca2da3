/**
 * The follow-ups part of the visit form: 0..n rows of "what needs doing" and a due date, each a
 * fieldset ("Follow-up 1"), with 'Remove' per row and 'Add another follow-up'. Adding a row focuses
 * its first box; removing one focuses the add button, so focus is never dropped.
 */
import { useEffect, useRef } from 'react';
import { Button, DateInput, Fieldset, TextInput, ErrorMessage, errorId } from '../../ui/form';
import { visitFieldId, type FollowUpRow } from './form-model';

export interface FollowUpRowsProps {
  rows: readonly FollowUpRow[];
  today: string;
  errorFor: (field: string) => string | undefined;
  onChange: (rows: FollowUpRow[]) => void;
}

let nextKey = 0;
const newRow = (): FollowUpRow => ({ key: `f${++nextKey}`, title: '', due: '' });

export function FollowUpRows({ rows, today, errorFor, onChange }: FollowUpRowsProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  // The row key to focus after the next render ('' for the add button), set by add and remove.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    pendingFocus.current = null;
    const index = rows.findIndex((r) => r.key === key);
    if (index >= 0) document.getElementById(visitFieldId(`followUps.${index}.title`))?.focus();
    else addButton.current?.focus();
  });

  const update = (index: number, patch: Partial<FollowUpRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const add = () => {
    const row = newRow();
    onChange([...rows, row]);
    pendingFocus.current = row.key;
  };
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    pendingFocus.current = '';
  };
  const listError = errorFor('followUps');

  return (
    <section className="visit-follow-ups" aria-labelledby="visit-follow-ups-title">
      <h2 id="visit-follow-ups-title" className="visit-section-title">
        Follow-ups
      </h2>
      <p className="rf-hint">Anything you need to do next. Each one goes on your tasks list.</p>
      {listError ? <ErrorMessage id={errorId(visitFieldId('followUps'))}>{listError}</ErrorMessage> : null}
      {rows.map((row, index) => {
        const titleField = `followUps.${index}.title`;
        const dueField = `followUps.${index}.due`;
        return (
          <Fieldset key={row.key} id={visitFieldId(`followUps.${index}`)} legend={`Follow-up ${index + 1}`} className="visit-follow-up">
            <TextInput
              id={visitFieldId(titleField)}
              label="What needs doing"
              value={row.title}
              onChange={(title) => update(index, { title })}
              error={errorFor(titleField)}
            />
            <DateInput
              id={visitFieldId(dueField)}
              label="Due date"
              min={today}
              value={row.due}
              onChange={(due) => update(index, { due })}
              error={errorFor(dueField)}
            />
            <Button variant="secondary" onClick={() => remove(index)}>
              Remove<span className="rf-visually-hidden"> follow-up {index + 1}</span>
            </Button>
          </Fieldset>
        );
      })}
      <Button ref={addButton} id={visitFieldId('followUps')} variant="secondary" onClick={add}>
        {rows.length === 0 ? 'Add a follow-up' : 'Add another follow-up'}
      </Button>
    </section>
  );
}
