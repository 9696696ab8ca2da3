/**
 * The casework of one demo client: their cases, the visits on each case and the follow-up tasks.
 * Times run forward: client registered <= case opened <= visits <= now, and tasks are dated from the
 * visit that raised them, so a timeline drawn from the data reads sensibly.
 */
import type { Case, Task, Visit, VisitKind } from '../schemas/index';
import { DEMO_CONTRACTS, caseholders, type DemoUser, type TeamId } from './organisation';
import type { Rng } from './random';
import { DAY, HOUR, MINUTE, duringWorkingHours, iso, isoDate, startOfDay } from './time';
import {
  CASE_SUMMARIES, CLOSED_REASONS, NOTE_CLOSERS, NOTE_MIDDLES, NOTE_OPENERS, OUTCOMES, TASK_TITLES, TEAM_PROFILES, fill, listFor,
} from './vocabulary';

/** Most clients have one need being worked on; some a second (e.g. housing then benefits). */
const SECOND_CASE_SHARE = 0.3;
/** A quarter of cases closed: the demo shows both live caseloads and finished outcomes. */
const CLOSED_SHARE = 0.25;
/** A case younger than this is never closed; real cases rarely resolve in under a month. */
const MIN_DAYS_BEFORE_CLOSE = 30;
/** Share of cases the assignee has opened to the whole team (scope rules need both kinds). */
const SHARED_WITH_TEAM_SHARE = 0.3;
/** Share of cases funded under the team's contract; the rest are unfunded work. */
const FUNDED_SHARE = 0.85;
/** Visits per case, 0-6, mean about 3: the brief's range, weighted to the middle. */
const VISIT_COUNTS: readonly (readonly [number, number])[] = [[0, 8], [1, 15], [2, 20], [3, 20], [4, 15], [5, 12], [6, 10]];
/** Most visits are by the case's own worker; the rest by a colleague covering. */
const OWN_WORKER_SHARE = 0.85;
/** How often a visit (other than the latest) raised a follow-up task. */
const EARLIER_TASK_SHARE = 0.2;
/** How often an open case's latest contact left a follow-up still on someone's list. */
const LATEST_TASK_SHARE = 0.7;
/** Due dates of live follow-ups, in days from today: about a quarter overdue, some due today. */
const LIVE_DUE_OFFSETS: readonly (readonly [readonly [number, number], number])[] = [[[-14, -1], 25], [[0, 0], 15], [[1, 21], 60]];
/** Minutes per contact by kind: a phone check-in is short, a home visit long. */
const DURATIONS: Readonly<Record<VisitKind, readonly [number, number]>> = {
  outreach: [10, 45], home: [30, 90], 'drop-in': [20, 75], phone: [5, 30], online: [15, 60],
};

export interface CaseworkInput {
  rng: Rng;
  clientId: string;
  first: string;
  teamId: TeamId;
  registeredBy: DemoUser;
  registeredAtMs: number;
  nowMs: number;
}

export interface CaseworkSink {
  cases: Case[];
  visits: Visit[];
  tasks: Task[];
}

export interface OpenedCase {
  id: string;
  assignee: DemoUser;
  openedAtMs: number;
  endMs: number;
}

function durationFor(rng: Rng, kind: VisitKind): number {
  const [min, max] = DURATIONS[kind];
  return rng.int(min, max);
}

function visitTimes(rng: Rng, count: number, fromMs: number, toMs: number): number[] {
  const times: number[] = [];
  if (toMs <= fromMs) return times;
  for (let i = 0; i < count; i++) {
    // Whole minutes, as a worker would type them.
    const at = Math.floor(duringWorkingHours(fromMs + rng.next() * (toMs - fromMs), rng.next()) / MINUTE) * MINUTE;
    times.push(Math.min(Math.max(at, fromMs), toMs));
  }
  return times.sort((a, b) => a - b);
}

function task(input: CaseworkInput, c: OpenedCase, type: string, createdMs: number, dueMs: number, done: boolean, visitId?: string): Task {
  const { rng, nowMs } = input;
  // Done some time between being raised and a few days after it fell due, never in the future.
  const doneMs = done
    ? Math.max(createdMs, Math.min(nowMs, c.endMs, duringWorkingHours(createdMs + rng.next() * Math.max(DAY, dueMs + 3 * DAY - createdMs), rng.next())))
    : undefined;
  return {
    id: rng.hexId(),
    caseId: c.id,
    clientId: input.clientId,
    ...(visitId ? { visitId } : {}),
    assignedTo: c.assignee.id,
    title: fill(rng.pick(listFor(TASK_TITLES, type)), input.first),
    due: isoDate(Math.max(dueMs, createdMs)),
    done,
    ...(doneMs !== undefined ? { doneAt: iso(doneMs) } : {}),
    writeId: rng.hexId(),
    createdAt: iso(createdMs),
    clientUpdatedAt: iso(doneMs ?? createdMs),
  };
}

