/**
 * Case assignment and sharing (coordinators): the pure rule that turns the form's choices into the
 * patch written to the case. Who may see a case follows from `assignedTo`, `sharedWithTeam` and
 * `teamId` (product.md), so the rule refuses a case nobody but coordinators could see, and people
 * the directory does not list. No React, no I/O.
 */
import { err, ok, type Result } from '#shared/lib/result';
import type { Case } from '#shared/schemas/index';

/** The schema's limit on `assignedTo` (src/shared/schemas/cases.ts). */
export const MAX_ASSIGNEES = 50;

export type AssignmentError = 'nobody' | 'unknown-person' | 'too-many' | 'unchanged';

export interface AssignmentInput {
  assignedTo: readonly string[];
  sharedWithTeam: boolean;
}

export function assignmentPatch(
  current: Pick<Case, 'assignedTo' | 'sharedWithTeam'>,
  input: AssignmentInput,
  knownPeople: ReadonlySet<string>,
): Result<Pick<Case, 'assignedTo' | 'sharedWithTeam'>, AssignmentError> {
  const assignedTo = [...new Set(input.assignedTo)];
  // Someone already on the case may stay even if the directory no longer lists them; new names must be known.
  const unknown = assignedTo.find((id) => !knownPeople.has(id) && !current.assignedTo.includes(id));
  if (unknown !== undefined) return err('unknown-person', 'One of the people chosen is not in the staff list. Refresh the page and choose again.');
  if (assignedTo.length > MAX_ASSIGNEES) return err('too-many', `A case can be assigned to at most ${MAX_ASSIGNEES} people.`);
  if (assignedTo.length === 0 && !input.sharedWithTeam) {
    return err('nobody', 'Choose at least one person, or share the case with the team. Otherwise only coordinators can see it.');
  }
  const same = assignedTo.length === current.assignedTo.length && assignedTo.every((id) => current.assignedTo.includes(id)) && input.sharedWithTeam === current.sharedWithTeam;
  if (same) return err('unchanged', 'Nothing has changed.');
  return ok({ assignedTo, sharedWithTeam: input.sharedWithTeam });
}
