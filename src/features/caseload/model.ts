/**
 * The caseload as the page needs it, computed in memory from three whole-collection queries
 * (clients, cases, open tasks) instead of one query per row: cases and tasks grouped by client once
 * per change, then filters applied to the ids search returns. Pure (no React, no RxDB) so it is
 * unit-tested and timed on 10,000 clients.
 */
import type { Case, Client, Task } from '#shared/schemas/index';
import { taskDueState } from '#shared/domain/tasks';
import type { WriteMark } from '#db/written-since';

export type ClientRow = Readonly<Pick<Client, 'id' | 'name' | 'dateOfBirth' | 'postcode' | 'teamId'>>;
export type CaseRow = Readonly<Pick<Case, 'id' | 'clientId' | 'type' | 'status'>>;
export type TaskRow = Readonly<Pick<Task, 'id' | 'clientId' | 'title' | 'due' | 'done'>>;

export type CaseStatusFilter = 'all' | 'open' | 'closed';

export interface CaseloadFilters {
  status: CaseStatusFilter;
  /** '' for every team. */
  teamId: string;
  tasksDue: boolean;
}

export const NO_FILTERS: CaseloadFilters = { status: 'all', teamId: '', tasksDue: false };

export interface ClientCases {
  open: CaseRow[];
  closedCount: number;
}

export interface ClientTasks {
  /** Open tasks, soonest due first. */
  open: TaskRow[];
  /** Overdue or due today. */
  dueCount: number;
  anyOverdue: boolean;
}

const NO_CASES: ClientCases = { open: [], closedCount: 0 };
const NO_TASKS: ClientTasks = { open: [], dueCount: 0, anyOverdue: false };

export function groupCases(cases: readonly CaseRow[]): Map<string, ClientCases> {
  const byClient = new Map<string, ClientCases>();
  for (const c of cases) {
    let entry = byClient.get(c.clientId);
    if (!entry) {
      entry = { open: [], closedCount: 0 };
      byClient.set(c.clientId, entry);
    }
    if (c.status === 'open') entry.open.push(c);
    else entry.closedCount++;
  }
  return byClient;
}

export function groupOpenTasks(tasks: readonly TaskRow[], today: string): Map<string, ClientTasks> {
  const byClient = new Map<string, ClientTasks>();
  for (const t of tasks) {
    if (t.done) continue;
    let entry = byClient.get(t.clientId);
    if (!entry) {
      entry = { open: [], dueCount: 0, anyOverdue: false };
      byClient.set(t.clientId, entry);
    }
    entry.open.push(t);
    const state = taskDueState(t, today);
    if (state === 'overdue' || state === 'today') entry.dueCount++;
    if (state === 'overdue') entry.anyOverdue = true;
  }
  // YYYY-MM-DD strings sort as the dates they name.
  for (const entry of byClient.values()) entry.open.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return byClient;
}

export const casesOf = (byClient: ReadonlyMap<string, ClientCases> | undefined, clientId: string): ClientCases =>
  byClient?.get(clientId) ?? NO_CASES;
export const tasksOf = (byClient: ReadonlyMap<string, ClientTasks> | undefined, clientId: string): ClientTasks =>
  byClient?.get(clientId) ?? NO_TASKS;

export interface FilterContext {
  clientsById: ReadonlyMap<string, ClientRow>;
  /** undefined while cases are still loading: status filters then let everyone through. */
  cases: ReadonlyMap<string, ClientCases> | undefined;
  tasks: ReadonlyMap<string, ClientTasks> | undefined;
}

export function hasFilters(f: CaseloadFilters): boolean {
  return f.status !== 'all' || f.teamId !== '' || f.tasksDue;
}

/**
 * Keeps the order of `ids` (search ranking), dropping ids that fail a filter. With no filter set the
 * ids are returned as they are: they come from the index built from these same clients, and
 * checking 10,000 of them on every keystroke cost 5-12 ms on a throttled CPU for nothing.
 */
export function applyFilters(ids: readonly string[], filters: CaseloadFilters, ctx: FilterContext): readonly string[] {
  if (!hasFilters(filters)) return ids;
  const out: string[] = [];
  for (const id of ids) {
    const client = ctx.clientsById.get(id);
    if (!client) continue;
    if (filters.teamId !== '' && client.teamId !== filters.teamId) continue;
    if (filters.status !== 'all' && ctx.cases) {
      const c = casesOf(ctx.cases, id);
      if (filters.status === 'open' && c.open.length === 0) continue;
      if (filters.status === 'closed' && (c.open.length > 0 || c.closedCount === 0)) continue;
    }
    if (filters.tasksDue && ctx.tasks && tasksOf(ctx.tasks, id).dueCount === 0) continue;
    out.push(id);
  }
  return out;
}

