/**
 * The removal a device receives for a document that has left its user's scope (A3): the document's
 * id with `_deleted: true` and every required field set to a neutral placeholder, so it passes the
 * collection's JSON Schema on the device (RxDB validates deleted documents too) while carrying none of
 * the document's content, nor who it now belongs to. RxDB stores it in place of the full document, so
 * nothing sensitive stays on the device; the server's document is untouched.
 *
 * `writeId` is the state the device should end up holding: the server's current writeId, or, for a
 * device's own change the server held back, that change's writeId (so its outbox row settles).
 */
import { schemas, type CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';

const EPOCH = '1970-01-01T00:00:00.000Z';

interface PropertySchema {
  type?: string;
  enum?: readonly unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
}

function placeholder(property: PropertySchema): unknown {
  if (property.enum && property.enum.length > 0) return property.enum[0];
  switch (property.type) {
    case 'string':
      if (property.format === 'date-time') return EPOCH;
      if (property.pattern?.includes('\\d{4}')) return '1970-01-01';
      return '-'.repeat(property.minLength ?? 0);
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return property.minimum ?? 0;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

export function removalStub(collection: CollectionName, id: string, writeId: string, serverUpdatedAt?: string): DocData {
  const schema = schemas[collection] as unknown as { required: readonly string[]; properties: Record<string, PropertySchema> };
  const stub: DocData = {};
  for (const field of schema.required) {
    const property = schema.properties[field];
    if (property) stub[field] = placeholder(property);
  }
  return {
    ...stub,
    id,
    writeId,
    createdAt: EPOCH,
    clientUpdatedAt: EPOCH,
    ...(serverUpdatedAt ? { serverUpdatedAt } : {}),
    _deleted: true,
  };
}
