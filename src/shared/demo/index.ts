/** Public entry of the demo organisation generator; see README.md beside this file. */
export { DEFAULT_NOW, DEFAULT_SEED, DEMO_SIZES, generateDemoOrg, type DemoOptions, type DemoOrg } from './generate';
export {
  DEMO_CONTRACTS, DEMO_ORG_NAME, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_TEAMS, DEMO_USERS, TEAM, type DemoTeam, type DemoUser,
} from './organisation';
