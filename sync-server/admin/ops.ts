/**
 * Administrative operations over a Store, shared by the admin CLI (and usable from tests): add a team,
 * add a user, revoke a user or a device, create a kiosk enrolment code. Each validates its input and
 * throws AdminError with a message a person can act on.
 */
import { isRole, ROLES, type Role } from '#shared/domain/roles';
import { AuthService } from '../auth/service';
import { hashPassword } from '../auth/passwords';
import { DuplicateError, type Store, type Team, type UserRecord } from '../storage/types';

export class AdminError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminError';
  }
}

/**
 * At least 10 characters: long enough that three random words (NCSC's advice) pass and a short
 * guessable word does not; scrypt and the login limits do the rest.
 */
export const MIN_PASSWORD_LENGTH = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function rethrowDuplicate<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DuplicateError) throw new AdminError(error.message);
    throw error;
  }
}

export async function addTeam(store: Store, name: string): Promise<Team> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AdminError('A team name must be 1 to 100 characters.');
  return rethrowDuplicate(store.createTeam(trimmed));
}

export interface NewUserInput {
  email: string;
  name: string;
  role: string;
  teams: string[];
  password: string;
}

export async function addUser(store: Store, input: NewUserInput): Promise<{ user: UserRecord; teams: Team[] }> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new AdminError(`"${input.email}" is not an email address.`);
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new AdminError('A name must be 1 to 200 characters.');
  const role: Role | null = isRole(input.role) && input.role !== 'kiosk' ? input.role : null;
  if (!role) throw new AdminError(`The role must be one of ${ROLES.filter((r) => r !== 'kiosk').join(', ')} (kiosks are enrolled with kiosk:enrol).`);
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AdminError(`The password must be at least ${MIN_PASSWORD_LENGTH} characters.`);
  const teams: Team[] = [];
  for (const teamName of input.teams) {
    const team = await store.findTeamByName(teamName.trim());
    if (!team) throw new AdminError(`There is no team called "${teamName}". Add it first with team:add.`);
    teams.push(team);
  }
  const passwordHash = await hashPassword(input.password);
  const user = await rethrowDuplicate(store.createUser({ email, name, role, passwordHash, teamIds: teams.map((t) => t.id) }));
  return { user, teams };
}

/** Switches the account off and signs it out everywhere; its devices are told to wipe (A4). */
export async function revokeUser(store: Store, email: string): Promise<UserRecord> {
  const user = await store.findUserByEmail(email);
  if (!user) throw new AdminError(`There is no user with the email ${email}.`);
  await store.setUserActive(user.id, false);
  await store.revokeUserTokens(user.id);
  return user;
}

export async function revokeDevice(store: Store, deviceId: string): Promise<void> {
  const device = await store.getDevice(deviceId);
  if (!device) throw new AdminError(`There is no device with the id ${deviceId}.`);
  await store.revokeDevice(deviceId);
}

export async function enrolKiosk(store: Store, name: string, auth: AuthService): Promise<{ code: string; expiresAt: string }> {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100) throw new AdminError('A kiosk name must be 1 to 100 characters.');
  return auth.createEnrolmentCode(trimmed);
}
