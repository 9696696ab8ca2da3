/**
 * A few demo conflict records (sync.md C3): the same field of a client or case edited on two
 * devices while offline, the server's value kept and the other held for a coordinator to review.
 * The kept value is always the document's current value, so the review screen shows a consistent
 * story. Most are still open; some already decided by the coordinator.
 */
import type { Case, Client, Conflict } from '../schemas/index';
import { DEMO_USERS, caseholders } from './organisation';
import { landline, mobile, streetAddress } from './places';
import type { Rng } from './random';
import { HOUR, MINUTE, iso } from './time';
import { CASE_SUMMARIES, listFor } from './vocabulary';

/** One conflict per this many clients, at least MIN_CONFLICTS: a review queue, not a flood. */
const CLIENTS_PER_CONFLICT = 150;
const MIN_CONFLICTS = 3;
/** Share the coordinator has already decided ("kept"); the rest wait in the queue. */
const DECIDED_SHARE = 0.3;

const COORDINATOR = DEMO_USERS.find((u) => u.role === 'coordinator');

interface Candidate {
  collectionName: 'clients' | 'cases';
  documentId: string;
  teamId: string;
  field: string;
  kept: unknown;
  losing: unknown;
  keptBy: string;
  keptAtMs: number;
}

function clientCandidate(rng: Rng, c: Client): Candidate {
  const usePhone = c.phone !== undefined && rng.chance(0.5);
  return {
    collectionName: 'clients',
    documentId: c.id,
    teamId: c.teamId,
    field: usePhone ? 'phone' : 'address',
    kept: usePhone ? c.phone : c.address,
    losing: usePhone ? (rng.chance(0.5) ? mobile(rng) : landline(rng)) : streetAddress(rng),
    keptBy: c.createdBy,
    keptAtMs: Date.parse(c.clientUpdatedAt),
  };
}

function caseCandidate(rng: Rng, c: Case): Candidate {
  const summaries = listFor(CASE_SUMMARIES, c.type).filter((s) => s !== c.summary);
  return {
    collectionName: 'cases',
    documentId: c.id,
    teamId: c.teamId,
    field: 'summary',
    kept: c.summary,
    losing: rng.pick(summaries.length > 0 ? summaries : ['Summary rewritten on another device.']),
    keptBy: c.assignedTo[0] ?? '',
    keptAtMs: Date.parse(c.clientUpdatedAt),
  };
}

export function conflictsFor(rng: Rng, clients: readonly Client[], cases: readonly Case[], nowMs: number): Conflict[] {
  const out: Conflict[] = [];
  if (clients.length === 0 || cases.length === 0) return out;
  const count = Math.max(MIN_CONFLICTS, Math.round(clients.length / CLIENTS_PER_CONFLICT));
  for (let i = 0; i < count; i++) {
    const cand = rng.chance(0.5) ? clientCandidate(rng, rng.pick(clients)) : caseCandidate(rng, rng.pick(cases));
    const colleagues = caseholders(cand.teamId).filter((u) => u.id !== cand.keptBy);
    const losingBy = colleagues.length > 0 ? rng.pick(colleagues).id : cand.keptBy;
    // The losing edit was made offline shortly before the kept one reached the server.
    const losingAtMs = cand.keptAtMs - rng.int(5, 240) * MINUTE;
    const mergedAtMs = Math.min(nowMs, cand.keptAtMs + rng.int(1, 48) * HOUR);
    const decided = COORDINATOR !== undefined && rng.chance(DECIDED_SHARE);
    const decidedAtMs = Math.min(nowMs, mergedAtMs + rng.int(1, 72) * HOUR);
    out.push({
      id: rng.hexId(),
      collectionName: cand.collectionName,
      documentId: cand.documentId,
      field: cand.field,
      keptValue: JSON.stringify(cand.kept ?? null),
      losingValue: JSON.stringify(cand.losing),
      keptBy: cand.keptBy,
      keptAt: iso(cand.keptAtMs),
      losingBy,
      losingAt: iso(losingAtMs),
      teamId: cand.teamId,
      status: decided ? 'kept' : 'open',
      ...(decided ? { decidedBy: COORDINATOR.id, decidedAt: iso(decidedAtMs) } : {}),
      writeId: rng.hexId(),
      createdAt: iso(mergedAtMs),
      clientUpdatedAt: iso(decided ? decidedAtMs : mergedAtMs),
    });
  }
  return out;
}
