/**
 * Sign-in, kiosk enrolment, sign-out and token checks (B2, A4). Owns the order of the checks on every
 * authenticated request and the login rate limits; knows nothing of HTTP beyond the error codes.
 */
import type { SessionUser } from '#shared/domain/roles';
import { ApiError } from '../http/errors';
import { FailureCounter, retryAfterSeconds } from '../http/rate-limit';
import type { DeviceRecord, Store, UserRecord } from '../storage/types';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { deviceKeySecret, loadOrCreateKeySecret } from './device-key';
import { ENROLMENT_CODE_TTL_MS, hashSecret, newEnrolmentCode, newToken, normaliseEnrolmentCode } from './tokens';

const DAY_MS = 24 * 60 * 60_000;

export interface Session {
  user: UserRecord;
  device: DeviceRecord;
  tokenHash: string;
}

export interface AuthOptions {
  tokenTtlDays: number;
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  /** Server key for `deviceKeySecret` (RESONANCE_KEY_SECRET); when absent, a file in dataDir. */
  keySecret?: string | null;
  dataDir?: string;
}

export interface DeviceInput {
  deviceId: string;
  deviceName: string;
}

const WIPE = { wipe: true };

export class AuthService {
  private readonly accountFailures: FailureCounter;
  private readonly addressFailures: FailureCounter;
  private serverKey: string | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: AuthOptions,
  ) {
    this.accountFailures = new FailureCounter(options.loginFailuresPerAccount);
    this.addressFailures = new FailureCounter(options.loginFailuresPerAddress);
  }

  async sessionUser(user: UserRecord): Promise<SessionUser> {
    const teams = await this.store.listTeams();
    return { id: user.id, name: user.name, role: user.role, teams: teams.filter((t) => user.teamIds.includes(t.id)) };
  }

  /** Read (or created) on the first login, so the admin CLI never touches the key file. */
  private keyFor(userId: string, deviceId: string): string {
    if (!this.serverKey) {
      if (this.options.keySecret) this.serverKey = this.options.keySecret;
      else if (this.options.dataDir) this.serverKey = loadOrCreateKeySecret(this.options.dataDir);
      else throw new Error('AuthService needs keySecret or dataDir to sign people in.');
    }
    return deviceKeySecret(this.serverKey, userId, deviceId);
  }

  private checkLimits(keys: { account?: string; address: string }): void {
    const wait = Math.max(keys.account ? this.accountFailures.blockedFor(keys.account) : 0, this.addressFailures.blockedFor(keys.address));
    if (wait > 0) {
      throw new ApiError('rate-limited', 'Too many failed attempts. Wait a few minutes and try again, or ask your coordinator to reset your password.', null, {
        'Retry-After': retryAfterSeconds(wait),
      });
    }
  }

  private fail(keys: { account?: string; address: string }): void {
    if (keys.account) this.accountFailures.record(keys.account);
    this.addressFailures.record(keys.address);
  }

  private async issue(userId: string, device: DeviceInput): Promise<{ token: string; expiresAt: string; device: DeviceRecord }> {
    const existing = await this.store.getDevice(device.deviceId);
    if (existing?.revoked) {
      throw new ApiError('device-revoked', 'This device has been switched off by your coordinator. Its local data must be wiped.', WIPE);
    }
    const record = await this.store.upsertDevice({ id: device.deviceId, name: device.deviceName, userId });
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.options.tokenTtlDays * DAY_MS).toISOString();
    await this.store.createToken({ hash: hashSecret(token), userId, deviceId: device.deviceId, expiresAt });
    return { token, expiresAt, device: record };
  }

  async login(input: { email: string; password: string } & DeviceInput, address: string) {
    const keys = { account: input.email.trim().toLowerCase(), address };
    this.checkLimits(keys);
    const user = await this.store.findUserByEmail(input.email);
    const valid = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
    if (!user || !valid) {
      this.fail(keys);
      throw new ApiError('invalid-credentials', 'The email or password is not right. Check them and try again.');
    }
    if (!user.active) throw new ApiError('user-revoked', 'This account has been switched off. Ask your coordinator.', WIPE);
    this.accountFailures.reset(keys.account);
    const issued = await this.issue(user.id, input);
    // Only after every check (user active, device not revoked): a revoked tablet never gets it.
    const secret = this.keyFor(user.id, input.deviceId);
    return { token: issued.token, expiresAt: issued.expiresAt, user: await this.sessionUser(user), deviceKeySecret: secret };
  }

  async enrol(input: { code: string } & DeviceInput, address: string) {
    const keys = { address };
    this.checkLimits(keys);
    const now = new Date().toISOString();
    const code = await this.store.consumeEnrolmentCode(hashSecret(normaliseEnrolmentCode(input.code)), now);
    if (!code) {
      this.fail(keys);
      throw new ApiError('invalid-code', 'That enrolment code is not right, has been used, or has expired. Ask your coordinator for a new one.');
    }
    const user = await this.store.createUser({ email: null, name: code.name, role: 'kiosk', passwordHash: null, teamIds: [] });
    const issued = await this.issue(user.id, { deviceId: input.deviceId, deviceName: input.deviceName || code.name });
    return {
      token: issued.token,
      expiresAt: issued.expiresAt,
      device: { id: issued.device.id, name: issued.device.name, role: 'kiosk' as const },
      user: await this.sessionUser(user),
    };
  }

  /** A one-time kiosk enrolment code; only its hash is stored. */
  async createEnrolmentCode(name: string): Promise<{ code: string; expiresAt: string }> {
    const code = newEnrolmentCode();
    const expiresAt = new Date(Date.now() + ENROLMENT_CODE_TTL_MS).toISOString();
    await this.store.createEnrolmentCode({ hash: hashSecret(normaliseEnrolmentCode(code)), name, expiresAt });
    return { code, expiresAt };
  }

  /**
   * The checks on every authenticated request, in this order: unknown token; revoked device (told to
   * wipe, A4); switched-off user (also wiped: their data must leave shared tablets); revoked or expired
   * token (sign in again, keep local data).
   */
  async authenticate(token: string | null): Promise<Session> {
    if (!token) throw new ApiError('unauthenticated', 'Sign in to continue.');
    const tokenHash = hashSecret(token);
    const record = await this.store.findToken(tokenHash);
    if (!record) throw new ApiError('unauthenticated', 'Your sign-in is not recognised. Sign in again.');
    const [device, user] = await Promise.all([this.store.getDevice(record.deviceId), this.store.findUserById(record.userId)]);
    if (!device || device.revoked) {
      throw new ApiError('device-revoked', 'This device has been switched off by your coordinator. Its local data must be wiped.', WIPE);
    }
    if (!user?.active) throw new ApiError('user-revoked', 'This account has been switched off. Ask your coordinator.', WIPE);
    if (record.revoked) throw new ApiError('unauthenticated', 'You have been signed out. Sign in again.');
    if (Date.parse(record.expiresAt) <= Date.now()) throw new ApiError('unauthenticated', 'Your sign-in has expired. Sign in again while you have a connection.');
    return { user, device, tokenHash };
  }

  async logout(session: Session): Promise<void> {
    await this.store.revokeToken(session.tokenHash);
  }
}
