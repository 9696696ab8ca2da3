/**
 * A need being worked on for one client, owned by workers, optionally funded under a contract.
 * Who may see a case follows from `assignedTo`, `sharedWithTeam` and `teamId` (product.md).
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateTimeProperty, idProperty, longText, shortText, syncMetaProperties, syncMetaRequired } from './common';

export const CASE_STATUSES = ['open', 'closed'] as const;

export const caseSchema = {
  title: 'cases',
  description: 'A need being worked on for a client',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    clientId: { type: 'string', maxLength: 64 },
    teamId: { type: 'string', maxLength: 64 },
    assignedTo: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64 } },
    sharedWithTeam: { type: 'boolean' },
    status: { type: 'string', enum: [...CASE_STATUSES], maxLength: 10 },
    type: { type: 'string', minLength: 1, maxLength: 100 },
    contractId: { type: 'string', maxLength: 64 },
    summary: longText,
    openedAt: dateTimeProperty,
    closedAt: dateTimeProperty,
    closedReason: shortText,
    ...syncMetaProperties,
  },
  required: ['clientId', 'teamId', 'assignedTo', 'sharedWithTeam', 'status', 'type', 'openedAt', ...syncMetaRequired],
  indexes: ['clientId'],
} as const;

export type Case = ExtractDocumentTypeFromTypedRxJsonSchema<typeof caseSchema>;
export type CaseStatus = (typeof CASE_STATUSES)[number];
