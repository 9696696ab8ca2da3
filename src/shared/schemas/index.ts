/**
 * The registry of synced collections: name to JSON Schema. The app's RxDB database, the server's
 * validator and `GET /api/schemas` all iterate this one object.
 */
import { caseSchema } from './cases';
import { clientSchema } from './clients';
import { conflictSchema } from './conflicts';
import { feedbackSchema } from './feedback';
import { taskSchema } from './tasks';
import { visitSchema } from './visits';

export const schemas = {
  clients: clientSchema,
  cases: caseSchema,
  visits: visitSchema,
  tasks: taskSchema,
  feedback: feedbackSchema,
  conflicts: conflictSchema,
} as const;

export type CollectionName = keyof typeof schemas;
export const COLLECTION_NAMES = Object.keys(schemas) as CollectionName[];

/** Collections whose documents are never edited after creation, so they never conflict (C3). */
export const APPEND_ONLY: ReadonlySet<CollectionName> = new Set<CollectionName>(['visits', 'feedback']);

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(schemas, name);
}

export type { Case, CaseStatus } from './cases';
export type { Client, Consent } from './clients';
export type { Conflict } from './conflicts';
export type { Feedback } from './feedback';
export type { Task } from './tasks';
export type { Visit, VisitKind } from './visits';
