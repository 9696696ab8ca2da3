/**
 * Record feedback (/feedback/new?client=ID&case=ID): what a client thinks of the service, recorded
 * by the worker with them. A 1-5 rating as large tiles with words, an optional theme and a comment.
 * Validated with validateFeedbackForm and stored append-only (source 'worker', by the signed-in
 * user). Returns to the client page, or shows a confirmation when no client was given.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StorageError } from '#db/errors';
import { validateFeedbackForm } from '#shared/domain/forms';
import { FEEDBACK_THEMES } from '#shared/schemas/feedback';
import { LONG_TEXT_MAX } from '#shared/schemas/common';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, Radios, Textarea, buttonClass, useFormState } from '../../ui/form';
import { PageHeading, labelFromSlug } from '../../ui/shell';
import { useLeaveSavedForm } from '../common/after-save';
import { useData } from '../common/data';
import { recordFeedback } from './commands';
import { NO_THEME, RATING_OPTIONS, THEME_LABELS } from './options';
import { useCase, useClient } from './queries';
import './feedback.css';

const fieldId = (field: string): string => `feedback-${field}`;
const THEME_OPTIONS = [...FEEDBACK_THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] })), { value: NO_THEME, label: 'No particular theme' }];
const INITIAL = { rating: '', theme: '', comment: '' };

export default function RecordFeedbackPage() {
  const [search] = useSearchParams();
  const leaveForm = useLeaveSavedForm();
  const { db, session } = useData();
  const clientId = search.get('client') ?? '';
  const caseId = search.get('case') ?? '';
  const client = useClient(clientId);
  const theCase = useCase(caseId);
  const form = useFormState(INITIAL, { dirtyKey: 'feedback-form' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { values, set, errorFor } = form;

  const about = client ? `${client.name}${theCase ? `: ${labelFromSlug(theCase.type)} case` : ''}` : undefined;

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const theme = values.theme === NO_THEME ? '' : values.theme;
    const result = validateFeedbackForm({ rating: values.rating, comment: values.comment, theme, caseId: theCase ? caseId : '' });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    form.setErrors([]);
    setSaving(true);
    setSaveError(null);
    try {
      const teamId = theCase?.teamId ?? client?.teamId;
      await recordFeedback(db, {
        value: result.value,
        userId: session.user.id,
        ...(client ? { clientId: client.id } : {}),
        ...(teamId ? { teamId } : {}),
      });
      if (client) {
        form.markSaved();
        void leaveForm(`/clients/${client.id}`);
        return;
      }
      form.reset();
      setSaved(true);
    } catch (e) {
      setSaveError(e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeading caption={about}>Record feedback</PageHeading>
      {saved ? <InlineMessage tone="success">Feedback saved. Thank you.</InlineMessage> : null}
      <form className="feedback-form" noValidate onSubmit={(e) => void save(e)} aria-label="Record feedback">
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <p className="feedback-form__intro">Ask the client what they think of the help they get, and record it in their words.</p>
        <Radios
          id={fieldId('rating')}
          legend="How would they rate the service?"
          size="large"
          options={RATING_OPTIONS}
          value={values.rating}
          onChange={(v) => {
            set('rating', v);
            setSaved(false);
          }}
          error={errorFor('rating')}
        />
        <Radios
          id={fieldId('theme')}
          legend="What is it mostly about? (optional)"
          options={THEME_OPTIONS}
          value={values.theme}
          onChange={(v) => set('theme', v)}
          error={errorFor('theme')}
        />
        <Textarea
          id={fieldId('comment')}
          label="What did they say? (optional)"
          hint="Their words where you can."
          rows={5}
          maxLength={LONG_TEXT_MAX}
          value={values.comment}
          onChange={(v) => set('comment', v)}
          error={errorFor('comment')}
        />
        {saveError ? (
          <InlineMessage tone="error" id="feedback-save-error">
            {saveError}
          </InlineMessage>
        ) : null}
        <ButtonGroup>
          <Button type="submit" busy={saving} aria-describedby={saveError ? 'feedback-save-error' : undefined}>
            Save feedback
          </Button>
          <Link className={buttonClass('secondary')} to={client ? `/clients/${client.id}` : '/'}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
