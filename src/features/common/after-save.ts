/**
 * Leaving a form once it is saved. The result page replaces the form in the browser's history, so
 * Back goes where the person came from (the caseload, the client) and never to a spent form: a
 * blank "Record a visit" after Back reads as if the visit were lost, and invites recording it twice.
 */
import { useCallback } from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';

export type LeaveSavedForm = (to: string, options?: Omit<NavigateOptions, 'replace'>) => Promise<void>;

export function useLeaveSavedForm(): LeaveSavedForm {
  const navigate = useNavigate();
  return useCallback((to, options) => Promise.resolve(navigate(to, { ...options, replace: true })), [navigate]);
}
