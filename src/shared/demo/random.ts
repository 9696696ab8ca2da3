/**
 * Seeded randomness for the demo organisation. Nothing here reads the clock or Math.random, so the
 * same seed always yields the same organisation, byte for byte.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting" PRNG, 128-bit state, passes
 * PractRand). Mulberry32 was the first choice but has only 32 bits of state: with one stream per
 * client, 50,000 streams would overlap and repeat ids. sfc32 streams are seeded with the seed words
 * written straight into the state, so two different (seed, stream, salt) triples never start equal.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element, uniformly. Throws on an empty list (a bug in the vocabulary, not an input). */
  pick<T>(items: readonly T[]): T;
  /** One element by weight: `[[value, weight], ...]`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** Up to `count` distinct elements, in list order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** 32 lowercase hex characters: the same shape as a device-generated id (lib/ids.ts). */
  hexId(): string;
}

/**
 * Rounds of output thrown away after seeding. sfc32's authors recommend 12 or more so that
 * low-entropy seeds (0, 1, 2 …) have mixed into every state word before the first real draw.
 */
const WARM_UP_ROUNDS = 15;
const TWO_POW_32 = 4294967296;

function sfc32(a0: number, b0: number, c0: number, d0: number): () => number {
  let a = a0 | 0;
  let b = b0 | 0;
  let c = c0 | 0;
  let d = d0 | 0;
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}

/** Char codes of 0-9a-f. */
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
const ID_CHARS = 32;

/**
 * 32 hex characters from four draws, built from char codes in one call. Concatenating four
 * `toString(16)` pieces was a fifth of the 50,000-client run and left each id as a rope of five
 * heap objects; this makes one flat string.
 */
function hexId(u32: () => number, buf: number[]): string {
  for (let w = 0; w < ID_CHARS; w += 8) {
    let n = u32();
    for (let k = 7; k >= 0; k--) {
      buf[w + k] = HEX[n & 15] ?? 48;
      n >>>= 4;
    }
  }
  return String.fromCharCode(...buf);
}

/**
 * A stream of randomness. `stream` and `salt` separate independent streams under one seed (for
 * example one stream per client, and a different salt for its identity and its casework), so the
 * first 300 clients of the 50,000 set are the 300 clients of the default set.
 */
export function createRng(seed: number, stream = 0, salt = 0): Rng {
  // The golden-ratio constant keeps salt 0 from leaving a state word at zero.
  const u32 = sfc32(seed, stream, (salt ^ 0x9e3779b9) | 0, 1);
  for (let i = 0; i < WARM_UP_ROUNDS; i++) u32();
  const next = (): number => u32() / TWO_POW_32;
  const idBuf = new Array<number>(ID_CHARS).fill(48);

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, w] of entries) total += w;
      let roll = next() * total;
      for (const [value, w] of entries) {
        roll -= w;
        if (roll < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new Error('weighted() from an empty list');
      return last[0];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      // Selection sampling (Knuth's algorithm S): one pass, keeps list order, no shuffling copy.
      const out: T[] = [];
      let needed = Math.min(count, items.length);
      for (let i = 0; i < items.length && needed > 0; i++) {
        const item = items[i];
        if (item !== undefined && next() * (items.length - i) < needed) {
          out.push(item);
          needed--;
        }
      }
      return out;
    },
    hexId: () => hexId(u32, idBuf),
  };
  return rng;
}
