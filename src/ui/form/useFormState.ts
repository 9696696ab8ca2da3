/**
 * useFormState: the state every form page needs, in one hook: the values, the errors from the last
 * submit, and whether the user has typed anything not yet saved. No data access: pages validate
 * with the domain validators and save through their feature's commands.
 *
 * Options
 * - `dirtyKey` (string, optional): registers the form in the shared dirty-forms registry while it
 *   holds unsaved input (src/shared/lib/dirty-forms.ts), so an app update waits (sync.md D4). The
 *   registration is dropped on `markSaved()`, `reset()` and unmount.
 *
 * Returns
 * - `values`, `set(field, value)`, `update(patch | (values) => patch)`.
 * - `errors` (FormError[] in field order, for ErrorSummary), `errorFor(field)`, `setErrors(list)`.
 * - `dirty` (boolean), `markSaved()` (keeps the values, clears dirty), `reset(values?)`.
 *
 * Example
 *   const form = useFormState({ notes: '', kind: 'outreach' }, { dirtyKey: 'visit-form' });
 *   <Textarea id="notes" label="Notes" value={form.values.notes}
 *     onChange={(v) => form.set('notes', v)} error={form.errorFor('notes')} />
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { setFormDirty } from '#shared/lib/dirty-forms';
import type { FormError } from './ErrorSummary';

export interface FormStateOptions {
  dirtyKey?: string;
}

export interface FormState<V> {
  values: V;
  set: <K extends keyof V>(field: K, value: V[K]) => void;
  update: (patch: Partial<V> | ((values: V) => Partial<V>)) => void;
  errors: readonly FormError[];
  errorFor: (field: string) => string | undefined;
  setErrors: (errors: readonly FormError[]) => void;
  dirty: boolean;
  markSaved: () => void;
  reset: (values?: V) => void;
}

const NO_ERRORS: readonly FormError[] = [];

export function useFormState<V extends object>(initial: V | (() => V), options: FormStateOptions = {}): FormState<V> {
  const [start] = useState(initial);
  const [values, setValues] = useState<V>(start);
  const [errors, setErrorList] = useState<readonly FormError[]>(NO_ERRORS);
  const [dirty, setDirty] = useState(false);
  const { dirtyKey } = options;

  useEffect(() => {
    if (dirtyKey === undefined) return;
    setFormDirty(dirtyKey, dirty);
  }, [dirtyKey, dirty]);
  useEffect(() => {
    if (dirtyKey === undefined) return;
    return () => setFormDirty(dirtyKey, false);
  }, [dirtyKey]);

  const set = useCallback(<K extends keyof V>(field: K, value: V[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setDirty(true);
  }, []);

  const update = useCallback((patch: Partial<V> | ((values: V) => Partial<V>)) => {
    setValues((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));
    setDirty(true);
  }, []);

  const errorFor = useCallback((field: string) => errors.find((e) => e.field === field)?.message, [errors]);
  const setErrors = useCallback((list: readonly FormError[]) => setErrorList(list.length === 0 ? NO_ERRORS : [...list]), []);
  const markSaved = useCallback(() => {
    setDirty(false);
    setErrorList(NO_ERRORS);
  }, []);
  const reset = useCallback(
    (next?: V) => {
      setValues(next ?? start);
      setErrorList(NO_ERRORS);
      setDirty(false);
    },
    [start],
  );

  return useMemo(
    () => ({ values, set, update, errors, errorFor, setErrors, dirty, markSaved, reset }),
    [values, set, update, errors, errorFor, setErrors, dirty, markSaved, reset],
  );
}
