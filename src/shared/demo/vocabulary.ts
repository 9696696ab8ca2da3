/**
 * The words of the demo casework: needs, case types, visit notes, outcomes and task titles, per team.
 * Notes are built from a kind-specific opener, a case-type-specific middle and an optional closer,
 * so 200,000 visits read differently without a text generator. `{first}` is the client's first name.
 * Weights are illustrative: they shape a believable caseload, not statistics.
 */
import type { VisitKind } from '../schemas/index';
import { TEAM, type TeamId } from './organisation';

type Weighted<T> = readonly (readonly [T, number])[];

export interface TeamProfile {
  /** Share of all clients this team registers. */
  share: number;
  needs: Weighted<string>;
  caseTypes: Weighted<string>;
  visitKinds: Weighted<VisitKind>;
}

export const TEAM_PROFILES: Readonly<Record<TeamId, TeamProfile>> = {
  [TEAM.street]: {
    share: 40,
    needs: [['housing', 30], ['food', 20], ['mental health', 15], ['substance use', 12], ['physical health', 10], ['benefits', 8], ['immigration advice', 5]],
    caseTypes: [['rough-sleeping', 30], ['housing', 25], ['benefits', 15], ['mental-health', 12], ['substance-use', 10], ['food', 8]],
    visitKinds: [['outreach', 70], ['drop-in', 15], ['phone', 15]],
  },
  [TEAM.housing]: {
    share: 35,
    needs: [['housing', 35], ['benefits', 20], ['debt', 15], ['mental health', 10], ['employment', 8], ['domestic abuse', 7], ['loneliness', 5]],
    caseTypes: [['housing', 40], ['tenancy-sustainment', 25], ['benefits', 20], ['debt', 15]],
    visitKinds: [['home', 50], ['phone', 30], ['drop-in', 10], ['online', 10]],
  },
  [TEAM.digital]: {
    share: 25,
    needs: [['digital skills', 45], ['benefits', 20], ['employment', 15], ['loneliness', 10], ['housing', 10]],
    caseTypes: [['digital-inclusion', 60], ['benefits', 25], ['employment', 15]],
    visitKinds: [['drop-in', 60], ['online', 20], ['phone', 20]],
  },
};

export const CONSENT_PURPOSES = {
  record: 'Keeping my information on record',
  share: 'Sharing my information with partner agencies',
  text: 'Contacting me by text message',
  actOnBehalf: 'A helper may sign in to online accounts with me',
} as const;

export const CONSENT_NOTES = ['Verbal consent, interpreter present.', 'Read the privacy notice together.', 'Signed paper form scanned at base.', 'Wants to think about sharing; ask again next visit.'] as const;

export const CLIENT_NOTES = [
  'Prefers a female worker.',
  'Has a dog; only pet-friendly hostels.',
  'Interpreter needed for appointments.',
  'Best reached in the morning.',
  'Hard of hearing: face them when speaking.',
  'Do not leave voicemails: shared phone.',
  'Uses a library computer; no device at home.',
  'Carer for an elderly parent.',
] as const;

export const CASE_SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  'rough-sleeping': ['Sleeping rough in the city centre; wants a hostel place.', 'Bedding down near the station; history of evictions.', 'New to the streets after a relationship breakdown.'],
  housing: ['Sofa-surfing; needs settled accommodation.', 'Facing a section 21 notice; homelessness application needed.', 'Overcrowded flat; wants to join the housing register.', 'Leaving hospital with nowhere to go.'],
  'tenancy-sustainment': ['New tenancy; needs help setting up bills and furniture.', 'Rent arrears building; at risk of losing the tenancy.', 'Neighbour dispute putting the tenancy at risk.'],
  benefits: ['Universal Credit claim stalled; needs help with the journal.', 'PIP application to complete.', 'Sanctioned; wants to challenge the decision.', 'Not claiming Pension Credit; check entitlement.'],
  debt: ['Council tax arrears and a bailiff letter.', 'Several payday loans; wants a debt plan.', 'Energy debt on a prepayment meter.'],
  'mental-health': ['Low mood and isolation; not registered with a GP.', 'Anxiety after a crisis; wants talking therapy.'],
  'substance-use': ['Alcohol use affecting hostel placements.', 'Wants a referral to the drug and alcohol service.'],
  food: ['Skipping meals; needs food bank vouchers.', 'No cooking facilities; needs hot-meal options.'],
  'digital-inclusion': ['First time online; wants to manage Universal Credit alone.', 'Has a donated tablet; learning email and video calls.', 'Wants to book GP appointments online.', 'Needs a GOV.UK One Login and confidence with forms.'],
  employment: ['Looking for warehouse work; needs a CV and online applications.', 'Wants to get back into care work; DBS and training online.'],
};

export const CLOSED_REASONS = ['Outcome achieved', 'Moved out of area', 'Referred on to a specialist service', 'No longer wants support', 'Lost contact'] as const;

