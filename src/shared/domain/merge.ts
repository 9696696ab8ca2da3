/**
 * Field-level three-way merge (sync.md C3). Pure: given the state the device assumed the server had
 * (`base`), the server's real state (`server`) and the device's state (`local`), it returns the
 * merged document and the fields both sides changed. For those the server's value wins and the
 * device's value is reported as the loser, for the caller to store as a conflict record.
 *
 * Fields are compared by their JSON value; nested objects and arrays count as one field (a consent
 * list edited on both sides is one conflict, not a silent element-wise blend).
 */
import { META_FIELDS } from '../schemas/common';

export type Doc = Record<string, unknown>;

export interface LostField {
  field: string;
  serverValue: unknown;
  localValue: unknown;
}

export interface MergeResult<D extends Doc> {
  merged: D;
  lost: LostField[];
}

const META = new Set<string>(META_FIELDS);

export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so key order never makes two equal values differ. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Doc).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  ) ?? 'undefined';
}

export function mergeFields<D extends Doc>(base: D | null | undefined, server: D, local: D): MergeResult<D> {
  const merged: Doc = { ...server };
  const lost: LostField[] = [];
  const fields = new Set([...Object.keys(server), ...Object.keys(local), ...Object.keys(base ?? {})]);
  for (const field of fields) {
    if (META.has(field) || field.startsWith('_')) continue;
    const b = base?.[field];
    const s = server[field];
    const l = local[field];
    const localChanged = base ? !sameValue(b, l) : true;
    const serverChanged = base ? !sameValue(b, s) : true;
    if (!localChanged || sameValue(s, l)) continue; // server value stands (or both agree)
    if (!serverChanged) {
      merged[field] = l;
      continue;
    }
    lost.push({ field, serverValue: s, localValue: l });
  }
  // A delete on either side wins over field edits: deleting is an explicit decision about the record.
  if ((server as Doc)._deleted === true || (local as Doc)._deleted === true) merged._deleted = true;
  // A field the device cleared (undefined) is dropped, not stored as an explicit undefined.
  const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
  return { merged: clean as D, lost };
}
