/** A follow-up on a case, usually created from a visit. */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateProperty, dateTimeProperty, idProperty, syncMetaProperties, syncMetaRequired } from './common';

export const taskSchema = {
  title: 'tasks',
  description: 'A follow-up task on a case',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    caseId: { type: 'string', maxLength: 64 },
    clientId: { type: 'string', maxLength: 64 },
    visitId: { type: 'string', maxLength: 64 },
    assignedTo: { type: 'string', maxLength: 64 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    due: dateProperty,
    done: { type: 'boolean' },
    doneAt: dateTimeProperty,
    ...syncMetaProperties,
  },
  required: ['caseId', 'clientId', 'assignedTo', 'title', 'due', 'done', ...syncMetaRequired],
  indexes: ['clientId'],
} as const;

export type Task = ExtractDocumentTypeFromTypedRxJsonSchema<typeof taskSchema>;
