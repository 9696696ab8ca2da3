/**
 * Deterministic synthetic caseloads for the unit tests of search and duplicate detection (a seeded
 * generator, so a failing run can be repeated exactly). Test support only: nothing in the app imports
 * it. Timings live in the domain bench suite (tests/bench/suites/domain.ts), not in unit tests.
 */

const FIRST = ['Mohammed', 'John', 'Sarah', 'Anna', 'David', 'Fatima', 'Olivia', 'James', 'Aisha', 'Peter', 'Zoë', 'José', 'Maria', 'Li', 'Chloé', 'Tomasz', 'Grace', 'Ahmed', 'Emily', 'Kwame', 'Siobhán', 'Ravi', 'Hannah', 'Yusuf'];
const LAST = ['Smith', 'Ali', 'Jones', 'Khan', 'Nowak', 'Williams', 'Brown', "O'Brien", 'Patel', 'Taylor', 'Núñez', 'Wang', 'Evans', 'Smith-Jones', 'Okafor', 'Murphy', 'Kowalski', 'Hussain', 'Davies', 'Begum'];

/** Mulberry32: tiny, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestClient {
  id: string;
  name: string;
  dateOfBirth?: string;
  postcode?: string;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const pad = (n: number): string => String(n).padStart(2, '0');

/** `count` clients: a DOB for 90 %, a postcode for 80 % drawn from `postcodes` distinct ones. */
export function makeClients(count: number, seed = 1, postcodes = 2000): TestClient[] {
  const rand = seededRandom(seed);
  const clients: TestClient[] = [];
  for (let i = 0; i < count; i++) {
    const c: TestClient = { id: `c${i}`, name: `${pick(rand, FIRST)} ${pick(rand, LAST)}` };
    if (rand() < 0.9) c.dateOfBirth = `${1940 + Math.floor(rand() * 66)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    if (rand() < 0.8) {
      const p = Math.floor(rand() * postcodes);
      c.postcode = `${pick(rand, ['SW', 'M', 'LS', 'B', 'E', 'N'])}${1 + (p % 20)} ${p % 10}${String.fromCharCode(65 + (p % 23))}B`;
    }
    clients.push(c);
  }
  return clients;
}
