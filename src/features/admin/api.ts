/**
 * The coordinator's management calls to the sync server (/api/admin/*, sync-server/http/routes/admin.ts).
 * These screens are online-only: nothing here is stored on the device. Failures come back as
 * plain-English messages, with the input field the server named when it named one.
 */
import type { ApiOptions } from '#sync/api';
import type { Role } from '#shared/domain/roles';

export interface Person {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  active: boolean;
  teamIds: string[];
  createdAt: string;
}

export interface Team {
  id: string;
  name: string;
}

export interface DeviceRow {
  id: string;
  name: string;
  userId: string;
  userName: string;
  role: Role | null;
  appVersion: string | null;
  lastSyncAt: string | null;
  unsyncedBacklog: number | null;
  revoked: boolean;
  createdAt: string;
  current: boolean;
}

export interface AuditEntry {
  at: string;
  action: 'create' | 'update' | 'delete' | 'quarantine';
  collection: string;
  documentId: string;
  writeId: string;
  userId: string;
  userName: string;
  deviceId: string | null;
  deviceName: string | null;
}

export interface AdminAction {
  at: string;
  action: string;
  actorId: string;
  actorName: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
}

export interface NewPerson {
  name: string;
  email: string;
  role: string;
  teamIds: string[];
  password: string;
}

/** A failed call: a message for a person, and the field it is about when the server said. */
export class AdminCallError extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'AdminCallError';
  }
}

export const OFFLINE_MESSAGE = 'You are offline. Managing people, devices and audit trails needs a connection to the server. Try again when you are back online.';

interface Envelope {
  error?: { message?: unknown; details?: { field?: unknown } | null };
}

/**
 * One call with the bearer token. Not apiJson: a refusal's `details.field` matters here (the form
 * puts the message beside that field), and apiJson keeps only the message.
 */
async function send<T>(api: ApiOptions, path: string, method = 'GET', body?: unknown): Promise<T> {
  const headers = new Headers({ authorization: `Bearer ${api.token}` });
  if (body !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await api.fetch(`${api.baseUrl}${path}`, { method, headers, cache: 'no-store', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch {
    throw new AdminCallError(OFFLINE_MESSAGE, true);
  }
  if (res.ok) return (await res.json()) as T;
  let envelope: Envelope = {};
  try {
    envelope = (await res.json()) as Envelope;
  } catch {
    // Not our envelope (a proxy's error page): fall back to the status below.
  }
  const message = typeof envelope.error?.message === 'string' ? envelope.error.message : `The server could not do that (it answered ${res.status}). Try again in a minute.`;
  const field = envelope.error?.details?.field;
  throw new AdminCallError(message, false, typeof field === 'string' ? field : null);
}

const call = <T>(api: ApiOptions, path: string): Promise<T> => send<T>(api, path);

export const adminApi = {
  people: (api: ApiOptions) => call<{ users: Person[]; teams: Team[] }>(api, '/api/admin/people'),
  addPerson: (api: ApiOptions, person: NewPerson) => send<{ user: Person }>(api, '/api/admin/people', 'POST', person),
  changePerson: (api: ApiOptions, id: string, changes: { role?: string; teamIds?: string[] }) =>
    send<{ user: Person }>(api, `/api/admin/people/${encodeURIComponent(id)}`, 'PATCH', changes),
  setActive: (api: ApiOptions, id: string, active: boolean) =>
    send<{ user: Person }>(api, `/api/admin/people/${encodeURIComponent(id)}/${active ? 'reactivate' : 'deactivate'}`, 'POST'),
  resetPassword: (api: ApiOptions, id: string, password: string) => send<{ ok: true }>(api, `/api/admin/people/${encodeURIComponent(id)}/password`, 'POST', { password }),
  addTeam: (api: ApiOptions, name: string) => send<{ team: Team }>(api, '/api/admin/teams', 'POST', { name }),
  devices: (api: ApiOptions) => call<{ devices: DeviceRow[] }>(api, '/api/admin/devices'),
  revokeDevice: (api: ApiOptions, id: string) => send<{ ok: true }>(api, `/api/admin/devices/${encodeURIComponent(id)}/revoke`, 'POST'),
  heldDealtWith: (api: ApiOptions, id: number) => send<{ ok: true }>(api, `/api/admin/held/${encodeURIComponent(String(id))}/dealt-with`, 'POST'),
  clientAudit: (api: ApiOptions, clientId: string) =>
    call<{ clientId: string; truncated: boolean; entries: AuditEntry[] }>(api, `/api/admin/clients/${encodeURIComponent(clientId)}/audit`),
  adminActions: (api: ApiOptions) => call<{ entries: AdminAction[] }>(api, '/api/admin/audit'),
  settings: (api: ApiOptions) => call<{ idleLockMinutes: number }>(api, '/api/settings'),
  saveSettings: (api: ApiOptions, idleLockMinutes: number) => send<{ idleLockMinutes: number }>(api, '/api/admin/settings', 'PUT', { idleLockMinutes }),
};
