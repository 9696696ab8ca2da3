/**
 * Structured logs: one JSON object per line on stdout, so any log shipper can read them. Callers
 * pass fields explicitly; nothing here ever logs request bodies, tokens or passwords.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(enabled: boolean, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  return {
    log(level, msg, fields = {}) {
      if (!enabled) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
    },
  };
}

/** An error's message and name for a log line; stacks stay out of responses but help in logs. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, errorName: error.name, stack: error.stack };
  return { error: String(error) };
}
