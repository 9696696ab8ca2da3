/**
 * The indexed scope columns a document row carries besides its JSON, derived from the record so both
 * adapters fill them the same way. They let the server narrow scope queries in SQL (which cases might
 * a user see?); the access functions in sync-server/access stay the authority on every decision.
 *
 * `assigned_to` holds a JSON array of user ids (cases: `assignedTo`; tasks: `[assignedTo]`), matched
 * with LIKE '%"<id>"%'. That may over-match (`_` is a LIKE wildcard), never under-match, which is
 * safe because the result is filtered again by `canRead`.
 */
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';

export interface ScopeColumns {
  teamId: string | null;
  clientId: string | null;
  caseId: string | null;
  assignedTo: string | null;
  createdBy: string | null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function assignees(value: unknown): string | null {
  if (Array.isArray(value)) return JSON.stringify(value.filter((v): v is string => typeof v === 'string'));
  if (typeof value === 'string') return JSON.stringify([value]);
  return null;
}

export function scopeColumns(collection: CollectionName, id: string, data: DocData): ScopeColumns {
  const base: ScopeColumns = {
    teamId: str(data.teamId),
    clientId: str(data.clientId),
    caseId: str(data.caseId),
    assignedTo: assignees(data.assignedTo),
    createdBy: str(data.createdBy) ?? str(data.by),
  };
  switch (collection) {
    case 'clients':
      return { ...base, clientId: id };
    case 'cases':
      return { ...base, caseId: id };
    case 'conflicts':
      return { ...base, createdBy: str(data.losingBy) };
    default:
      return base;
  }
}

/** The LIKE pattern that finds a user id inside the `assigned_to` JSON array. */
export function assigneePattern(userId: string): string {
  return `%${JSON.stringify(userId)}%`;
}
