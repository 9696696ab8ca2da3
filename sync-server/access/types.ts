/**
 * The inputs of every access decision (A1/A2). Decisions are pure functions of these values, so they
 * are unit-tested without a server and the server cannot forget a check by forgetting a query.
 */
import type { Role } from '#shared/domain/roles';
import type { DocData } from '#shared/lib/validate';
import type { Result } from '#shared/lib/result';

export interface AccessUser {
  id: string;
  role: Role;
  teamIds: readonly string[];
}

/**
 * What a worker or helper can see, computed once per request from the cases on the server:
 * the cases in their scope and the clients of those cases. Coordinators and kiosks do not need it.
 */
export interface Scope {
  caseIds: ReadonlySet<string>;
  clientIds: ReadonlySet<string>;
}

export interface AccessContext {
  scope: Scope;
  /**
   * Case ids that exist on the server, among those the documents being written refer to. A visit or
   * task may name a case the server has not received yet (collections replicate independently, so a
   * new case can arrive after its first visit); such a reference is allowed for the author's own
   * record and becomes visible to them when the case arrives.
   */
  existingCaseIds: ReadonlySet<string>;
}

export type WriteDecision = Result<true, 'forbidden'>;

/** The pair of pure functions each collection provides. Anything not granted is denied. */
export interface CollectionAccess {
  canRead(user: AccessUser, doc: DocData, ctx: AccessContext): boolean;
  canWrite(user: AccessUser, prev: DocData | null, next: DocData, ctx: AccessContext): WriteDecision;
}

export const EMPTY_SCOPE: Scope = { caseIds: new Set(), clientIds: new Set() };