function visitsAndTasks(input: CaseworkInput, c: OpenedCase, type: string, open: boolean, sink: CaseworkSink): void {
  const { rng, nowMs } = input;
  const profile = TEAM_PROFILES[input.teamId];
  const team = caseholders(input.teamId);
  const times = visitTimes(rng, rng.weighted(VISIT_COUNTS), c.openedAtMs + HOUR, c.endMs);
  let lastVisit: { id: string; createdMs: number } | undefined;
  times.forEach((atMs, i) => {
    const kind = rng.weighted(profile.visitKinds);
    const duration = durationFor(rng, kind);
    const createdMs = Math.min(nowMs, atMs + (duration + rng.int(0, 120)) * MINUTE);
    const notes = [rng.pick(NOTE_OPENERS[kind]), rng.pick(listFor(NOTE_MIDDLES, type)), rng.pick(NOTE_CLOSERS)]
      .filter((s) => s !== '').map((s) => fill(s, input.first)).join(' ');
    const id = rng.hexId();
    sink.visits.push({
      id,
      caseId: c.id,
      clientId: input.clientId,
      by: rng.chance(OWN_WORKER_SHARE) ? c.assignee.id : rng.pick(team).id,
      at: iso(atMs),
      kind,
      durationMinutes: duration,
      notes,
      outcomes: rng.sample(listFor(OUTCOMES, type), rng.int(0, 2)),
      writeId: rng.hexId(),
      createdAt: iso(createdMs),
      clientUpdatedAt: iso(createdMs),
    });
    const latest = i === times.length - 1;
    if (!latest && rng.chance(EARLIER_TASK_SHARE)) {
      const dueMs = atMs + rng.int(1, 14) * DAY;
      sink.tasks.push(task(input, c, type, createdMs, dueMs, !open || (dueMs < nowMs && rng.chance(0.9)), id));
    }
    if (latest) lastVisit = { id, createdMs };
  });

  const raisedMs = lastVisit?.createdMs ?? c.openedAtMs;
  if (!open) {
    if (rng.chance(EARLIER_TASK_SHARE)) sink.tasks.push(task(input, c, type, raisedMs, raisedMs + rng.int(1, 14) * DAY, true, lastVisit?.id));
  } else if (rng.chance(LATEST_TASK_SHARE)) {
    const [min, max] = rng.weighted(LIVE_DUE_OFFSETS);
    const dueMs = startOfDay(nowMs) + rng.int(min, max) * DAY;
    const done = dueMs <= nowMs && rng.chance(0.2);
    sink.tasks.push(task(input, c, type, raisedMs, dueMs, done, lastVisit?.id));
  }
}

function openCase(input: CaseworkInput, type: string, openedAtMs: number, assignee: DemoUser, sink: CaseworkSink): void {
  const { rng, nowMs } = input;
  const closed = nowMs - openedAtMs > MIN_DAYS_BEFORE_CLOSE * DAY && rng.chance(CLOSED_SHARE);
  const closedAtMs = closed ? openedAtMs + MIN_DAYS_BEFORE_CLOSE * DAY * 0.5 + rng.next() * (nowMs - openedAtMs - MIN_DAYS_BEFORE_CLOSE * DAY * 0.5) : undefined;
  const contract = DEMO_CONTRACTS.find((k) => k.teamId === input.teamId);
  const id = rng.hexId();
  const c: OpenedCase = { id, assignee, openedAtMs, endMs: closedAtMs ?? nowMs - HOUR };
  const editedMs = closedAtMs ?? openedAtMs + rng.next() * (nowMs - openedAtMs);
  sink.cases.push({
    id,
    clientId: input.clientId,
    teamId: input.teamId,
    assignedTo: [assignee.id],
    // A closed case leaves the team share (as closing one in the app does), so never shared when closed.
    sharedWithTeam: rng.chance(SHARED_WITH_TEAM_SHARE) && !closed,
    status: closed ? 'closed' : 'open',
    type,
    ...(contract && rng.chance(FUNDED_SHARE) ? { contractId: contract.id } : {}),
    summary: rng.pick(listFor(CASE_SUMMARIES, type)),
    openedAt: iso(openedAtMs),
    ...(closedAtMs !== undefined ? { closedAt: iso(closedAtMs), closedReason: rng.pick(CLOSED_REASONS) } : {}),
    writeId: rng.hexId(),
    createdAt: iso(openedAtMs),
    clientUpdatedAt: iso(editedMs),
  });
  visitsAndTasks(input, c, type, !closed, sink);
}

/** Cases (1-2), visits and tasks for one client, appended to `sink`. */
export function casework(input: CaseworkInput, sink: CaseworkSink): void {
  const { rng, nowMs } = input;
  const profile = TEAM_PROFILES[input.teamId];
  const team = caseholders(input.teamId);
  const firstType = rng.weighted(profile.caseTypes);
  // The worker who registered someone usually takes their first case.
  const firstAssignee = rng.chance(0.8) && team.includes(input.registeredBy) ? input.registeredBy : rng.pick(team);
  const firstOpened = input.registeredAtMs + rng.int(0, 90) * MINUTE;
  openCase(input, firstType, firstOpened, firstAssignee, sink);
  if (rng.chance(SECOND_CASE_SHARE)) {
    const others = profile.caseTypes.filter(([t]) => t !== firstType);
    const secondOpened = firstOpened + rng.next() * Math.max(0, nowMs - DAY - firstOpened);
    openCase(input, rng.weighted(others), secondOpened, rng.pick(team), sink);
  }
}
