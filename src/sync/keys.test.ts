/** The shared-tablet key module and PIN unlock: real WebCrypto (Node 20), storage in a Map. */
import { describe, expect, it } from 'vitest';
import { checkPin, generateDataKey, newSalt, open, PIN_ITERATIONS, pinKey, seal, serverKey, unwrapDataKey, wrapDataKey } from './keys';
import { loadProfile, MAX_PIN_ATTEMPTS } from './profiles';
import type { KeyValueStore, Session } from './session';
import { afterOnlineSignIn, choosePin, recoverWithPin, startAfresh, unlockWithPin, type PendingRecovery } from './unlock';

function memoryStore(): KeyValueStore & { dump(): string } {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    dump: () => JSON.stringify([...map.entries()]),
  };
}

/** An online sign-in that opened (or made) the data key at once. */
async function signedIn(store: KeyValueStore, session: Session, secret: string) {
  const result = await afterOnlineSignIn(store, session, 'ann@example.org', secret);
  if (result.kind !== 'unlocked') throw new Error('expected the sign-in to open the data key');
  return result;
}

const SECRET = Buffer.alloc(32, 7).toString('base64url');
const OTHER_SECRET = Buffer.alloc(32, 9).toString('base64url');
const SESSION: Session = { token: 'tok-ABCDEFGHIJKLMNOP-secret', user: { id: 'u1', name: 'Ann', role: 'worker', teams: [] }, deviceId: 'dev-1', signedInAt: '2026-01-01T00:00:00Z' };
/** Fewer PBKDF2 rounds where the count does not matter, to keep the suite quick on a shared CPU. */
const FAST = 1_000;

describe('keys', () => {
  it('wraps and unwraps a data key under a PIN; what it seals opens again', async () => {
    const key = await generateDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(key, await pinKey('246810', salt, FAST));
    const back = await unwrapDataKey(wrapped, await pinKey('246810', salt, FAST));
    expect(back).not.toBeNull();
    expect(back?.extractable).toBe(false);
    const sealed = await seal(key, 'a note');
    expect(await open(back as CryptoKey, sealed)).toBe('a note');
  });

  it('a wrong PIN, a wrong salt or a wrong server secret unwraps nothing', async () => {
    const key = await generateDataKey();
    const salt = newSalt();
    const wrapped = await wrapDataKey(key, await pinKey('246810', salt, FAST));
    expect(await unwrapDataKey(wrapped, await pinKey('246811', salt, FAST))).toBeNull();
    expect(await unwrapDataKey(wrapped, await pinKey('246810', newSalt(), FAST))).toBeNull();
    const byServer = await wrapDataKey(key, await serverKey(SECRET));
    expect(await unwrapDataKey(byServer, await serverKey(SECRET))).not.toBeNull();
    expect(await unwrapDataKey(byServer, await serverKey(OTHER_SECRET))).toBeNull();
    await expect(serverKey('short')).rejects.toThrow('wrong length');
  });

  it(`uses ${PIN_ITERATIONS.toLocaleString('en')} PBKDF2-SHA-256 iterations by default, with a fresh salt each time`, async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(newSalt()).not.toBe(newSalt());
    const store = memoryStore();
    const { key } = await signedIn(store, SESSION, SECRET);
    expect((await choosePin(store, 'u1', key, '246810')).ok).toBe(true);
    expect(loadProfile(store, 'u1')?.pin?.iterations).toBe(PIN_ITERATIONS);
  });

  it('rejects short, non-digit and trivially weak PINs with a plain message', () => {
    expect(checkPin('')).toMatch(/Enter a PIN/);
    expect(checkPin('12345')).toMatch(/at least 6 digits/);
    expect(checkPin('12a456')).toMatch(/digits only/);
    expect(checkPin('000000')).toMatch(/same digit/);
    expect(checkPin('123456')).toMatch(/in order/);
    expect(checkPin('987654')).toMatch(/in order/);
    expect(checkPin('121212')).toMatch(/pattern/);
    expect(checkPin('1'.repeat(13))).toMatch(/12 digits or fewer/);
    expect(checkPin('246810')).toBeNull();
    expect(checkPin('5093718')).toBeNull();
  });
});

