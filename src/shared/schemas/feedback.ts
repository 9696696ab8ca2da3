/** What a client thinks of the service. Append-only (sync.md C3). */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateTimeProperty, idProperty, longText, shortText, syncMetaProperties, syncMetaRequired } from './common';

export const FEEDBACK_SOURCES = ['kiosk', 'worker', 'client'] as const;
export const FEEDBACK_THEMES = ['staff', 'waiting', 'place', 'information', 'outcome', 'other'] as const;

export const feedbackSchema = {
  title: 'feedback',
  description: 'Feedback from a client, given at a kiosk or recorded by a worker',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    source: { type: 'string', enum: [...FEEDBACK_SOURCES], maxLength: 10 },
    rating: { type: 'integer', minimum: 1, maximum: 5 },
    comment: longText,
    theme: { type: 'string', enum: [...FEEDBACK_THEMES], maxLength: 20 },
    caseId: { type: 'string', maxLength: 64 },
    clientId: { type: 'string', maxLength: 64 },
    teamId: { type: 'string', maxLength: 64 },
    by: { type: 'string', maxLength: 64 },
    at: dateTimeProperty,
    label: shortText,
    ...syncMetaProperties,
  },
  required: ['source', 'rating', 'at', ...syncMetaRequired],
} as const;

export type Feedback = ExtractDocumentTypeFromTypedRxJsonSchema<typeof feedbackSchema>;