export const NOTE_OPENERS: Readonly<Record<VisitKind, readonly string[]>> = {
  outreach: ['Found {first} at the usual spot by the bus station.', 'Met {first} on the early outreach round near the market.', '{first} came over to the team at the soup run.', 'Checked on {first} in the Briggate doorways.'],
  home: ["Home visit to {first}'s flat.", 'Visited {first} at home with the housing officer.', "Called round to {first}'s; flat tidy and warm today."],
  'drop-in': ['{first} came to the Tuesday drop-in at the library.', 'Saw {first} at the community centre drop-in.', '{first} popped into the Riverside Centre without an appointment.'],
  phone: ['Phoned {first}.', '{first} rang the office.', 'Quick call with {first} to check in.'],
  online: ['Video call with {first}.', 'Helped {first} over a video call, sharing the screen.'],
};

export const NOTE_MIDDLES: Readonly<Record<string, readonly string[]>> = {
  'rough-sleeping': ['Offered a hostel bed; declined for now but will think about it.', 'Gave a sleeping bag and a hot drink; checked feet for trench foot.', 'Agreed to a StreetLink referral and a housing assessment.'],
  housing: ['Went through the housing register form; waiting on banding.', 'Chased the council about the homelessness decision.', 'Looked at two private rented flats within the housing allowance.', 'Gathered ID and proof of income for the application.'],
  'tenancy-sustainment': ['Set up direct debits for gas and electricity.', 'Rent account now in credit; landlord happy.', 'Arranged a furniture bank delivery for next week.'],
  benefits: ['Checked the Universal Credit journal and answered the work coach.', 'Started the PIP form; covered daily living.', 'Wrote a mandatory reconsideration letter together.', 'Ran a benefits check: likely entitled to Pension Credit.'],
  debt: ['Listed priority debts; council tax arrears agreed at £20 a month.', 'Referred to StepChange for a debt management plan.', 'Applied for a hardship payment from the energy supplier.'],
  'mental-health': ['Low mood; agreed to self-refer to talking therapies.', 'Registered with a GP practice together.', 'Talked through the crisis line numbers.'],
  'substance-use': ['Talked about harm reduction; gave naloxone information.', 'Referred to Forward Leeds; first appointment booked.'],
  food: ['Gave a food bank voucher.', 'Shared the list of free hot-meal sessions this week.'],
  'digital-inclusion': ['Practised email: sent an attachment without help today.', 'Set up a GOV.UK One Login with the phone app.', 'Logged in to Universal Credit alone for the first time.', 'Booked a GP appointment online together.', 'Practised spotting scam texts.'],
  employment: ['Updated the CV and applied for two warehouse jobs online.', 'Started the online DBS application.', 'Practised a video interview.'],
};

export const NOTE_CLOSERS = ['', '', 'Next contact in a week.', 'Will follow up on Friday.', '{first} seemed brighter today.', '{first} was tired; kept it short.'] as const;

export const OUTCOMES: Readonly<Record<string, readonly string[]>> = {
  'rough-sleeping': ['Hostel place offered', 'StreetLink referral made', 'Essentials given'],
  housing: ['Housing application updated', 'Homelessness duty accepted', 'Viewing arranged', 'Signposted'],
  'tenancy-sustainment': ['Bills set up', 'Arrears plan agreed', 'Furniture arranged'],
  benefits: ['Benefit claim submitted', 'Reconsideration requested', 'Benefit check done'],
  debt: ['Debt plan agreed', 'Referral made', 'Hardship grant applied for'],
  'mental-health': ['GP registration', 'Referral made', 'Signposted'],
  'substance-use': ['Referral made', 'Harm reduction advice'],
  food: ['Food bank voucher issued', 'Signposted'],
  'digital-inclusion': ['Digital skill practised', 'Account set up', 'Completed task independently'],
  employment: ['Job application made', 'CV updated', 'Training booked'],
};

export const TASK_TITLES: Readonly<Record<string, readonly string[]>> = {
  'rough-sleeping': ['Check if {first} took up the hostel bed', 'Chase StreetLink referral for {first}', 'Bring spare socks for {first}'],
  housing: ['Chase housing register banding for {first}', 'Call council about {first}\'s homelessness decision', 'Book viewing with {first}'],
  'tenancy-sustainment': ['Check furniture delivery for {first}', 'Call landlord about {first}\'s repairs'],
  benefits: ['Check UC journal with {first}', 'Post PIP form for {first}', 'Chase reconsideration for {first}'],
  debt: ['Send income and expenditure form for {first}', 'Call bailiffs on {first}\'s behalf'],
  'mental-health': ['Check {first} got the GP appointment', 'Follow up talking therapies referral for {first}'],
  'substance-use': ['Confirm Forward Leeds appointment for {first}'],
  food: ['Drop food bank voucher to {first}'],
  'digital-inclusion': ['Practise online banking with {first}', 'Reset {first}\'s One Login password', 'Book {first} on the Thursday email session'],
  employment: ['Check job application replies with {first}', 'Find forklift course for {first}'],
};

export function fill(template: string, first: string): string {
  return template.replaceAll('{first}', first);
}

export function listFor(table: Readonly<Record<string, readonly string[]>>, key: string): readonly string[] {
  const list = table[key];
  if (!list) throw new Error(`demo vocabulary has no entry for ${key}`);
  return list;
}
