/**
 * The open live streams of this instance, so shutdown can close them cleanly and a sign-out or
 * revocation made through this instance re-checks them at once (A4) instead of at the next heartbeat.
 */
export interface OpenStream {
  /** Re-validate the stream's token now; closes the stream if it is no longer valid. */
  recheck(): void;
  /** Say goodbye and end the response. */
  close(reason: string): void;
}

export class StreamRegistry {
  private readonly open = new Set<OpenStream>();

  add(stream: OpenStream): () => void {
    this.open.add(stream);
    return () => {
      this.open.delete(stream);
    };
  }

  recheckAll(): void {
    for (const stream of [...this.open]) stream.recheck();
  }

  closeAll(reason: string): void {
    for (const stream of [...this.open]) stream.close(reason);
    this.open.clear();
  }

  get size(): number {
    return this.open.size;
  }
}
