/**
 * Demo clients: who they are (name, date of birth, language) and the record a worker made of them.
 *
 * A person's identity comes from its own random stream keyed by their index, so a near-duplicate
 * registration can recreate the original's identity without keeping it in memory, and the first
 * 300 people of the 50,000 set are the people of the default set.
 */
import type { Client, Consent } from '../schemas/index';
import { BACKGROUNDS, SPELLING_VARIANTS } from './names';
import type { DemoUser } from './organisation';
import { email, landline, mobile, noFixedAbode, postcode, streetAddress } from './places';
import { createRng, type Rng } from './random';
import { DAY, MINUTE, YEAR, iso, isoDate } from './time';
import { CLIENT_NOTES, CONSENT_NOTES, CONSENT_PURPOSES } from './vocabulary';

/** Salt that separates the identity stream from the casework stream of the same client. */
const IDENTITY_SALT = 0x1d;

/**
 * One registration in 50 is a second record of someone already registered (spelling variant, same
 * date of birth). 2% sits inside the 1-3% duplicate rate case-management vendors commonly quote,
 * and gives the default 300-client set six pairs to show the duplicate warning. The offset keeps
 * the first duplicate away from index 0, which has nobody before it to duplicate.
 */
const DUPLICATE_EVERY = 50;
const DUPLICATE_OFFSET = 37;

/** Adult age bands with illustrative weights: most clients are of working age. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[18, 24], 12], [[25, 34], 22], [[35, 44], 22], [[45, 54], 18], [[55, 64], 14], [[65, 89], 12],
];

export interface Identity {
  first: string;
  last: string;
  dateOfBirth: string;
  language: string;
}

const BACKGROUND_WEIGHTS = BACKGROUNDS.map((b) => [b, b.weight] as const);

export function identity(seed: number, index: number, nowMs: number): Identity {
  const rng = createRng(seed, index, IDENTITY_SALT);
  const bg = rng.weighted(BACKGROUND_WEIGHTS);
  const first = rng.pick(rng.chance(0.5) ? bg.female : bg.male);
  const last = rng.pick(bg.surnames);
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const born = nowMs - rng.int(minAge, maxAge) * YEAR - rng.int(0, 364) * DAY;
  return { first, last, dateOfBirth: isoDate(born), language: rng.weighted(bg.languages) };
}

export function isNearDuplicate(index: number): boolean {
  return index % DUPLICATE_EVERY === DUPLICATE_OFFSET;
}

/** The index of the earlier person a near-duplicate registration repeats (never itself a duplicate). */
export function originalOf(index: number, rng: Rng): number {
  const j = rng.int(0, index - 1);
  return isNearDuplicate(j) ? j - 1 : j;
}

/** A differently written name for the same person: a known variant spelling, else a slip of the pen. */
export function variantName(person: Identity, rng: Rng): Pick<Identity, 'first' | 'last'> {
  const firstVariants = SPELLING_VARIANTS[person.first];
  const lastVariants = SPELLING_VARIANTS[person.last];
  if (firstVariants && (!lastVariants || rng.chance(0.5))) return { first: rng.pick(firstVariants), last: person.last };
  if (lastVariants) return { first: person.first, last: rng.pick(lastVariants) };
  const last = person.last;
  const doubled = /(.)\1/.exec(last);
  if (doubled && rng.chance(0.5)) return { first: person.first, last: last.slice(0, doubled.index) + last.slice(doubled.index + 1) };
  if (last.length > 4 && rng.chance(0.5)) {
    // Swap two letters in the middle: "Thompson" -> "Thomspon".
    const k = rng.int(1, last.length - 3);
    return { first: person.first, last: last.slice(0, k) + last.charAt(k + 1) + last.charAt(k) + last.slice(k + 2) };
  }
  return { first: person.first.toLowerCase(), last: last.toLowerCase() };
}

export interface ClientDraft {
  rng: Rng;
  id: string;
  person: Identity;
  teamId: string;
  createdBy: DemoUser;
  createdAtMs: number;
  nowMs: number;
  homeless: boolean;
}

function consents(d: ClientDraft, hasPhone: boolean): Consent[] {
  const { rng } = d;
  const at = iso(d.createdAtMs + rng.int(0, 30) * MINUTE);
  const consent = (purpose: string, given: boolean): Consent => ({
    purpose,
    given,
    at,
    recordedBy: d.createdBy.id,
    ...(rng.chance(0.1) ? { notes: rng.pick(CONSENT_NOTES) } : {}),
  });
  const out = [consent(CONSENT_PURPOSES.record, rng.chance(0.97))];
  out.push(consent(CONSENT_PURPOSES.share, rng.chance(0.7)));
  if (hasPhone) out.push(consent(CONSENT_PURPOSES.text, rng.chance(0.6)));
  if (d.createdBy.role === 'helper') out.push(consent(CONSENT_PURPOSES.actOnBehalf, rng.chance(0.8)));
  return out;
}

export function clientRecord(d: ClientDraft, needs: string[]): Client {
  const { rng, person } = d;
  const phone = rng.chance(d.homeless ? 0.45 : 0.85) ? (rng.chance(0.85) ? mobile(rng) : landline(rng)) : undefined;
  const mail = !d.homeless && rng.chance(0.35) ? email(rng, person.first, person.last) : undefined;
  const edited = rng.chance(0.3) ? d.createdAtMs + rng.next() * (d.nowMs - d.createdAtMs) : d.createdAtMs;
  return {
    id: d.id,
    name: `${person.first} ${person.last}`,
    teamId: d.teamId,
    createdBy: d.createdBy.id,
    dateOfBirth: person.dateOfBirth,
    ...(phone ? { phone } : {}),
    ...(mail ? { email: mail } : {}),
    ...(d.homeless ? { address: noFixedAbode(rng) } : { address: streetAddress(rng), postcode: postcode(rng) }),
    language: person.language,
    needs,
    consents: consents(d, phone !== undefined),
    ...(rng.chance(0.15) ? { notes: rng.pick(CLIENT_NOTES) } : {}),
    writeId: rng.hexId(),
    createdAt: iso(d.createdAtMs),
    clientUpdatedAt: iso(edited),
  };
}
