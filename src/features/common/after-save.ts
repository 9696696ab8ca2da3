/**
 * Leaving a form once it is saved. The result page replaces the form in the browser's history, so
 * Back goes where the person came from (the caseload, the client) and never to a spent form: a
 * blank "Record a visit" after Back reads as if the visit were lost, and invites recording it twice.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ComponentType } from 'react';
import { flushSync } from 'react-dom';
import { NavigationType, useLocation, useNavigate, useNavigationType, type NavigateOptions } from 'react-router';

export type LeaveSavedForm = (to: string, options?: Omit<NavigateOptions, 'replace'>) => Promise<void>;

export function useLeaveSavedForm(): LeaveSavedForm {
  const navigate = useNavigate();
  return useCallback((to, options) => Promise.resolve(navigate(to, { ...options, replace: true })), [navigate]);
}

/**
 * What the app hands a form page whose save leads to another feature's page (the visit form to the
 * client page): that page's component, which the form cannot import itself (features do not import
 * each other; src/app/routes.tsx loads both).
 */
export interface ResultPageProps {
  resultPage?: ComponentType;
}

/**
 * What a form page tells the result page it draws about the save (the client page's "Visit recorded"
 * banner): `null` while nothing is saved. Outside a form page (the result page's own route) the
 * context is absent and the page reads the route's location state instead, which `show` passes on.
 */
const ResultStateContext = createContext<unknown>(undefined);
export const ResultState = ResultStateContext.Provider;

/**
 * A page's location state (what the page that sent the person here said about a save), or, while a
 * form page draws this page before the address changes, what that form page gave ResultState.
 * Only on the way from the save: the state stays with the history entry, and Back or Forward to it
 * later (or a reload) is not the moment to say "Visit recorded" again.
 */
export function usePageState(): unknown {
  const fromForm = useContext(ResultStateContext);
  const location = useLocation();
  const arrivedBy = useNavigationType();
  if (fromForm !== undefined) return fromForm;
  return arrivedBy === NavigationType.Pop ? null : ((location.state as unknown) ?? null);
}

export interface ShowThenLeave<S> {
  /** True once `show` has been called: the form page then renders the result page, its form hidden. */
  shown: boolean;
  /** What `show` was given, for ResultState: null until then. */
  state: S | null;
  /**
   * Renders the result page at once (synchronously) at the top of the screen, and changes the
   * address once it has painted, with `state` as the new entry's location state.
   */
  show: (state: S) => void;
}

/**
 * Leaving a saved form for the page the person is waiting to see (the client page's timeline after
 * recording a visit, issue 2's save-to-timeline target). `show()` makes the form page draw that
 * page at once (hiding the form rather than removing it: RecordVisitPage), and the address changes
 * to `to` (replacing the form, as useLeaveSavedForm) in the next frame; the result page's own route
 * then renders the same page again, synchronously, which the person does not see
 * (tests/e2e/visits.test.ts follows it frame by frame).
 *
 * Why not navigate at once: a change of address is work for the browser process too (the history
 * entry with the page's form state, autofill seeing the form go), about 5 ms of CPU that on a
 * two-core tablet ran beside the drawing of the timeline and held it up. In a trace of a slow save
 * the page's rendering task took 22 ms on the clock for 7 ms of CPU. With the address changed a frame
 * later, a saves-only benchmark run went from 30.4 / 43.1 ms (median / p95) to 21.6 / 29.3.
 */
export function useShowThenLeave<S>(to: string): ShowThenLeave<S> {
  const leave = useLeaveSavedForm();
  const [saved, setSaved] = useState<{ state: S } | null>(null);
  useEffect(() => {
    if (!saved) return;
    // In the next frame, not in a task just after this one's paint: the second render of the page
    // (about 10 ms) would then hold up whatever comes next, such as the person's next tap.
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => void leave(to, { flushSync: true, state: saved.state }))));
    return () => cancelAnimationFrame(frame);
  }, [saved, leave, to]);
  const show = useCallback((state: S) => {
    flushSync(() => setSaved({ state }));
    // The result page starts at its top, as any page does: the form was scrolled down to its Save
    // button, and the first frames showed the middle of the client page, the new visit above the
    // screen, until its heading took focus after the change of address.
    window.scrollTo(0, 0);
  }, []);
  return { shown: saved !== null, state: saved?.state ?? null, show };
}
