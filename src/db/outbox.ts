/**
 * The outbox: one local-only row per document with a change the server has not yet accepted.
 * It is what the header's "unsynced" count and age read, and what sign-out and app updates check
 * before they may proceed (D4). The replication client removes a row once the server has accepted
 * exactly that state (same writeId); a newer local edit keeps the row.
 */
export const outboxSchema = {
  title: 'outbox',
  description: 'Local changes not yet accepted by the server (never synced)',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 120 },
    collectionName: { type: 'string', maxLength: 40 },
    documentId: { type: 'string', maxLength: 64 },
    writeId: { type: 'string', maxLength: 64 },
    since: { type: 'string', maxLength: 40 },
    /** Set when the server quarantined this state (C4): the plain reason shown to the author. */
    rejectedReason: { type: 'string', maxLength: 1000 },
  },
  required: ['id', 'collectionName', 'documentId', 'writeId', 'since'],
} as const;

export interface OutboxRow {
  id: string;
  collectionName: string;
  documentId: string;
  writeId: string;
  since: string;
  rejectedReason?: string;
}

export const outboxId = (collection: string, documentId: string): string => `${collection}:${documentId}`;
