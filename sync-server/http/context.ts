/**
 * What every route can reach: the store, the auth service, config, logger and the live streams;
 * and the Hono environment type (the signed-in session is a request variable).
 */
import type { HttpBindings } from '@hono/node-server';
import type { AuthService, Session } from '../auth/service';
import type { ServerConfig } from '../config';
import type { Logger } from '../log';
import type { Store } from '../storage/types';
import type { StreamRegistry } from '../stream/registry';
import type { DeviceHealth } from './device-health';

export interface Deps {
  store: Store;
  auth: AuthService;
  config: ServerConfig;
  logger: Logger;
  streams: StreamRegistry;
  deviceHealth: DeviceHealth;
  version: string;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    session: Session;
    /** Set by the push route, read by the request log. */
    quarantined: number;
  };
}
