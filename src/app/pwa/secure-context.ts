/**
 * Service workers (offline use) and WebCrypto (encryption at rest, PIN unlock) exist only in a secure
 * context: https, or http on this machine. A charity that serves Resonance over plain http on its
 * office network would get an app that silently never works offline; the shell shows this message
 * instead. Pure, so it is unit-tested with plain objects.
 */
export type OfflineReadiness = { ok: true } | { ok: false; message: string };

export const INSECURE_CONNECTION_MESSAGE =
  'This page was opened over an insecure connection, so Resonance cannot work offline or keep data on ' +
  'this device safe. Open Resonance using its address that starts with https://, or ask whoever set it up.';

/** Host names browsers treat as this machine, where plain http is still a secure context. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]' ||
    host === '::1'
  );
}

export function isSecureEnoughForOffline(location: Pick<Location, 'protocol' | 'hostname'>): OfflineReadiness {
  if (location.protocol === 'https:') return { ok: true };
  if (location.protocol === 'http:' && isLocalHost(location.hostname)) return { ok: true };
  return { ok: false, message: INSECURE_CONNECTION_MESSAGE };
}
