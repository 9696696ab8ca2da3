/**
 * `generateDemoOrg`: a deterministic, realistic UK demo organisation (Riverside Community Trust),
 * from 300 clients for demos to 50,000 for benchmarks. Pure: no clock, no Math.random, no I/O;
 * the same options always give deep-equal output. Every document validates against its collection's
 * JSON Schema, with `serverUpdatedAt`/`serverUpdatedBy` left for the server to stamp (C5).
 */
import type { Case, Client, Conflict, Feedback, Task, Visit } from '../schemas/index';
import { casework } from './casework';
import { clientRecord, identity, isNearDuplicate, originalOf, variantName } from './clients';
import { conflictsFor } from './conflicts';
import { feedbackFor } from './feedback';
import { DEMO_TEAMS, DEMO_USERS, TEAM, caseholders, type DemoTeam, type DemoUser, type TeamId } from './organisation';
import { createRng } from './random';
import { DAY, duringWorkingHours } from './time';
import { TEAM_PROFILES } from './vocabulary';

/** Client counts: the everyday demo, and the two benchmark scales. */
export const DEMO_SIZES = { demo: 300, large: 10_000, huge: 50_000 } as const;
export const DEFAULT_SEED = 20261128;
/** A fixed "today" so demos and screenshots never drift: a Saturday-morning sync at base. */
export const DEFAULT_NOW = new Date('2026-11-28T09:00:00Z');

export interface DemoOptions {
  seed?: number;
  clients?: number;
  now?: Date;
}

export interface DemoOrg {
  teams: DemoTeam[];
  users: DemoUser[];
  docs: {
    clients: Client[];
    cases: Case[];
    visits: Visit[];
    tasks: Task[];
    feedback: Feedback[];
    conflicts: Conflict[];
  };
}

/** Random-stream salts: each kind of draw has its own stream so adding one never shifts another. */
const CASEWORK_SALT = 0xca5e;
const CONFLICT_SALT = 0xc0f1;
/** People were registered over the last two years, more of them recently (services grow). */
const HISTORY_DAYS = 730;
/** Nobody was registered in the last two days, so everyone has had time for some casework. */
const NEWEST_DAYS = 2;
/** Which team registers each client, by the teams' shares of the caseload. */
const TEAM_WEIGHTS = (Object.keys(TEAM_PROFILES) as TeamId[]).map((t) => [t, TEAM_PROFILES[t].share] as const);

function checkOptions(seed: number, clients: number, now: Date): void {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(clients) || clients < 0) throw new RangeError(`clients must be a whole number, got ${clients}`);
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date');
}

export function generateDemoOrg(options: DemoOptions = {}): DemoOrg {
  const seed = options.seed ?? DEFAULT_SEED;
  const clientCount = options.clients ?? DEMO_SIZES.demo;
  const now = options.now ?? DEFAULT_NOW;
  checkOptions(seed, clientCount, now);
  const nowMs = now.getTime();
  const docs: DemoOrg['docs'] = { clients: [], cases: [], visits: [], tasks: [], feedback: [], conflicts: [] };

  for (let i = 0; i < clientCount; i++) {
    const rng = createRng(seed, i, CASEWORK_SALT);
    let person = identity(seed, i, nowMs);
    if (isNearDuplicate(i) && i > 0) {
      const original = identity(seed, originalOf(i, rng), nowMs);
      person = { ...original, ...variantName(original, rng) };
    }
    const teamId = rng.weighted(TEAM_WEIGHTS);
    const registeredBy = rng.pick(caseholders(teamId));
    const daysAgo = NEWEST_DAYS + (HISTORY_DAYS - NEWEST_DAYS) * rng.next() ** 2;
    const registeredAtMs = duringWorkingHours(nowMs - daysAgo * DAY, rng.next());
    const profile = TEAM_PROFILES[teamId];
    const needs = [...new Set([rng.weighted(profile.needs), rng.weighted(profile.needs), rng.weighted(profile.needs)])].slice(0, rng.int(1, 3));
    // Most street-outreach clients have no address; workers record where they can be found instead.
    const homeless = teamId === TEAM.street && rng.chance(0.6);
    const client = clientRecord({ rng, id: rng.hexId(), person, teamId, createdBy: registeredBy, createdAtMs: registeredAtMs, nowMs, homeless }, needs);
    docs.clients.push(client);

    const firstCase = docs.cases.length;
    casework({ rng, clientId: client.id, first: person.first, teamId, registeredBy, registeredAtMs, nowMs }, docs);
    const mainCase = docs.cases[firstCase];
    if (mainCase) {
      const worker = caseholders(teamId).find((u) => u.id === mainCase.assignedTo[0]) ?? registeredBy;
      feedbackFor({ rng, clientId: client.id, teamId, caseId: mainCase.id, worker, fromMs: registeredAtMs, nowMs }, docs.feedback);
    }
  }

  docs.conflicts = conflictsFor(createRng(seed, 0, CONFLICT_SALT), docs.clients, docs.cases, nowMs);
  return {
    teams: DEMO_TEAMS.map((t) => ({ ...t })),
    users: DEMO_USERS.map((u) => ({ ...u, teamIds: [...u.teamIds] })),
    docs,
  };
}