describe('PIN unlock', () => {
  it('never stores the PIN or the token in the clear; the right PIN gives back the session', async () => {
    const store = memoryStore();
    const first = await signedIn(store, SESSION, SECRET);
    expect(first.needsPin).toBe(true);
    expect((await choosePin(store, 'u1', first.key, '480372', FAST)).ok).toBe(true);
    const dump = store.dump();
    expect(dump).not.toContain('480372');
    expect(dump).not.toContain(SESSION.token);
    const unlocked = await unlockWithPin(store, 'u1', '480372');
    expect(unlocked.ok && unlocked.value.session).toEqual(SESSION);
  });

  it('refuses a weak PIN and changes nothing', async () => {
    const store = memoryStore();
    const { key } = await signedIn(store, SESSION, SECRET);
    const before = store.dump();
    const result = await choosePin(store, 'u1', key, '111111', FAST);
    expect(result.ok).toBe(false);
    expect(store.dump()).toBe(before);
  });

  it(`locks after ${MAX_PIN_ATTEMPTS} wrong PINs, even for the right one after; an online sign-in recovers the same key`, async () => {
    const store = memoryStore();
    const first = await signedIn(store, SESSION, SECRET);
    await choosePin(store, 'u1', first.key, '480372', FAST);
    const sealedByFirst = await seal(first.key, 'record');
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) {
      const r = await unlockWithPin(store, 'u1', '999990');
      expect(!r.ok && r.code).toBe('wrong-pin');
      expect(!r.ok && r.message).toContain(`${MAX_PIN_ATTEMPTS - i} ${MAX_PIN_ATTEMPTS - i === 1 ? 'try' : 'tries'} left`);
    }
    const last = await unlockWithPin(store, 'u1', '999990');
    expect(!last.ok && last.code).toBe('locked');
    const right = await unlockWithPin(store, 'u1', '480372');
    expect(!right.ok && right.code).toBe('locked');
    expect(loadProfile(store, 'u1')?.pin).toBeNull();
    // Online sign-in: the server's secret unwraps the same data key, and a new PIN is asked for.
    const again = await signedIn(store, { ...SESSION, token: 'tok-2' }, SECRET);
    expect(again.needsPin).toBe(true);
    expect(await open(again.key, sealedByFirst)).toBe('record');
    await choosePin(store, 'u1', again.key, '703918', FAST);
    const unlocked = await unlockWithPin(store, 'u1', '703918');
    expect(unlocked.ok && unlocked.value.session.token).toBe('tok-2');
  });

  it('a changed server secret asks for the PIN before replacing anything, and the PIN recovers the same key', async () => {
    const store = memoryStore();
    const first = await signedIn(store, SESSION, SECRET);
    await choosePin(store, 'u1', first.key, '480372', FAST);
    const sealedByFirst = await seal(first.key, 'unsynced visit');
    const before = store.dump();

    const result = await afterOnlineSignIn(store, { ...SESSION, token: 'tok-2' }, 'ann@example.org', OTHER_SECRET);
    expect(result.kind).toBe('recover');
    const recovery = (result as { recovery: PendingRecovery }).recovery;
    // Nothing is replaced until the person answers: the old key is still under the PIN.
    expect(store.dump()).toBe(before);

    const wrong = await recoverWithPin(store, recovery, '999990');
    expect(!wrong.ok && wrong.code).toBe('wrong-pin');
    expect(!wrong.ok && wrong.message).toContain(`${MAX_PIN_ATTEMPTS - 1} tries left before your PIN can no longer open them`);
    const right = await recoverWithPin(store, recovery, '480372');
    expect(right.ok && right.value.session.token).toBe('tok-2');
    if (!right.ok) return;
    expect(await open(right.value.key, sealedByFirst)).toBe('unsynced visit');
    expect(loadProfile(store, 'u1')?.failedAttempts).toBe(0);

    // From now on the new secret opens the same key online, and the PIN still unlocks offline.
    const online = await signedIn(store, { ...SESSION, token: 'tok-3' }, OTHER_SECRET);
    expect(await open(online.key, sealedByFirst)).toBe('unsynced visit');
    expect(online.needsPin).toBe(false);
    const offline = await unlockWithPin(store, 'u1', '480372');
    expect(offline.ok && offline.value.session.token).toBe('tok-3');
  });

  it(`after ${MAX_PIN_ATTEMPTS} wrong PINs in a recovery only starting again is left, with a new key`, async () => {
    const store = memoryStore();
    const first = await signedIn(store, SESSION, SECRET);
    await choosePin(store, 'u1', first.key, '480372', FAST);
    const sealedByFirst = await seal(first.key, 'unsynced visit');
    const result = await afterOnlineSignIn(store, SESSION, 'ann@example.org', OTHER_SECRET);
    const recovery = (result as { recovery: PendingRecovery }).recovery;
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) expect((await recoverWithPin(store, recovery, '999990')).ok).toBe(false);
    const last = await recoverWithPin(store, recovery, '999990');
    expect(!last.ok && last.code).toBe('locked');
    const right = await recoverWithPin(store, recovery, '480372');
    expect(!right.ok && right.code).toBe('locked');
    expect(!right.ok && right.message).toMatch(/can no longer open the records/);

    const fresh = await startAfresh(store, recovery);
    expect(await open(fresh.key, sealedByFirst)).toBeNull();
    expect(loadProfile(store, 'u1')?.pin).toBeNull();
    // A later sign-in with the new secret opens the new key and asks for a new PIN.
    const again = await signedIn(store, SESSION, OTHER_SECRET);
    expect(again.needsPin).toBe(true);
    expect(await open(again.key, await seal(fresh.key, 'new'))).toBe('new');
  });

  it('a changed server secret with no PIN to open the old key replaces nothing until the person starts again', async () => {
    const store = memoryStore();
    await signedIn(store, SESSION, SECRET);
    const before = store.dump();
    const result = await afterOnlineSignIn(store, SESSION, 'ann@example.org', OTHER_SECRET);
    expect(result.kind === 'recover' && result.recovery.withPin).toBe(false);
    expect(store.dump()).toBe(before);
    const recovery = (result as { recovery: PendingRecovery }).recovery;
    const tried = await recoverWithPin(store, recovery, '480372');
    expect(!tried.ok && tried.code).toBe('locked');
    await startAfresh(store, recovery);
    expect((await signedIn(store, SESSION, OTHER_SECRET)).needsPin).toBe(true);
  });

  it('a correct PIN resets the wrong-attempt count', async () => {
    const store = memoryStore();
    const first = await signedIn(store, SESSION, SECRET);
    await choosePin(store, 'u1', first.key, '480372', FAST);
    await unlockWithPin(store, 'u1', '000001');
    expect(loadProfile(store, 'u1')?.failedAttempts).toBe(1);
    expect((await unlockWithPin(store, 'u1', '480372')).ok).toBe(true);
    expect(loadProfile(store, 'u1')?.failedAttempts).toBe(0);
  });

  it('an unknown user or a tampered profile unlocks nothing', async () => {
    const store = memoryStore();
    expect((await unlockWithPin(store, 'nobody', '480372')).ok).toBe(false);
    store.setItem('resonance.profile.u1', '{not json');
    const r = await unlockWithPin(store, 'u1', '480372');
    expect(!r.ok && r.code).toBe('no-profile');
  });
});
