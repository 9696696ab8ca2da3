/**
 * Possible duplicates of the person being registered, recomputed as the name, date of birth and
 * postcode are typed. Uses deferred values so typing never waits on the check (about 1 ms for
 * 10,000 clients, duplicates.ts), and the clients already loaded on the device.
 */
import { useDeferredValue, useMemo } from 'react';
import { toIsoDate } from '#shared/domain/dates';
import { findPossibleDuplicates, type ExistingClient, type PossibleDuplicate } from '#shared/domain/duplicates';
import { useExistingClients, type ExistingClientRow } from './queries';

export interface DuplicateCheck {
  matches: PossibleDuplicate[];
  existingById: ReadonlyMap<string, ExistingClient>;
  /** Teams of the clients on this device (for a user in no team, who must choose one). */
  teamIds: readonly string[];
}

const NONE: PossibleDuplicate[] = [];

export function useDuplicateMatches(name: string, dateOfBirth: string, postcode: string): DuplicateCheck {
  const existing = useExistingClients();
  const n = useDeferredValue(name);
  const d = useDeferredValue(dateOfBirth);
  const p = useDeferredValue(postcode);
  const existingById = useMemo(() => new Map<string, ExistingClientRow>((existing ?? []).map((c) => [c.id, c])), [existing]);
  const teamIds = useMemo(() => [...new Set((existing ?? []).map((c) => c.teamId))].sort(), [existing]);
  const matches = useMemo(() => {
    if (!existing || n.trim() === '') return NONE;
    const dob = toIsoDate(d);
    return findPossibleDuplicates({ name: n, ...(dob ? { dateOfBirth: dob } : {}), postcode: p }, existing);
  }, [existing, n, d, p]);
  return { matches, existingById, teamIds };
}
