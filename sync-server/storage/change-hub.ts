/**
 * In-process fan-out of committed changes to `onChange` listeners. SQLite emits into it right after
 * a commit; PostgreSQL emits into it from its LISTEN connection, so every instance's subscribers hear
 * every instance's writes (L2). A throwing listener is logged by its owner, never breaks the others.
 */
import type { Change } from './types';

export class ChangeHub {
  private readonly listeners = new Set<(change: Change) => void>();

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(change: Change): void {
    if (change.docs.length === 0 && !change.lost) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // A listener's failure is its own (a closed stream); the write has already committed.
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
