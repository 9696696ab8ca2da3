/** Unit tests of configuration loading: defaults, every variable, and problems reported together. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKEN_TTL_DAYS, loadConfig, resolveConfig } from './config';

describe('config', () => {
  it('has the documented defaults', () => {
    const loaded = loadConfig({});
    expect(loaded.ok && loaded.value).toMatchObject({
      port: 8080, host: '0.0.0.0', dataDir: './data', distDir: './dist', databaseUrl: null, tlsCert: null, tlsKey: null,
      tokenTtlDays: DEFAULT_TOKEN_TTL_DAYS, seedDemo: true,
    });
  });

  it('reads every variable', () => {
    const loaded = loadConfig({ PORT: '9000', HOST: '127.0.0.1', DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://db/x', DATABASE_SCHEMA: 'res', TOKEN_TTL_DAYS: '7', NODE_ENV: 'production', LOG_REQUESTS: 'false', RATE_LIMIT_PER_MINUTE: '60' });
    expect(loaded.ok && loaded.value).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/tmp/x', databaseUrl: 'postgres://db/x', pgSchema: 'res', tokenTtlDays: 7, seedDemo: false, logRequests: false, requestsPerMinute: 60 });
  });

  it('reports every problem at once, in words an operator can act on', () => {
    const loaded = loadConfig({ PORT: '99999', TOKEN_TTL_DAYS: 'ten', DATABASE_URL: 'mysql://x', TLS_KEY: '/missing.pem', NODE_ENV: 'production', SEED_DEMO: 'true' });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.details).toHaveLength(6);
    expect(loaded.message).toMatch(/PORT must be a whole number from 0 to 65535/);
    expect(loaded.message).toMatch(/TLS_CERT and TLS_KEY must be set together/);
    expect(loaded.message).toMatch(/SEED_DEMO cannot be true when NODE_ENV=production/);
  });

  it('fills a partial config with defaults and ignores undefined values', () => {
    expect(resolveConfig({ port: 0, dataDir: undefined })).toMatchObject({ port: 0, dataDir: './data', host: '0.0.0.0' });
  });
});
