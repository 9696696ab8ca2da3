/**
 * Cross-instance fan-out (L2): one dedicated connection per server instance LISTENs on the store's
 * channel. Each notice names a collection and the seq range of a committed batch; this instance loads
 * those rows once and emits them to its local subscribers, which filter them per user (A1).
 *
 * If the connection drops, notices sent meanwhile are lost, so after reconnecting it emits a
 * `lost` change for every collection: every subscriber is poked and re-pulls from its checkpoint,
 * which is always safe (L1: a poke never moves a checkpoint), and an access change (A4) so every
 * stream re-checks its token.
 *
 * The same channel carries `{"access":true}` from the database triggers of the access_epoch migration
 * whenever a token, device or user is revoked or a role or team changes, by any process: each one
 * makes this instance's live streams re-check their token and scope at once (A4).
 */
import { Client, type Pool } from 'pg';
import { COLLECTION_NAMES, isCollectionName } from '#shared/schemas/index';
import type { ChangeHub } from '../change-hub';
import { DOC_COLUMNS, signalAccessChange, toDoc, type ChangeNotice, type DocRow } from './docs';

/** First retry after 1 s, doubling to at most 30 s: quick after a blip, gentle on a database that is down. */
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

export interface Listener {
  close(): Promise<void>;
}

function parseNotice(payload: string | undefined): ChangeNotice | null {
  try {
    const value = JSON.parse(payload ?? '') as Partial<ChangeNotice>;
    if (typeof value.c === 'string' && isCollectionName(value.c) && typeof value.from === 'number' && typeof value.to === 'number') {
      return { c: value.c, from: value.from, to: value.to };
    }
  } catch {
    // Not ours: ignore.
  }
  return null;
}

export async function startListener(connectionString: string, options: string, pool: Pool, hub: ChangeHub, channel: string): Promise<Listener> {
  let client: Client | null = null;
  let closed = false;
  let delay = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | null = null;

  const deliver = async (notice: ChangeNotice): Promise<void> => {
    const { rows } = await pool.query<DocRow>(
      `SELECT ${DOC_COLUMNS} FROM documents WHERE collection = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
      [notice.c, notice.from, notice.to],
    );
    hub.emit({ collection: notice.c, docs: rows.map(toDoc) });
  };

  const connect = async (isReconnect: boolean): Promise<void> => {
    const next = new Client({ connectionString, options });
    next.on('notification', (message) => {
      if (message.payload === '{"access":true}') {
        signalAccessChange(hub);
        return;
      }
      const notice = parseNotice(message.payload);
      if (notice) deliver(notice).catch(() => undefined);
    });
    next.on('error', () => {
      scheduleReconnect();
    });
    await next.connect();
    await next.query(`LISTEN "${channel}"`);
    client = next;
    delay = RECONNECT_MIN_MS;
    if (isReconnect) {
      for (const collection of COLLECTION_NAMES) hub.emit({ collection, docs: [], lost: true });
      signalAccessChange(hub);
    }
  };

  const scheduleReconnect = (): void => {
    const dead = client;
    client = null;
    dead?.end().catch(() => undefined);
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      connect(true).catch(() => {
        scheduleReconnect();
      });
    }, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  await connect(false);
  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
