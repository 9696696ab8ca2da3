/**
 * Case writes: open (after validateCaseForm), close (domain closeCase), reopen (domain
 * reopenCase) and assign/share (assignment.ts, coordinators; an ordinary local write that syncs
 * like any edit). Each returns the domain's expected failure as a value and lets storage failures
 * throw as StorageError for the page to show.
 */
import type { ResonanceDatabase } from '#db/database';
import { createDoc, updateDoc } from '#db/writes';
import { closeCase, reopenCase, type CloseCaseError } from '#shared/domain/cases';
import type { CaseFormValue } from '#shared/domain/forms';
import { err, ok, type Result } from '#shared/lib/result';
import type { Case, Client } from '#shared/schemas/index';
import { assignmentPatch, type AssignmentError, type AssignmentInput } from './assignment';

export interface OpenCaseInput {
  client: Pick<Client, 'id' | 'teamId'>;
  userId: string;
  value: CaseFormValue;
  now?: Date;
}

/** A new open case for the client, assigned to the signed-in user, in the client's team. */
export async function openCase(db: ResonanceDatabase, input: OpenCaseInput): Promise<Case> {
  const now = input.now ?? new Date();
  return createDoc(
    db,
    'cases',
    {
      ...input.value,
      clientId: input.client.id,
      teamId: input.client.teamId,
      assignedTo: [input.userId],
      status: 'open',
      openedAt: now.toISOString(),
    },
    now,
  );
}

export async function closeCaseCommand(
  db: ResonanceDatabase,
  c: Pick<Case, 'id' | 'status'>,
  reason: string,
  now: Date = new Date(),
): Promise<Result<Case, CloseCaseError>> {
  const patch = closeCase(c, { reason, at: now });
  if (!patch.ok) return patch;
  return ok(await updateDoc(db, 'cases', c.id, patch.value, now));
}

export async function reopenCaseCommand(db: ResonanceDatabase, c: Pick<Case, 'id' | 'status'>, now: Date = new Date()): Promise<Result<Case, 'already-open'>> {
  const patch = reopenCase(c);
  if (!patch.ok) return err(patch.code, patch.message);
  return ok(await updateDoc(db, 'cases', c.id, patch.value, now));
}

export async function assignCaseCommand(
  db: ResonanceDatabase,
  c: Pick<Case, 'id' | 'assignedTo' | 'sharedWithTeam'>,
  input: AssignmentInput,
  knownPeople: ReadonlySet<string>,
  now: Date = new Date(),
): Promise<Result<Case, AssignmentError>> {
  const patch = assignmentPatch(c, input, knownPeople);
  if (!patch.ok) return patch;
  return ok(await updateDoc(db, 'cases', c.id, patch.value, now));
}
