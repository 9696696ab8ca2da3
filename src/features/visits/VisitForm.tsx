/**
 * The visit form's fields, in the order a worker thinks of them: which case, what kind of contact,
 * when and for how long, notes, outcomes, follow-ups. Presentational: the page owns loading, the
 * validation call and the save.
 *
 * Save is a plain button, not a submit button: for a native form submission Chromium does its own
 * work on the form before the submit event (as far as can be told from a trace, autofill reading the
 * fields), 14 ms of a save at 4x CPU throttling here (issue 2's save-to-timeline target). Enter in a
 * one-line box still saves, as a submit button would make it.
 */
import type { KeyboardEvent, ReactNode, SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { LONG_TEXT_MAX } from '#shared/schemas/common';
import type { Case } from '#shared/schemas/index';
import { formatDate, labelFromSlug } from '../../ui/shell';
import {
  Button, ButtonGroup, Checkboxes, DateInput, ErrorSummary, Fieldset, InlineMessage, Radios, Textarea, TextInput, buttonClass, type FormState,
} from '../../ui/form';
import { FollowUpRows } from './FollowUpRows';
import { visitFieldId, type VisitFormValues } from './form-model';
import { COMMON_OUTCOMES, KIND_OPTIONS, OTHER_OUTCOME } from './options';

export interface VisitFormProps {
  form: FormState<VisitFormValues>;
  cases: readonly Case[];
  /** The case the visit will be recorded against ('' when the worker must choose). */
  caseId: string;
  today: string;
  saving: boolean;
  saveError: string | null;
  cancelTo: string;
  onSubmit: () => void;
}

/** A one-line box, where Enter submits a form (not a text area, checkbox, radio or button). */
function submitsOnEnter(target: EventTarget): boolean {
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type);
}

export function caseLabel(c: Pick<Case, 'type' | 'openedAt'>): string {
  return `${labelFromSlug(c.type)} case, opened ${formatDate(c.openedAt.slice(0, 10))}`;
}

export function VisitForm({ form, cases, caseId, today, saving, saveError, cancelTo, onSubmit }: VisitFormProps) {
  const { values, set, errorFor } = form;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSubmit();
  };
  // The browser's implicit submission, which needs a submit button: Enter in a one-line box saves.
  const submitOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing && submitsOnEnter(event.target)) submit(event);
  };
  const single = cases.length === 1 ? cases[0] : undefined;
  let caseField: ReactNode;
  if (single) {
    caseField = (
      <p className="visit-case" id={visitFieldId('caseId')} tabIndex={-1}>
        <span className="visit-case__label">Case</span> {caseLabel(single)}
      </p>
    );
  } else {
    caseField = (
      <Radios
        id={visitFieldId('caseId')}
        legend="Which case is this visit about?"
        options={cases.map((c) => ({ value: c.id, label: caseLabel(c), ...(c.summary ? { hint: c.summary } : {}) }))}
        value={caseId}
        onChange={(v) => set('caseId', v)}
        error={errorFor('caseId')}
      />
    );
  }
  const otherTicked = values.outcomes.includes(OTHER_OUTCOME);

  return (
    <form className="visit-form" noValidate onSubmit={submit} onKeyDown={submitOnEnter} aria-label="Record a visit">
      <ErrorSummary errors={form.errors} idFor={visitFieldId} />
      {caseField}
      <Radios
        id={visitFieldId('kind')}
        legend="Type of contact"
        layout="inline"
        options={KIND_OPTIONS}
        value={values.kind}
        onChange={(v) => set('kind', v)}
        error={errorFor('kind')}
      />
      <Fieldset id="visit-when" legend="When was it?" hint="Today and now, unless you are recording it later.">
        <div className="visit-when">
          <DateInput id={visitFieldId('date')} label="Date" max={today} value={values.date} onChange={(v) => set('date', v)} error={errorFor('date')} />
          <DateInput id={visitFieldId('time')} label="Time" mode="time" value={values.time} onChange={(v) => set('time', v)} error={errorFor('time')} />
        </div>
      </Fieldset>
      <TextInput
        id={visitFieldId('durationMinutes')}
        label="How long did it take? (optional)"
        hint="In minutes, for example 30"
        inputMode="numeric"
        width="tiny"
        suffix="minutes"
        autoComplete="off"
        value={values.durationMinutes}
        onChange={(v) => set('durationMinutes', v)}
        error={errorFor('durationMinutes')}
      />
      <Textarea
        id={visitFieldId('notes')}
        label="Notes"
        hint="What happened and anything the next worker should know."
        rows={6}
        maxLength={LONG_TEXT_MAX}
        value={values.notes}
        onChange={(v) => set('notes', v)}
        error={errorFor('notes')}
      />
      <Checkboxes
        id={visitFieldId('outcomes')}
        legend="Outcomes (optional)"
        hint="Select all that apply."
        options={COMMON_OUTCOMES.map((o) => ({ value: o, label: o }))}
        values={values.outcomes}
        onChange={(v) => set('outcomes', v)}
        error={errorFor('outcomes')}
      />
      {otherTicked ? (
        <div className="visit-other-outcome">
          <TextInput
            id={visitFieldId('otherOutcome')}
            label="What was the other outcome?"
            value={values.otherOutcome}
            onChange={(v) => set('otherOutcome', v)}
            error={errorFor('otherOutcome')}
          />
        </div>
      ) : null}
      <FollowUpRows rows={values.followUps} today={today} errorFor={errorFor} onChange={(rows) => set('followUps', rows)} />
      <div className="visit-actions">
        {saveError ? (
          <InlineMessage tone="error" id="visit-save-error">
            {saveError}
          </InlineMessage>
        ) : null}
        <ButtonGroup>
          <Button id="visit-save" busy={saving} onClick={submit} aria-describedby={saveError ? 'visit-save-error' : undefined}>
            Save visit
          </Button>
          <Link className={buttonClass('secondary')} to={cancelTo}>
            Cancel
          </Link>
        </ButtonGroup>
      </div>
    </form>
  );
}
