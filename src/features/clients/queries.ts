/**
 * Reactive reads for one client's page (the client, their cases, visits and tasks: four queries on
 * indexed `clientId`, whatever the size of the caseload) and for the duplicate check on the register
 * page (every client on the device, the same query the caseload uses, so RxDB serves it from cache).
 */
import type { ExistingClient } from '#shared/domain/duplicates';
import type { Case, Client, Task, Visit } from '#shared/schemas/index';
import { useData, useObservable } from '../common/data';

/** undefined while loading; null when this device has no such client. */
export function useClient(clientId: string): Readonly<Client> | null | undefined {
  const { db } = useData();
  return useObservable<Readonly<Client> | null>(() => db.clients.findOne(clientId).$, [db, clientId]);
}

export function useClientCases(clientId: string): readonly Readonly<Case>[] | undefined {
  const { db } = useData();
  return useObservable<readonly Readonly<Case>[]>(() => db.cases.find({ selector: { clientId } }).$, [db, clientId]);
}

export function useClientVisits(clientId: string): readonly Readonly<Visit>[] | undefined {
  const { db } = useData();
  return useObservable<readonly Readonly<Visit>[]>(() => db.visits.find({ selector: { clientId } }).$, [db, clientId]);
}

export function useClientTasks(clientId: string): readonly Readonly<Task>[] | undefined {
  const { db } = useData();
  return useObservable<readonly Readonly<Task>[]>(() => db.tasks.find({ selector: { clientId } }).$, [db, clientId]);
}

export type ExistingClientRow = ExistingClient & Readonly<Pick<Client, 'teamId'>>;

/** Everyone on the device, for the offline duplicate warning; undefined while loading. */
export function useExistingClients(): readonly ExistingClientRow[] | undefined {
  const { db } = useData();
  return useObservable<readonly ExistingClientRow[]>(() => db.clients.find().$, [db]);
}
