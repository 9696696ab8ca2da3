/**
 * Entry point of `npm start` / `npm run serve`: reads the configuration from the environment, starts
 * the server, and shuts it down gracefully on SIGTERM/SIGINT. Also re-exports `startServer` for tests
 * and tools that import this file.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config';
import { createLogger, describeError } from './log';
import { startServer } from './server';

export { startServer, type RunningServer } from './server';
export type { ServerConfig } from './config';

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    process.exit(1);
  }
  const logger = createLogger(true);
  const server = await startServer(loaded.value, logger);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.log('error', 'shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  main().catch((error: unknown) => {
    process.stderr.write(`The server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
