/**
 * Addresses and contact details for demo clients. Postcodes have the real UK format (outward code of
 * a Leeds district, then digit and two letters from the inward-code alphabet, which never uses
 * C, I, K, M, O or V); they are plausible, not checked against Royal Mail. Phone numbers come from
 * Ofcom's ranges reserved for drama (07700 900xxx, 0113 496 0xxx), so none can ring a real person.
 * Email addresses use the reserved example.* domains.
 */
import type { Rng } from './random';

export const CITY = 'Leeds';

const OUTWARD_CODES = ['LS1', 'LS2', 'LS3', 'LS4', 'LS5', 'LS6', 'LS7', 'LS8', 'LS9', 'LS10', 'LS11', 'LS12', 'LS13', 'LS14', 'LS15', 'LS16', 'LS17', 'LS27', 'LS28'] as const;
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

const STREETS = [
  'Harehills Lane', 'Roundhay Road', 'Chapeltown Road', 'Beeston Road', 'Dewsbury Road', 'Burley Road',
  'Meanwood Road', 'Tong Road', 'York Road', 'Kirkstall Road', 'Woodhouse Lane', 'Cross Flatts Grove',
  'Bankside Street', 'Compton Road', 'Sholebroke Avenue', 'Cowper Street', 'Nowell Mount', 'Lincoln Green Road',
  'Stanningley Road', 'Armley Ridge Road', 'Seacroft Crescent', 'Holbeck Lane', 'Hunslet Road', 'Cardigan Road',
  'Hyde Park Road', 'Royal Park Terrace', 'Ashley Road', 'Gipton Approach', 'Middleton Park Avenue', 'Belle Isle Road',
] as const;

/** Where someone with no address can be found; street outreach records this instead of a postcode. */
const NO_FIXED_ABODE = [
  'No fixed abode (usually near the bus station)',
  'No fixed abode (sofa-surfing with friends)',
  'St George\'s Crypt night shelter',
  'No fixed abode (sleeps in the Kirkgate Market doorways)',
  'Emergency B&B placement, Beeston',
] as const;

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

export function postcode(rng: Rng): string {
  const letters = INWARD_LETTERS.charAt(rng.int(0, INWARD_LETTERS.length - 1)) + INWARD_LETTERS.charAt(rng.int(0, INWARD_LETTERS.length - 1));
  return `${rng.pick(OUTWARD_CODES)} ${rng.int(0, 9)}${letters}`;
}

export function streetAddress(rng: Rng): string {
  const flat = rng.chance(0.35) ? `Flat ${rng.int(1, 24)}, ` : '';
  return `${flat}${rng.int(1, 220)} ${rng.pick(STREETS)}, ${CITY}`;
}

export function noFixedAbode(rng: Rng): string {
  return rng.pick(NO_FIXED_ABODE);
}

export function mobile(rng: Rng): string {
  return `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`;
}

export function landline(rng: Rng): string {
  return `0113 496 0${String(rng.int(0, 999)).padStart(3, '0')}`;
}

/** `first.last42@example.org`, ASCII letters only (accents and apostrophes dropped). */
export function email(rng: Rng, first: string, last: string): string {
  const clean = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  const digits = rng.chance(0.5) ? String(rng.int(1, 99)) : '';
  return `${clean(first)}.${clean(last)}${digits}@${rng.pick(EMAIL_DOMAINS)}`;
}
