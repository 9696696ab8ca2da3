/**
 * Counts HTTP exchanges from request to the end of the response, so shutdown can wait for in-flight
 * pushes to finish. Counted at the Node level, not in Hono middleware: a handler returns before its
 * response body has been written, and cutting the socket then would lose the answer to a committed
 * push (the device would resend it; harmless by C2, but needless).
 */
import type { Server } from 'node:http';

export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  track(server: Server): void {
    server.on('request', (_req, res) => {
      this.count++;
      res.once('close', () => {
        this.count--;
        if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
      });
    });
  }

  /** Resolves when nothing is in flight (immediately if nothing is). */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
