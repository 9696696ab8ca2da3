/**
 * Which addresses can run Resonance offline (service workers and WebCrypto need a secure context).
 */
import { describe, expect, it } from 'vitest';
import { isSecureEnoughForOffline } from './secure-context';

const at = (protocol: string, hostname: string) => isSecureEnoughForOffline({ protocol, hostname });

describe('isSecureEnoughForOffline', () => {
  it('accepts https anywhere', () => {
    expect(at('https:', 'resonance.example.org')).toEqual({ ok: true });
  });

  it('accepts plain http on this machine', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(at('http:', host), host).toEqual({ ok: true });
    }
  });

  it('explains why plain http on a network address will not work offline', () => {
    for (const host of ['192.168.1.20', 'resonance.local', '10.0.0.5', 'resonance.example.org']) {
      const result = at('http:', host);
      expect(result.ok, host).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/cannot work offline/);
    }
  });
});
