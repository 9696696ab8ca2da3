/**
 * Keeps tasks just marked as done on screen for an undo window, so a mis-tap on a shared tablet is
 * one tap to reverse. The query drops a done task at once; this hook remembers the row until the
 * window ends or the user undoes it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** 10 s: long enough to notice a mis-tap and reach Undo one-handed, short enough that the list settles. */
export const UNDO_WINDOW_MS = 10_000;

export interface UndoWindow<T> {
  /** Rows inside their undo window, by id. */
  recent: ReadonlyMap<string, T>;
  open: (id: string, row: T) => void;
  close: (id: string) => void;
}

export function useUndoWindow<T>(onExpire?: (id: string) => void): UndoWindow<T> {
  const [recent, setRecent] = useState<ReadonlyMap<string, T>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);

  const close = useCallback((id: string) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setRecent((current) => {
      if (!current.has(id)) return current;
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  const open = useCallback(
    (id: string, row: T) => {
      const existing = timers.current.get(id);
      if (existing !== undefined) clearTimeout(existing);
      timers.current.set(
        id,
        setTimeout(() => {
          expire.current?.(id);
          close(id);
        }, UNDO_WINDOW_MS),
      );
      setRecent((current) => new Map(current).set(id, row));
    },
    [close],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return { recent, open, close };
}
