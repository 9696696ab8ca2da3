/** Roles the server enforces (product.md, "Shared-tablet security"). */
export const ROLES = ['coordinator', 'worker', 'helper', 'kiosk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  coordinator: 'Coordinator',
  worker: 'Outreach worker',
  helper: 'Assisted-digital helper',
  kiosk: 'Kiosk',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface TeamRef {
  id: string;
  name: string;
}

/** The signed-in user as the server describes them at login. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  teams: TeamRef[];
}
