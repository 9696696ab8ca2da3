/**
 * A short, stable fingerprint of an RxDB-filled JSON Schema (FNV-1a over its JSON text with object
 * keys sorted: RxDB sorts a schema's keys when it opens a collection). The generated validators
 * record the fingerprint of the schema they were made from; the database compares it with the schema
 * it opens, so a stale validator can never silently check the wrong shape.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function schemaHash(schema: unknown): string {
  const text = JSON.stringify(canonical(schema));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
