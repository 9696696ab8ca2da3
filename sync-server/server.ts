/**
 * `startServer(config)`: opens the store, seeds the demo organisation when asked, and serves HTTP (or
 * HTTPS with TLS_CERT/TLS_KEY). Returns the URL and a graceful `close()`. Tests call it with port 0.
 *
 * Shutdown order: stop accepting connections; end live streams with a `bye` event; let in-flight
 * requests (pushes mid-transaction) finish, up to DRAIN_TIMEOUT_MS; drop what is left; close the store.
 */
import fs from 'node:fs';
import https from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { AuthService } from './auth/service';
import { resolveConfig, type ServerConfig } from './config';
import { createApp } from './http/app';
import { DeviceHealth } from './http/device-health';
import { InFlight } from './inflight';
import { createLogger, type Logger } from './log';
import { seedDemoIfEmpty } from './seed/demo';
import { openStore } from './storage/open';
import type { Store } from './storage/types';
import { StreamRegistry } from './stream/registry';

/** 10 s for in-flight requests at shutdown: a push batch takes milliseconds; orchestrators (Docker,
 * systemd) wait 10-30 s before SIGKILL, so this finishes first. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** For tests and tools in the same process (fixtures, admin operations). */
  store: Store;
  config: ServerConfig;
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startServer(partial: Partial<ServerConfig> = {}, logger?: Logger): Promise<RunningServer> {
  const config = resolveConfig(partial);
  const log = logger ?? createLogger(config.logRequests);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, pgSchema: config.pgSchema });
  let server: Server;
  try {
    if (config.seedDemo) await seedDemoIfEmpty(store, log);
    const auth = new AuthService(store, config);
    const streams = new StreamRegistry();
    const inFlight = new InFlight();
    const app = createApp({ store, auth, config, logger: log, streams, deviceHealth: new DeviceHealth(store), version: readVersion() });
    const tls = config.tlsCert && config.tlsKey ? { cert: fs.readFileSync(config.tlsCert), key: fs.readFileSync(config.tlsKey) } : null;
    server = (tls
      ? createAdaptorServer({ fetch: app.fetch, createServer: https.createServer, serverOptions: tls })
      : createAdaptorServer({ fetch: app.fetch })) as Server;
    inFlight.track(server);
    const address = await listen(server, config.port, config.host);
    const url = `${tls ? 'https' : 'http'}://${urlHost(config.host)}:${address.port}`;
    log.log('info', 'listening', { url, storage: store.kind });

    let closing: Promise<void> | null = null;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        // server.close() stops accepting and (Node >= 19) closes idle keep-alive connections; busy ones
        // stay open until their response ends.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        streams.closeAll('shutdown');
        await Promise.race([inFlight.idle(), new Promise((resolve) => setTimeout(resolve, DRAIN_TIMEOUT_MS).unref())]);
        server.closeAllConnections();
        await stopped;
        await store.close();
        log.log('info', 'stopped', {});
      })();
      return closing;
    };
    return { url, close, store, config };
  } catch (error) {
    await store.close();
    throw error;
  }
}
