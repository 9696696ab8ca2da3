/**
 * Record a visit (/clients/:clientId/visits/new, ?case=ID preselects the case). Loads the client
 * and their open cases, validates with the domain's validateVisitForm, saves the visit and its
 * follow-up tasks in one go (commands.ts) and returns to the client page, which confirms the save in
 * a "Visit recorded" banner at its top (the visit's id goes with it, through ResultState and then the
 * history entry's state) and whose timeline shows the new visit straight from the local database:
 * the client page's queries are kept live while the form is open and brought up to date before it
 * is shown, so that page renders whole at once. The app
 * hands this page the client page (`resultPage`), which it renders hidden beside the form from the
 * start (React's Activity: built while the person types, at low priority) and shows as soon as the
 * visit is stored, before the address changes (useShowThenLeave, common/after-save.ts); the form is
 * then hidden, not removed, until the address changes. While the
 * form holds unsaved input it is registered as dirty ('visit-form'), so an app update waits. A
 * storage failure is shown beside Save and the typed input stays.
 */
import { Activity, memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { StorageError } from '#db/errors';
import { validateVisitForm } from '#shared/domain/forms';
import { localDate } from '#shared/domain/tasks';
import { useFormState } from '../../ui/form';
import { EmptyState, PageHeading } from '../../ui/shell';
import { ResultState, useShowThenLeave, type ResultPageProps } from '../common/after-save';
import type { ClientPageState } from '../common/client-page-state';
import { useData } from '../common/data';
import { recordVisit } from './commands';
import { inFieldOrder, initialVisitValues, localErrors, toVisitInput } from './form-model';
import { settleClientPage, useClient, useOpenCases, useWarmClientPage } from './queries';
import { VisitForm, type VisitFormProps } from './VisitForm';
import './visits.css';

export const VISIT_FORM_ID = 'visit-form';

/**
 * performance.mark names for the phases of a save (the benchmark reports them): the visit and its
 * tasks stored, then the client page's queries brought up to date. Each save replaces the last.
 */
export const SAVE_MARKS = { stored: 'resonance:visit-stored', settled: 'resonance:visit-client-page-settled' } as const;

function markSave(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * A save slower than this shows "Saving…" on the button. A quick one (tens of milliseconds) goes
 * straight to the client page: drawing the busy button first would cost a render and a paint of
 * this form before the visit can appear in the timeline.
 */
const SHOW_SAVING_AFTER_MS = 200;

/**
 * The form with its heading. Memoised: once saved, the page renders again to show the client page,
 * and the form, hidden then, has the same props and is left alone.
 */
const FormPane = memo(function FormPane({ clientName, ...form }: VisitFormProps & { clientName: string }) {
  return (
    <>
      <PageHeading caption={clientName}>Record a visit</PageHeading>
      <VisitForm {...form} />
    </>
  );
});

export default function RecordVisitPage({ resultPage: ClientPage }: ResultPageProps) {
  const { clientId = '' } = useParams();
  const [search] = useSearchParams();
  const clientPage = `/clients/${clientId}`;
  const afterSave = useShowThenLeave<ClientPageState>(clientPage);
  const { db, session } = useData();
  const client = useClient(clientId);
  const cases = useOpenCases(clientId);
  const warm = useWarmClientPage(clientId);
  const form = useFormState(() => initialVisitValues(new Date(), ''), { dirtyKey: VISIT_FORM_ID });
  const [saving, setSaving] = useState(false);
  /** A second Save while one is under way does nothing (the busy button may not be drawn yet). */
  const inFlight = useRef(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // One element while the form is open, and a new one once the client page's queries have their
  // results: React renders the hidden client page again then (at idle priority), whole, and not on
  // every keystroke in the form; it renders it once more when it is shown (ResultState changes).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `warm` is why a new element is made
  const resultPage = useMemo(() => (ClientPage ? <ClientPage /> : null), [ClientPage, warm]);

  // The case: the worker's choice, else ?case when it is an open case, else the only open case.
  const isOpen = (id: string | null) => id !== null && (cases ?? []).some((c) => c.id === id);
  const wanted = search.get('case');
  const caseId = isOpen(form.values.caseId) ? form.values.caseId : isOpen(wanted) ? (wanted ?? '') : cases?.length === 1 ? (cases[0]?.id ?? '') : '';

  const save = async () => {
    if (inFlight.current) return;
    const now = new Date();
    const result = validateVisitForm(toVisitInput(form.values, caseId), now);
    const extra = localErrors(form.values);
    if (!result.ok || extra.length > 0) {
      form.setErrors(inFieldOrder([...(result.ok ? [] : result.errors), ...extra]));
      setSaveError(null);
      return;
    }
    form.setErrors([]);
    inFlight.current = true;
    const showSaving = setTimeout(() => setSaving(true), SHOW_SAVING_AFTER_MS);
    try {
      const recorded = await recordVisit(db, { clientId, userId: session.user.id, value: result.value, now });
      markSave(SAVE_MARKS.stored);
      await settleClientPage(db, clientId);
      markSave(SAVE_MARKS.settled);
      clearTimeout(showSaving);
      // Drawn at once rather than as a low-priority transition: the timeline is what the worker waits to see.
      afterSave.show({ visitRecorded: { visitId: recorded.visit.id, followUps: recorded.taskIds.length } });
      // The form is marked saved once that frame is painted: marked before, the hidden form rendered
      // again and the app's unsaved-forms registry (the update prompt) redrew, two more React
      // commits ahead of the frame that shows the visit.
      requestAnimationFrame(() => setTimeout(form.markSaved));
    } catch (e) {
      clearTimeout(showSaving);
      inFlight.current = false;
      setSaveError(e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.');
      setSaving(false);
    }
  };
  // One onSubmit for the life of the form, calling the latest save: a new function on every render
  // made the hidden form render again after a save, a React commit ahead of the frame with the visit.
  const latestSave = useRef(save);
  useLayoutEffect(() => {
    latestSave.current = save;
  });
  const onSubmit = useCallback(() => void latestSave.current(), []);

  // Saved, and the form has gone since (another device closed the case, say): the client page alone.
  if (afterSave.shown && (!client || !cases?.length)) return <ResultState value={afterSave.state}>{resultPage}</ResultState>;
  if (client === undefined || cases === undefined) {
    return (
      <>
        <PageHeading>Record a visit</PageHeading>
        <p role="status">Loading…</p>
      </>
    );
  }
  if (client === null) {
    return (
      <>
        <PageHeading>Record a visit</PageHeading>
        <EmptyState title="This client is not on this device">
          <p>They may not be in your caseload, or they have not synced yet.</p>
          <p>
            <Link to="/">Back to your caseload</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  if (cases.length === 0) {
    return (
      <>
        <PageHeading caption={client.name}>Record a visit</PageHeading>
        <EmptyState title={`${client.name} has no open cases`}>
          <p>Visits are recorded against an open case. Open a case first, then record the visit.</p>
          <p>
            <Link to={`${clientPage}/cases/new`}>Open a case</Link>
          </p>
        </EmptyState>
      </>
    );
  }

  // Once saved the form is hidden, not removed, beside the client page: taking the form and its
  // focused Save button out of the document cost 2-3 ms of that frame (more for autofill in the
  // browser). It goes with this page when the address changes, a frame after the client page showed.
  // The client page is rendered hidden from the start, so showing it after a save only brings it up
  // to date with the new visit instead of building it (about 2 ms of CPU less in that frame).
  // Hidden, its effects do not run: it takes up its queries' settled results in the render that
  // shows it (clients/queries.ts useLiveQuery), and its subscriptions then start with those very
  // results, so a save is one React render (tests/e2e/visits.test.ts counts them).
  return (
    <>
      <Activity mode={afterSave.shown ? 'hidden' : 'visible'}>
        <FormPane
          clientName={client.name}
          form={form}
          cases={cases}
          caseId={caseId}
          today={localDate(new Date())}
          saving={saving}
          saveError={saveError}
          cancelTo={clientPage}
          onSubmit={onSubmit}
        />
      </Activity>
      {resultPage ? (
        <Activity mode={afterSave.shown ? 'visible' : 'hidden'}>
          <ResultState value={afterSave.state}>{resultPage}</ResultState>
        </Activity>
      ) : null}
    </>
  );
}
