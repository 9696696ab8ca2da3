/**
 * Administrative operations over a Store, the one implementation behind both the admin CLI and the
 * coordinator's /api/admin routes: add a team, add a person, change their role or teams, switch them
 * off or on, reset a password, revoke a device, create a kiosk enrolment code. Each validates its
 * input, throws AdminError with a message a person can act on (and changes nothing when it does),
 * and writes one append-only admin audit row saying who did what to whom.
 */
import { isRole, ROLES, type Role } from '#shared/domain/roles';
import type { AuthService } from '../auth/service';
import { hashPassword } from '../auth/passwords';
import { DuplicateError, type AdminAuditInput, type Store, type Team, type UserRecord } from '../storage/types';

export type AdminErrorKind = 'invalid' | 'not-found' | 'forbidden';

export class AdminError extends Error {
  constructor(
    message: string,
    readonly kind: AdminErrorKind = 'invalid',
    /** The input field the message is about, so a form can put it beside that field. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'AdminError';
  }
}

/** Who is acting: a signed-in coordinator on a device, or the admin command line. */
export interface AdminActor {
  userId: string;
  deviceId: string | null;
}

export const CLI_ACTOR: AdminActor = { userId: 'cli', deviceId: null };

/**
 * At least 10 characters: long enough that three random words (NCSC's advice) pass and a short
 * guessable word does not; scrypt and the login limits do the rest.
 */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer than any pass phrase a person types; stops a megabyte "password" reaching scrypt. */
export const MAX_PASSWORD_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Roles a person can hold; kiosks are enrolled devices, never added or promoted by hand. */
export const PERSON_ROLES = ROLES.filter((r) => r !== 'kiosk');

async function audit(store: Store, actor: AdminActor, entry: Omit<AdminAuditInput, 'actorId' | 'deviceId'>): Promise<void> {
  await store.appendAdminAudit({ actorId: actor.userId, deviceId: actor.deviceId, ...entry });
}

async function rethrowDuplicate<T>(work: Promise<T>, field: string): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DuplicateError) throw new AdminError(error.message, 'invalid', field);
    throw error;
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AdminError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`, 'invalid', 'password');
  if (password.length > MAX_PASSWORD_LENGTH) throw new AdminError(`The password must be at most ${MAX_PASSWORD_LENGTH} characters.`, 'invalid', 'password');
}

function checkRole(role: string): Role {
  if (isRole(role) && role !== 'kiosk') return role;
  throw new AdminError(`The role must be one of ${PERSON_ROLES.join(', ')} (kiosks are enrolled with a code, not added as people).`, 'invalid', 'role');
}

async function checkTeamIds(store: Store, teamIds: readonly string[]): Promise<string[]> {
  const known = new Set((await store.listTeams()).map((t) => t.id));
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AdminError(`There is no team with the id ${unknown[0] ?? ''}.`, 'invalid', 'teamIds');
  return [...new Set(teamIds)];
}

/** Team names (as the CLI takes them) to ids; an unknown name is an error. */
export async function teamIdsByName(store: Store, names: readonly string[]): Promise<Team[]> {
  const teams: Team[] = [];
  for (const name of names) {
    const team = await store.findTeamByName(name.trim());
    if (!team) throw new AdminError(`There is no team called "${name}". Add it first with team:add.`, 'invalid', 'teams');
    teams.push(team);
  }
  return teams;
}

async function existingUser(store: Store, userId: string): Promise<UserRecord> {
  const user = await store.findUserById(userId);
  if (!user) throw new AdminError('There is no person with that id.', 'not-found');
  return user;
}

export async function addTeam(store: Store, name: string, actor: AdminActor = CLI_ACTOR): Promise<Team> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AdminError('A team name must be 1 to 100 characters.', 'invalid', 'name');
  const team = await rethrowDuplicate(store.createTeam(trimmed), 'name');
  await audit(store, actor, { action: 'team.add', targetType: 'team', targetId: team.id, detail: { name: team.name } });
  return team;
}

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  teamIds: readonly string[];
  password: string;
}

export async function addUser(store: Store, input: NewUserInput, actor: AdminActor = CLI_ACTOR): Promise<{ user: UserRecord; teams: Team[] }> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new AdminError('A name must be 1 to 200 characters.', 'invalid', 'name');
  const email = input.email.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw new AdminError(`"${input.email.slice(0, 100)}" is not an email address.`, 'invalid', 'email');
  const role = checkRole(input.role);
  const teamIds = await checkTeamIds(store, input.teamIds);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const user = await rethrowDuplicate(store.createUser({ email, name, role, passwordHash, teamIds }), 'email');
  await audit(store, actor, { action: 'user.add', targetType: 'user', targetId: user.id, detail: { name, email, role, teamIds } });
  const teams = (await store.listTeams()).filter((t) => teamIds.includes(t.id));
  return { user, teams };
}

/** Changes a person's role and/or teams. A coordinator cannot demote themselves (someone must stay). */
export async function changeUser(store: Store, userId: string, changes: { role?: string; teamIds?: readonly string[] }, actor: AdminActor = CLI_ACTOR): Promise<UserRecord> {
  const user = await existingUser(store, userId);
  if (user.role === 'kiosk') throw new AdminError('A kiosk has no role or teams to change; revoke its device instead.', 'invalid', 'role');
  const role = changes.role === undefined ? undefined : checkRole(changes.role);
  if (role && role !== 'coordinator' && user.id === actor.userId) throw new AdminError('You cannot take the coordinator role away from yourself. Ask another coordinator.', 'invalid', 'role');
  const teamIds = changes.teamIds === undefined ? undefined : await checkTeamIds(store, changes.teamIds);
  if (role === undefined && teamIds === undefined) throw new AdminError('Nothing to change: give a role or teams.', 'invalid', null);
  await store.updateUser(user.id, { ...(role ? { role } : {}), ...(teamIds ? { teamIds } : {}) });
  await audit(store, actor, {
    action: 'user.change',
    targetType: 'user',
    targetId: user.id,
    detail: { ...(role ? { role, previousRole: user.role } : {}), ...(teamIds ? { teamIds, previousTeamIds: user.teamIds } : {}) },
  });
  return existingUser(store, user.id);
}

/**
 * Switches an account off (signed out everywhere; its devices are told to wipe on next contact, A4)
 * or back on. Callers holding live streams must re-check them after this.
 */
export async function setUserActive(store: Store, userId: string, active: boolean, actor: AdminActor = CLI_ACTOR): Promise<UserRecord> {
  const user = await existingUser(store, userId);
  if (!active && user.id === actor.userId) throw new AdminError('You cannot switch off your own account. Ask another coordinator.', 'invalid', null);
  await store.setUserActive(user.id, active);
  if (!active) await store.revokeUserTokens(user.id);
  await audit(store, actor, { action: active ? 'user.reactivate' : 'user.deactivate', targetType: 'user', targetId: user.id, detail: { name: user.name } });
  return existingUser(store, user.id);
}

/** The CLI's user:revoke: switch off by email. */
export async function revokeUser(store: Store, email: string, actor: AdminActor = CLI_ACTOR): Promise<UserRecord> {
  const user = await store.findUserByEmail(email);
  if (!user) throw new AdminError(`There is no user with the email ${email}.`, 'not-found', 'email');
  return setUserActive(store, user.id, false, actor);
}

/** Sets a new password and signs the person out everywhere (their old sessions may be someone else's). */
export async function resetPassword(store: Store, userId: string, password: string, actor: AdminActor = CLI_ACTOR): Promise<UserRecord> {
  const user = await existingUser(store, userId);
  if (user.role === 'kiosk') throw new AdminError('A kiosk has no password; it signs in with an enrolment code.', 'invalid', 'password');
  checkPassword(password);
  await store.setPasswordHash(user.id, await hashPassword(password));
  await store.revokeUserTokens(user.id);
  await audit(store, actor, { action: 'user.reset-password', targetType: 'user', targetId: user.id, detail: { name: user.name } });
  return user;
}

export async function revokeDevice(store: Store, deviceId: string, actor: AdminActor = CLI_ACTOR): Promise<void> {
  const device = await store.getDevice(deviceId);
  if (!device) throw new AdminError(`There is no device with the id ${deviceId.slice(0, 64)}.`, 'not-found', 'id');
  if (device.id === actor.deviceId) throw new AdminError('You cannot revoke the device you are using now.', 'invalid', null);
  await store.revokeDevice(deviceId);
  await audit(store, actor, { action: 'device.revoke', targetType: 'device', targetId: device.id, detail: { name: device.name, userId: device.userId } });
}

/**
 * A coordinator has dealt with a held-back write (C4): applied it by hand, passed it on, or decided
 * it is not needed. The row stays in the quarantine; it only leaves the list of changes waiting.
 */
export async function markHeldDealtWith(store: Store, rawId: string, actor: AdminActor = CLI_ACTOR): Promise<void> {
  const id = /^[1-9][0-9]{0,14}$/.test(rawId) ? Number(rawId) : NaN;
  const notWaiting = 'That held-back change is not waiting any more: it may already have been marked as dealt with. Reload the list.';
  if (!Number.isSafeInteger(id)) throw new AdminError(notWaiting, 'not-found', 'id');
  const row = await store.markHeldDealtWith(id, actor.userId, new Date().toISOString());
  if (!row) throw new AdminError(notWaiting, 'not-found', 'id');
  await audit(store, actor, {
    action: 'held.dealt-with',
    targetType: 'held',
    targetId: String(row.id),
    detail: { collection: row.collection, documentId: row.documentId, authorId: row.authorId, deviceId: row.deviceId, reason: row.code },
  });
}

export async function enrolKiosk(store: Store, name: string, auth: AuthService, actor: AdminActor = CLI_ACTOR): Promise<{ code: string; expiresAt: string }> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AdminError('A kiosk name must be 1 to 100 characters.', 'invalid', 'name');
  const created = await auth.createEnrolmentCode(trimmed);
  await audit(store, actor, { action: 'kiosk.enrol-code', targetType: 'kiosk', targetId: trimmed, detail: { name: trimmed, expiresAt: created.expiresAt } });
  return created;
}
