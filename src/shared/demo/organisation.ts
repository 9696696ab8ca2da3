/**
 * The people of the demo organisation, Riverside Community Trust: three teams, one coordinator, six
 * outreach workers, three assisted-digital helpers and a reception kiosk. These are fixed (not drawn
 * from the seed) so the sign-ins in README.md never change. Ids are readable because people type
 * them into test fixtures and logs; client records use random-looking ids like real devices do.
 */
import type { Role } from '../domain/roles';

/** The one password every demo account shares. Demo only: never seed it into a real deployment. */
export const DEMO_PASSWORD = 'resonance-demo';
export const DEMO_ORG_NAME = 'Riverside Community Trust';

export interface DemoTeam {
  id: string;
  name: string;
}

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  password: string;
}

/** Stable team ids, also used as keys by the casework vocabulary. */
export const TEAM = {
  street: 'team_street_outreach',
  digital: 'team_digital_inclusion',
  housing: 'team_housing_support',
} as const;
export type TeamId = (typeof TEAM)[keyof typeof TEAM];

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { id: TEAM.street, name: 'Street Outreach' },
  { id: TEAM.digital, name: 'Digital Inclusion' },
  { id: TEAM.housing, name: 'Housing Support' },
];

const ALL_TEAMS = [TEAM.street, TEAM.digital, TEAM.housing];

function user(id: string, local: string, name: string, role: Role, teamIds: string[]): DemoUser {
  return { id, email: `${local}@riverside.example`, name, role, teamIds, password: DEMO_PASSWORD };
}

/**
 * Tomasz works across Street Outreach and Housing Support, so one account exercises a worker who
 * sees two teams' shared cases.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  user('u_coord_amara', 'coord', 'Amara Okafor', 'coordinator', ALL_TEAMS),
  user('u_worker_sam', 'sam', 'Sam Whitfield', 'worker', [TEAM.street]),
  user('u_worker_aisha', 'aisha', 'Aisha Rahman', 'worker', [TEAM.street]),
  user('u_worker_tomasz', 'tomasz', 'Tomasz Nowicki', 'worker', [TEAM.street, TEAM.housing]),
  user('u_worker_grace', 'grace', 'Grace Mensah', 'worker', [TEAM.housing]),
  user('u_worker_owen', 'owen', 'Owen Pritchard', 'worker', [TEAM.housing]),
  user('u_worker_mei', 'mei', 'Mei Lin Chen', 'worker', [TEAM.housing]),
  user('u_helper_priya', 'priya', 'Priya Sharma', 'helper', [TEAM.digital]),
  user('u_helper_dylan', 'dylan', 'Dylan Hughes', 'helper', [TEAM.digital]),
  user('u_helper_fatima', 'fatima', 'Fatima Hussain', 'helper', [TEAM.digital]),
  user('u_kiosk_reception', 'kiosk', 'Reception kiosk, Riverside Centre', 'kiosk', [TEAM.digital]),
];

/** The sign-ins to quote in demos and docs: one per role. */
export const DEMO_SIGN_INS = {
  coordinator: { email: 'coord@riverside.example', password: DEMO_PASSWORD },
  worker: { email: 'sam@riverside.example', password: DEMO_PASSWORD },
  helper: { email: 'priya@riverside.example', password: DEMO_PASSWORD },
  kiosk: { email: 'kiosk@riverside.example', password: DEMO_PASSWORD },
} as const satisfies Record<Role, { email: string; password: string }>;

/** Who can hold cases in a team (workers and helpers; never the coordinator or the kiosk). */
export function caseholders(teamId: string): DemoUser[] {
  return DEMO_USERS.filter((u) => (u.role === 'worker' || u.role === 'helper') && u.teamIds.includes(teamId));
}

/**
 * Funding contracts the demo cases cite in `contractId`. There is no contracts collection yet; these
 * ids are what a contracts seed should use so the references resolve.
 */
export const DEMO_CONTRACTS = [
  { id: 'contract_street_2025', teamId: TEAM.street, name: 'Reaching Communities: Street Outreach 2025-28', funder: 'The National Lottery Community Fund' },
  { id: 'contract_housing_2026', teamId: TEAM.housing, name: 'Tenancy Sustainment 2026-27', funder: 'Leeds City Council' },
  { id: 'contract_digital_2026', teamId: TEAM.digital, name: 'Digital Skills for Life 2026', funder: 'Good Things Foundation' },
] as const;
