/** Small predicates shared by the per-collection access rules. */
import { err, ok } from '#shared/lib/result';
import type { DocData } from '#shared/lib/validate';
import type { AccessContext, AccessUser, WriteDecision } from './types';

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const isCoordinator = (user: AccessUser): boolean => user.role === 'coordinator';
/** Workers and helpers share one scope rule: their caseload plus their teams' shared cases. */
export const isCaseholder = (user: AccessUser): boolean => user.role === 'worker' || user.role === 'helper';

export const allow = (): WriteDecision => ok(true);
export const deny = (reason: string): WriteDecision => err('forbidden', reason);

export const KIOSK_ONLY_FEEDBACK = 'This kiosk can only send feedback, so this record was held back.';

export function forged(field: string, user: AccessUser, value: unknown): WriteDecision | null {
  return value === user.id
    ? null
    : deny(`This record says it was made by someone else ("${field}" is not you), so the server held it back. Make the change again from your own account.`);
}

/** A case the user can see, or one the server has not received yet (see AccessContext). */
export function caseWritable(caseId: string | undefined, ctx: AccessContext): boolean {
  return caseId !== undefined && (ctx.scope.caseIds.has(caseId) || !ctx.existingCaseIds.has(caseId));
}

export function inScopeCase(doc: DocData, ctx: AccessContext): boolean {
  const caseId = str(doc.caseId);
  return caseId !== undefined && ctx.scope.caseIds.has(caseId);
}

export { NOT_ON_CASE } from '#shared/domain/held';
