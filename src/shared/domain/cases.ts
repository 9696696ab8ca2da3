/**
 * Case lifecycle rules: closing needs a reason, a closed case can be reopened, and visits are only
 * recorded against open cases. Each command returns the fields to write (a patch for the case
 * document) or an expected failure with a plain-English message (style.md practice 5).
 */
import { SHORT_TEXT_MAX } from '../schemas/common';
import type { Case } from '../schemas/cases';
import { err, ok, type Result } from '../lib/result';
import { isLongerThan } from './text';

/** Reasons offered when closing a case; 'Other' lets the worker type their own. */
export const CLOSE_REASONS = [
  'Support completed',
  'Client moved away',
  'Client declined further support',
  'Referred to another service',
  'Lost contact',
  'Other',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

type Status = Pick<Case, 'status'>;

export type CloseCaseError = 'already-closed' | 'reason-required' | 'reason-too-long';

/**
 * The patch that closes a case. The reason is trimmed; it must be present and fit the schema's
 * `closedReason` (SHORT_TEXT_MAX characters), so the write never fails validation later.
 */
export function closeCase(
  c: Status,
  input: { reason: string; at: Date },
): Result<{ status: 'closed'; closedAt: string; closedReason: string }, CloseCaseError> {
  if (c.status === 'closed') return err('already-closed', 'This case is already closed.');
  const reason = input.reason.trim();
  if (reason === '') return err('reason-required', 'Select or enter a reason for closing the case.');
  if (isLongerThan(reason, SHORT_TEXT_MAX)) {
    return err('reason-too-long', `Reason for closing must be ${SHORT_TEXT_MAX} characters or fewer.`);
  }
  return ok({ status: 'closed', closedAt: input.at.toISOString(), closedReason: reason });
}

/**
 * The patch that reopens a case. `closedAt` and `closedReason` are explicitly `undefined` so that
 * applying the patch clears them (the merge drops cleared fields, merge.ts).
 */
export function reopenCase(c: Status): Result<{ status: 'open'; closedAt: undefined; closedReason: undefined }, 'already-open'> {
  if (c.status === 'open') return err('already-open', 'This case is already open.');
  return ok({ status: 'open', closedAt: undefined, closedReason: undefined });
}

/** Visits are recorded only against open cases; reopen a case to record more work on it. */
export function canRecordVisit(c: Status): boolean {
  return c.status === 'open';
}
