/**
 * A value that lost a field-level merge (sync.md C3), kept for a coordinator to review.
 * Values are stored as JSON text so any field type fits one schema.
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateTimeProperty, idProperty, syncMetaProperties, syncMetaRequired } from './common';

export const CONFLICT_STATUSES = ['open', 'kept', 'swapped'] as const;

export const conflictSchema = {
  title: 'conflicts',
  description: 'A field edited on two devices; the losing value kept for review',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    collectionName: { type: 'string', maxLength: 40 },
    documentId: { type: 'string', maxLength: 64 },
    field: { type: 'string', maxLength: 100 },
    keptValue: { type: 'string', maxLength: 20_000 },
    losingValue: { type: 'string', maxLength: 20_000 },
    keptBy: { type: 'string', maxLength: 64 },
    keptAt: dateTimeProperty,
    losingBy: { type: 'string', maxLength: 64 },
    losingAt: dateTimeProperty,
    teamId: { type: 'string', maxLength: 64 },
    status: { type: 'string', enum: [...CONFLICT_STATUSES], maxLength: 10 },
    decidedBy: { type: 'string', maxLength: 64 },
    decidedAt: dateTimeProperty,
    ...syncMetaProperties,
  },
  required: ['collectionName', 'documentId', 'field', 'keptValue', 'losingValue', 'losingBy', 'losingAt', 'status', ...syncMetaRequired],
} as const;

export type Conflict = ExtractDocumentTypeFromTypedRxJsonSchema<typeof conflictSchema>;
