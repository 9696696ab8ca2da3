/**
 * Text normalisation shared by search, duplicate detection and form validation: one definition of
 * "the same name" and "the same postcode" for the whole app (and the server, which may import it).
 *
 * - Names: lowercase, accents stripped (compatibility decomposition, then the combining diacritics
 *   removed), apostrophes dropped ("O'Brien" = "OBrien"), every other punctuation or symbol becomes a
 *   space ("Smith-Jones" has the tokens "smith" and "jones"), spaces collapsed. Letters of every
 *   script are kept: a name in Arabic or Cyrillic normalises to itself, lowercased.
 * - Postcodes: uppercase with all whitespace removed, the form used for comparing and indexing.
 *   `formatPostcode` gives the display and storage form with the standard single space.
 */

/** Combining diacritical marks (U+0300–U+036F) left behind by decomposition: the "accents". */
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;
/** Apostrophes of every kind are dropped rather than turned into a space: "O'Brien" is one token. */
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4]/g;
/** Anything that is not a letter, a digit or a mark separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
/** Plain printable ASCII: most names, and the fast path that skips Unicode decomposition. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Already normal ("john smith"): the commonest case, returned without any replacing. */
const ALREADY_NORMAL = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Letters that Unicode decomposition leaves alone but that people type both ways.
 * Applied after lowercasing.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/g;

/** A name reduced to the form used for comparing and searching, e.g. "  José  O'Brien-Núñez" → "jose obrien nunez". */
export function normaliseName(s: string): string {
  let out = s.toLowerCase();
  if (ALREADY_NORMAL.test(out)) return out;
  if (!PRINTABLE_ASCII.test(out)) {
    out = out.normalize('NFKD').replace(COMBINING_DIACRITICS, '').replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch);
  }
  return out.replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

/** The tokens of a name after normalisation; empty for a blank name. */
export function nameTokens(s: string): string[] {
  const n = normaliseName(s);
  return n === '' ? [] : n.split(' ');
}

/** A postcode in comparison form: uppercase, no whitespace, e.g. " sw1a 1aa " → "SW1A1AA". */
export function normalisePostcode(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/**
 * UK postcode shape, on the normalised form: an outward code (A9, A99, AA9, AA99, A9A or AA9A) and
 * an inward code (a digit and two letters, never C, I, K, M, O or V, which Royal Mail does not use
 * there), plus the special GIR 0AA. It checks the shape only: a well-formed postcode may still not
 * be allocated, and we cannot know that offline.
 */
const UK_POSTCODE = /^(?:GIR0AA|[A-Z]{1,2}\d[A-Z\d]?\d[ABD-HJLNP-UW-Z]{2})$/;

/** True for a UK postcode in any case and spacing, e.g. "sw1a1aa" or "SW1A 1AA". */
export function isValidUkPostcode(s: string): boolean {
  return UK_POSTCODE.test(normalisePostcode(s));
}

/**
 * The stored and displayed form, uppercase with one space before the inward code ("SW1A 1AA").
 * Returns `null` for something that is not a UK postcode.
 */
export function formatPostcode(s: string): string | null {
  const n = normalisePostcode(s);
  if (!UK_POSTCODE.test(n)) return null;
  return `${n.slice(0, -3)} ${n.slice(-3)}`;
}

/**
 * Length in Unicode code points, the way JSON Schema's `maxLength` counts (Ajv's `ucs2length`):
 * an emoji is one character, not two UTF-16 units. Linear, no allocation.
 */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** True when `s` has more than `max` code points; constant time for most strings. */
export function isLongerThan(s: string, max: number): boolean {
  if (s.length <= max) return false; // code points never outnumber UTF-16 units
  if (s.length > 2 * max) return true; // each code point is at most two units
  return codePointLength(s) > max;
}
