/**
 * Following an observable "in the background": its first value at once, later ones at most every
 * `delayMs`, each time the latest (a trailing throttle). For what is on screen but not what the
 * person is waiting for, such as the shell's unsynced count during a save (useBackgroundObservable).
 * No rxjs operators: this module is in the entry chunk, which must not pull in the data libraries.
 */
import type { Observable } from 'rxjs';

/** Subscribes `source` and calls `draw` as above; the returned function stops both. */
export function followInBackground<T>(source: Observable<T>, draw: (value: T) => void, delayMs: number): () => void {
  let first = true;
  let latest: T;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drawLatest = () => {
    timer = undefined;
    draw(latest);
  };
  const sub = source.subscribe((next) => {
    latest = next;
    if (first) {
      first = false;
      drawLatest();
    } else timer ??= setTimeout(drawLatest, delayMs);
  });
  return () => {
    sub.unsubscribe();
    clearTimeout(timer);
  };
}