/** Where "Record visit" goes: straight to the form with the single open case chosen, or to choose one. */
export function recordVisitPath(clientId: string, open: readonly Pick<CaseRow, 'id'>[]): string | null {
  if (open.length === 0) return null;
  const base = `/clients/${encodeURIComponent(clientId)}/visits/new`;
  const only = open.length === 1 ? open[0] : undefined;
  return only ? `${base}?case=${encodeURIComponent(only.id)}` : base;
}

// ---------------------------------------------------------------------------------------------
// The first screen before every client is read
// ---------------------------------------------------------------------------------------------

/**
 * Rows rendered at once. A 10-inch tablet shows about six rows, so 25 is four screens of scrolling
 * before "Show more". Rendering the rows is most of a keystroke's cost (search itself is 2-10 ms on
 * 10,000 clients at 4x CPU throttle, while 50 rows took 40-55 ms to render there), so 25 keeps
 * keystroke-to-results near the 50 ms budget on an old tablet; all 10,000 would take seconds.
 */
export const PAGE_SIZE = 25;

/**
 * The first screen of the unfiltered caseload as it was last computed from every client, kept so
 * that a cold start shows it after a few small reads instead of after reading (and decrypting)
 * every client. Ids only, no names. It is shown only while it is provably still the first screen:
 * no client document was written since (`lwt`, RxDB's local write time, moves on every insert,
 * edit, delete and pulled change), so the list, and its count, are the ones the head was taken from.
 */
export interface CaseloadHead {
  /** The first PAGE_SIZE ids of the full list, in its order (search.ts: by normalised name, then id). */
  ids: readonly string[];
  /** Clients on the device (not deleted). */
  count: number;
  /**
   * The latest local write time (ms) among every client document, deleted ones too, when the head
   * was taken (headWriteTime); 0 when there are none.
   */
  lwt: number;
}

/** The head of a full list: its first `size` ids, the count and the latest write time. */
export function takeHead(sortedIds: readonly string[], lwt: number, size: number = PAGE_SIZE): CaseloadHead {
  return { ids: sortedIds.slice(0, size), count: sortedIds.length, lwt };
}

export function sameHead(a: CaseloadHead | undefined, b: CaseloadHead): boolean {
  return !!a && a.count === b.count && a.lwt === b.lwt && a.ids.length === b.ids.length && a.ids.every((id, i) => id === b.ids[i]);
}

/** A stored head read back (JSON from storage), or undefined when it is missing or malformed. */
export function parseHead(raw: string | null): CaseloadHead | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<CaseloadHead> | null;
    if (!v || !Array.isArray(v.ids) || !v.ids.every((id) => typeof id === 'string')) return undefined;
    if (typeof v.count !== 'number' || !Number.isInteger(v.count) || v.count < v.ids.length) return undefined;
    if (typeof v.lwt !== 'number' || !Number.isFinite(v.lwt)) return undefined;
    return { ids: v.ids, count: v.count, lwt: v.lwt };
  } catch {
    return undefined;
  }
}

/**
 * The write time to keep with a head taken from the full list `listed`, whose newest client was
 * written at `newest`, given every client document written after that (`later`, read afterwards):
 * the latest of them all when each is a deletion the list already shows (a client removed after
 * the last edit); undefined when any is not, since the list has not caught up with a write yet and
 * the head would miss it. A deletion older than the head is then never taken for one after it.
 */
export function headWriteTime(newest: number, later: readonly WriteMark[], listed: ReadonlyMap<string, unknown>): number | undefined {
  let lwt = newest;
  for (const write of later) {
    if (!write.deleted || listed.has(write.id)) return undefined;
    lwt = Math.max(lwt, write.lwt);
  }
  return lwt;
}

/** What the device holds now, from small indexed reads: whether any client document was written after head.lwt, the head's clients by id. */
export interface HeadCheck {
  writtenSince: boolean;
  found: ReadonlyMap<string, ClientRow>;
}

/**
 * The head's rows, in order, when the head is still exactly the first screen of the full list;
 * undefined otherwise (the page then waits for every client). Never a guess: any write since the
 * head was taken (an insert, edit or deletion) or a missing client rejects it. With nothing
 * written, the count is the head's: no count is read (IndexedDB counts 10,000 clients by walking
 * them, about 150 ms that every other read of the cold start queued behind).
 */
export function currentHeadRows(head: CaseloadHead, now: HeadCheck): ClientRow[] | undefined {
  if (now.writtenSince) return undefined;
  if (head.ids.length !== Math.min(head.count, PAGE_SIZE)) return undefined;
  const rows: ClientRow[] = [];
  for (const id of head.ids) {
    const row = now.found.get(id);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

/** The head may stand in for the list only for the view it was taken for: no search, no filter. */
export function headApplies(query: string, filters: CaseloadFilters): boolean {
  return query.trim() === '' && !hasFilters(filters);
}
