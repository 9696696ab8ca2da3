/**
 * What the app shows when a page loads on a shared tablet, decided before React renders:
 * - the revocation notice, if this tablet was just wiped;
 * - the signed-in app, when the active user unlocked recently (a live unlock grant, src/app/lock/grant.ts);
 * - the PIN screen for the active user;
 * - otherwise "who is using this tablet": the people with a local profile, and the sign-in form.
 */
import { activeUser, canUnlockWithPin, listProfiles, loadProfile, openSession, type Profile } from '#sync/profiles';
import { clearSession, type Session } from '#sync/session';
import { loadGrant } from './grant';
import { readRevokedNotice } from './wipe';

export type StartScreen =
  | { kind: 'revoked'; name: string | null }
  | { kind: 'sign-in'; profiles: Profile[]; email?: string; notice?: string }
  | { kind: 'pin'; profile: Profile; profiles: Profile[] }
  | { kind: 'open'; session: Session; key: CryptoKey };

export async function decideStart(store: Storage = localStorage): Promise<StartScreen> {
  // A plaintext session from before PINs: never used; that person signs in once more.
  clearSession(store);
  const revoked = readRevokedNotice();
  if (revoked) return { kind: 'revoked', name: revoked.name };
  const profiles = listProfiles(store);
  const active = activeUser(store);
  const profile = active ? loadProfile(store, active) : null;
  if (profile) {
    const grant = await loadGrant(profile.userId).catch(() => null);
    if (grant && !profile.locked && !profile.signedOut) {
      const session = await openSession(profile, grant.key);
      if (session) return { kind: 'open', session, key: grant.key };
    }
    if (canUnlockWithPin(profile)) return { kind: 'pin', profile, profiles };
    return { kind: 'sign-in', profiles, email: profile.email, notice: profile.locked ? 'locked' : undefined };
  }
  return { kind: 'sign-in', profiles };
}
