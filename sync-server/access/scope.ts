/**
 * Builds a worker's or helper's Scope from candidate cases (a superset the store found by team or
 * assignee): the cases they may see, and those cases' clients.
 */
import type { DocData } from '#shared/lib/validate';
import { caseVisibleTo } from './rules/cases';
import { EMPTY_SCOPE, type AccessUser, type Scope } from './types';

export function buildScope(user: AccessUser, candidateCases: readonly { id: string; data: DocData }[]): Scope {
  if (user.role !== 'worker' && user.role !== 'helper') return EMPTY_SCOPE;
  const caseIds = new Set<string>();
  const clientIds = new Set<string>();
  for (const c of candidateCases) {
    if (!caseVisibleTo(user, c.data)) continue;
    caseIds.add(c.id);
    if (typeof c.data.clientId === 'string') clientIds.add(c.data.clientId);
  }
  return { caseIds, clientIds };
}
