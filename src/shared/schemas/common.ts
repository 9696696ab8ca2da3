/**
 * Property fragments every synced document shares. Owned here so that the RxDB collections, the
 * server validator and the TypeScript types all read one definition (style.md practice 1).
 *
 * - `id`: generated on the device (see lib/ids.ts), never reused.
 * - `writeId`: a fresh random id on every local change. It is the document's state identity for the
 *   sync protocol: the server detects conflicts and duplicate pushes by comparing it (sync.md C2).
 * - `clientUpdatedAt`: when the device says it changed the document; informational only (C5).
 * - `serverUpdatedAt`, `serverUpdatedBy`: stamped by the server on every accepted write (C5); the
 *   device never sets them.
 */
export const ID_MAX = 64;
export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 10_000;

export const idProperty = { type: 'string', maxLength: ID_MAX, pattern: '^[A-Za-z0-9_-]+$' } as const;
export const dateTimeProperty = { type: 'string', format: 'date-time', maxLength: 40 } as const;
/** A calendar date without a time, `YYYY-MM-DD`. */
export const dateProperty = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 } as const;
export const shortText = { type: 'string', maxLength: SHORT_TEXT_MAX } as const;
export const longText = { type: 'string', maxLength: LONG_TEXT_MAX } as const;

export const syncMetaProperties = {
  writeId: { type: 'string', maxLength: ID_MAX },
  createdAt: dateTimeProperty,
  clientUpdatedAt: dateTimeProperty,
  serverUpdatedAt: dateTimeProperty,
  serverUpdatedBy: { type: 'string', maxLength: ID_MAX },
} as const;

/** Fields the device must always send. `serverUpdated*` are absent until the server has seen the doc. */
export const syncMetaRequired = ['id', 'writeId', 'createdAt', 'clientUpdatedAt'] as const;

/** Fields the server sets; a device's value for them is ignored and replaced (C5). */
export const SERVER_FIELDS = ['serverUpdatedAt', 'serverUpdatedBy'] as const;
/** Fields that describe a write rather than the record; the merge never treats them as user data. */
export const META_FIELDS = ['id', 'writeId', 'createdAt', 'clientUpdatedAt', ...SERVER_FIELDS] as const;
