/**
 * This device's own writes coming back from a pull, stamped by the server (C5), while RxDB still counts
 * them as not yet pushed.
 *
 * RxDB never stores a pulled state over a local change whose push it has not seen accepted, yet its
 * checkpoint moves past that state. When the push is then accepted as a repeat (C2: no conflict, no
 * change), RxDB records the device's own unstamped copy as the server's state, and the device keeps
 * it for good: the server's stamp never arrives. That happens when a pull runs beside a push whose
 * answer is late or lost (after every poke RxDB pushes and pulls side by side), and across a restart
 * between a lost answer and its retry. The convergence run found both.
 *
 * So the pull handler copies the server's stamp onto such a copy at once, in the local database, where
 * a restart cannot lose it. Nothing else changes: same writeId, same fields. RxDB then has a local
 * change to push; the server already holds that writeId, so it is a repeat that changes nothing (C2),
 * and RxDB records the stamped state as the server's. The cost is one push that changes nothing, and
 * only when the race happens: when RxDB will store the pulled state itself (its assumed server state is
 * what the device holds), nothing is written here.
 */
import { getAssumedMasterState, type RxCollection, type WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { sameState } from '#db/conflict-handler';

type Stamped = { id: string; writeId: string; serverUpdatedAt?: string; serverUpdatedBy?: string };

/** Stamps the local copies of this device's own writes in `pulled` that RxDB would skip. */
export async function stampOwnEchoes<T extends Stamped, C>(
  collection: RxCollection<T>,
  replication: RxReplicationState<T, C>,
  pulled: readonly WithDeleted<T>[],
): Promise<void> {
  const live = pulled.filter((d) => !d._deleted);
  if (live.length === 0) return;
  const local = await collection.findByIds(live.map((d) => d.id)).exec();
  const echoes = live.filter((d) => {
    const mine = local.get(d.id);
    return mine !== undefined && mine.writeId === d.writeId && !sameState(mine, d);
  });
  const internal = replication.internalReplicationState;
  if (echoes.length === 0 || !internal) return;
  const assumed = await getAssumedMasterState(internal, echoes.map((d) => d.id));
  for (const echo of echoes) {
    const mine = local.get(echo.id);
    const server = assumed[echo.id]?.docData;
    if (!mine || (server && sameState(server, mine))) continue;
    await mine.incrementalModify((current) =>
      current.writeId === echo.writeId ? { ...current, serverUpdatedAt: echo.serverUpdatedAt, serverUpdatedBy: echo.serverUpdatedBy } : current,
    );
  }
}
