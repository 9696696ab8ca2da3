/**
 * useDirectory(): the people directory (src/sync/directory.ts) as a lookup for screens: a person's
 * or a team's name by id, and `personName` for showing who did something ("You" for the signed-in
 * user, their name when the directory has reached this device, "A colleague" until then).
 * Shared by features through src/features/common; works offline from the cached copy.
 */
import { useMemo } from 'react';
import type { Directory } from '#sync/directory';
import { useData, useObservable } from './data';

export interface PeopleLookup {
  /** The person's name, or undefined when the directory does not know them (yet). */
  nameOf: (userId: string | undefined) => string | undefined;
  /** The team's name, or undefined when unknown. */
  teamName: (teamId: string | undefined) => string | undefined;
  /** "You", the person's name, "A colleague" (not in the directory yet) or "Someone (not recorded)". */
  personName: (userId: string | undefined) => string;
}

export function peopleLookup(directory: Directory | null, currentUserId: string, ownTeams: readonly { id: string; name: string }[] = []): PeopleLookup {
  const people = new Map((directory?.users ?? []).map((u) => [u.id, u.name]));
  const teams = new Map([...ownTeams.map((t) => [t.id, t.name] as const), ...(directory?.teams ?? []).map((t) => [t.id, t.name] as const)]);
  const nameOf = (userId: string | undefined) => (userId ? people.get(userId) : undefined);
  return {
    nameOf,
    teamName: (teamId) => (teamId ? teams.get(teamId) : undefined),
    personName: (userId) => {
      if (userId === undefined || userId === '') return 'Someone (not recorded)';
      if (userId === currentUserId) return 'You';
      return nameOf(userId) ?? 'A colleague';
    },
  };
}

export function useDirectory(): PeopleLookup {
  const { directory, session } = useData();
  // The cached copy on the first render: a page (the client page after a save) renders once, not twice.
  const current = useObservable(() => directory.directory$, [directory], () => directory.current());
  return useMemo(() => peopleLookup(current ?? null, session.user.id, session.user.teams), [current, session]);
}
