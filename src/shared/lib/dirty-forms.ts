/**
 * Which forms on screen hold typed but unsaved input. The app update prompt reads it so that an
 * update is never applied over a half-filled form (sync.md D4). Plain module state with listeners:
 * no DOM, no React, so features and the app shell can both use it.
 */
const dirty = new Set<string>();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function setFormDirty(formId: string, isDirty: boolean): void {
  const had = dirty.has(formId);
  if (isDirty) dirty.add(formId);
  else dirty.delete(formId);
  if (had !== isDirty) emit();
}

export function hasDirtyForms(): boolean {
  return dirty.size > 0;
}

export function onDirtyFormsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
