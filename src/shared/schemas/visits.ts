/** A contact with a client on a case. Append-only once submitted (sync.md C3). */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';
import { dateTimeProperty, idProperty, longText, shortText, syncMetaProperties, syncMetaRequired } from './common';

export const VISIT_KINDS = ['outreach', 'home', 'drop-in', 'phone', 'online'] as const;

export const visitSchema = {
  title: 'visits',
  description: 'A contact with a client',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idProperty,
    caseId: { type: 'string', maxLength: 64 },
    clientId: { type: 'string', maxLength: 64 },
    by: { type: 'string', maxLength: 64 },
    at: dateTimeProperty,
    kind: { type: 'string', enum: [...VISIT_KINDS], maxLength: 10 },
    durationMinutes: { type: 'integer', minimum: 0, maximum: 1440 },
    notes: longText,
    outcomes: { type: 'array', maxItems: 20, items: shortText },
    ...syncMetaProperties,
  },
  required: ['caseId', 'clientId', 'by', 'at', 'kind', 'notes', ...syncMetaRequired],
  indexes: ['clientId'],
} as const;

/** How each kind of contact is named on screen, in timelines and lists. */
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  outreach: 'Outreach contact',
  home: 'Home visit',
  'drop-in': 'Drop-in',
  phone: 'Phone call',
  online: 'Online contact',
};

/** The words for a stored kind; an unknown code (from a newer app version) is shown as written. */
export function visitKindLabel(kind: string): string {
  return (VISIT_KIND_LABELS as Record<string, string | undefined>)[kind] ?? kind;
}

export type Visit = ExtractDocumentTypeFromTypedRxJsonSchema<typeof visitSchema>;
export type VisitKind = (typeof VISIT_KINDS)[number];
