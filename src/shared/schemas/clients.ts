/** A person the organisation supports. Key fields fixed by product.md: `name`, `teamId`, `createdBy`. */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateProperty, dateTimeProperty, idProperty, longText, shortText, syncMetaProperties, syncMetaRequired } from './common';

export const consentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    purpose: shortText,
    given: { type: 'boolean' },
    at: dateTimeProperty,
    recordedBy: { type: 'string', maxLength: 64 },
    notes: longText,
  },
  required: ['purpose', 'given', 'at', 'recordedBy'],
} as const;

export const clientSchema = {
  title: 'clients',
  description: 'A person the organisation supports',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    name: { type: 'string', minLength: 1, maxLength: 200 },
    teamId: { type: 'string', maxLength: 64 },
    createdBy: { type: 'string', maxLength: 64 },
    dateOfBirth: dateProperty,
    phone: { type: 'string', maxLength: 40 },
    email: { type: 'string', maxLength: 200 },
    address: { type: 'string', maxLength: 500 },
    postcode: { type: 'string', maxLength: 12 },
    language: { type: 'string', maxLength: 60 },
    needs: { type: 'array', maxItems: 50, items: shortText },
    consents: { type: 'array', maxItems: 50, items: consentSchema },
    notes: longText,
    ...syncMetaProperties,
  },
  required: ['name', 'teamId', 'createdBy', ...syncMetaRequired],
  indexes: ['teamId'],
} as const;

export type Client = ExtractDocumentTypeFromTypedRxJsonSchema<typeof clientSchema>;
export type Consent = ExtractDocumentTypeFromTypedRxJsonSchema<typeof consentSchema>;
