/**
 * Cases of the generated demo organisation that tests about scope changes need (sync.md A3).
 */
import { generateDemoOrg } from '#shared/demo/generate';
import { TEAM } from '#shared/demo/organisation';

/** An open case held by this worker alone and not shared with their team, so reassigning it takes it off their devices. */
export function ownCaseOf(workerId: string): { caseId: string; clientId: string } {
  const c = generateDemoOrg().docs.cases.find(
    (x) => x.status === 'open' && !x.sharedWithTeam && x.teamId === TEAM.street && x.assignedTo.length === 1 && x.assignedTo[0] === workerId,
  );
  if (!c) throw new Error(`the demo data has no open case held by ${workerId} alone`);
  return { caseId: c.id, clientId: c.clientId };
}
