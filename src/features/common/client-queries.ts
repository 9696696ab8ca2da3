/**
 * The client page's four live queries (the client, their cases, visits and tasks, each on indexed
 * `clientId`), made once and shared by everything that reads them: the client page itself
 * (features/clients/queries.ts) and the visit form, which keeps them live while it is open and
 * brings them up to date after a save so that the client page renders whole at once
 * (features/visits/queries.ts, issue 2's save-to-timeline target).
 *
 * One definition, so the two features cannot drift apart: the visit form's queries help the client
 * page only while their selectors are identical (RxDB shares results between equal queries). Holding
 * the query objects also skips building, normalising and serialising a new RxQuery for each `find()`
 * (about 1 ms of a save in a sampled profile, too little to tell apart in the benchmark). One set is
 * kept per database, for the last client asked for: the visit form and then the client page ask for
 * the same one.
 */
import type { ResonanceDatabase } from '#db/database';

function makeQueries(db: ResonanceDatabase, clientId: string) {
  return {
    client: db.clients.findOne(clientId),
    cases: db.cases.find({ selector: { clientId } }),
    visits: db.visits.find({ selector: { clientId } }),
    tasks: db.tasks.find({ selector: { clientId } }),
  };
}

export type ClientPageQueries = ReturnType<typeof makeQueries>;

const last = new WeakMap<ResonanceDatabase, { clientId: string; queries: ClientPageQueries }>();

export function clientPageQueries(db: ResonanceDatabase, clientId: string): ClientPageQueries {
  const held = last.get(db);
  if (held?.clientId === clientId) return held.queries;
  const queries = makeQueries(db, clientId);
  last.set(db, { clientId, queries });
  return queries;
}
