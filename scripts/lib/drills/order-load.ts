// Orders placed continuously until stopped: the write load of the operations drills (point-in-time
// recovery here; the crash drill may use it too). Each client places the bench's order of 5 lines
// (scripts/lib/bench/suites/orders.ts: randomOrder over the orders fixture) through @b2b/orders placeOrder
// in a withTenant transaction as b2b_app, with an idempotency key under the load's prefix, and records
// when it sent the order and when the commit was acknowledged, so a drill can say which orders the
// database owes it.
import { randomUUID } from 'node:crypto';
import { createPool, type RetryReason, type TransactionOptions, withTenant } from '@b2b/db';
import { placeOrder } from '@b2b/orders';
import { randomOrder } from '../bench/suites/orders';
import type { OrdersFixture } from '../bench/suites/orders-fixture';

export interface PlacedOrder {
  idempotencyKey: string;
  /** performance.now() before the transaction began, and once its commit was acknowledged. */
  sentAt: number;
  ackedAt: number;
}

export interface FailedOrder {
  idempotencyKey: string;
  sentAt: number;
  failedAt: number;
  /** The error's code (a typed error's `code`, or the SQLSTATE or the driver's) and message. */
  error: string;
}

/** A transaction withTenant ran again (options.transaction: retryShardMoves, serialization failures). */
export interface RetriedOrder {
  idempotencyKey: string;
  reason: RetryReason;
  /** The error's code and the server's message. */
  error: string;
}

export interface OrderLoadResult {
  prefix: string;
  acknowledged: PlacedOrder[];
  /** Every retry of an order's transaction (one order retried twice is two entries). */
  retries: RetriedOrder[];
  /** Orders whose transaction failed or whose outcome is unknown (the connection broke). */
  failed: FailedOrder[];
  seconds: number;
}

export interface OrderLoad {
  prefix: string;
  /** Acknowledged orders so far. */
  placed(): number;
  /** Stops placing, waits for the orders in flight, closes the pool. */
  stop(): Promise<OrderLoadResult>;
}

export interface OrderLoadOptions {
  /** URL as b2b_app of a database prepared with prepareOrdersDatabase (the bench's fixture). */
  appUrl: string;
  fixture: OrdersFixture;
  clients: number;
  /** Idempotency keys are `<prefix>-<uuid>` (default `drill-<8 hex>`). */
  prefix?: string;
  /**
   * After a failed order, the client waits this long and goes on (default 100 ms): a crash drill keeps
   * placing while the server restarts. With `stopOnError` the load stops at the first failure instead.
   */
  retryDelayMs?: number;
  stopOnError?: boolean;
  /**
   * withTenant's options for each order, e.g. `{ retryShardMoves: true }` while Citus moves shards: a
   * refused transaction is run again (same idempotency key) and each retry recorded in `retries`.
   */
  transaction?: TransactionOptions;
}

/** Starts `clients` placers at once; they run until `stop()`. */
export function startOrderLoad(options: OrderLoadOptions): OrderLoad {
  const prefix = options.prefix ?? `drill-${randomUUID().slice(0, 8)}`;
  const pool = createPool({
    connectionString: options.appUrl,
    max: options.clients,
    applicationName: 'b2b-drill-load',
  });
  // a broken connection is reported by the order that used it; an idle one breaking must not crash us
  pool.on('error', () => {});
  const acknowledged: PlacedOrder[] = [];
  const failed: FailedOrder[] = [];
  const retries: RetriedOrder[] = [];
  const started = performance.now();
  let stopping = false;
  const placer = async () => {
    while (!stopping) {
      const { buyer, lines } = randomOrder(options.fixture);
      const idempotencyKey = `${prefix}-${randomUUID()}`;
      const sentAt = performance.now();
      try {
        await withTenant(
          pool,
          { tenantId: buyer.tenantId, userId: buyer.buyerId },
          (client) =>
            placeOrder(client, {
              companyId: buyer.companyId,
              buyerId: buyer.buyerId,
              currency: buyer.currency,
              lines,
              idempotencyKey,
            }),
          {
            ...options.transaction,
            onRetry: (retry) => {
              // the server's own message (a typed error keeps it as its cause)
              const e = retry.error as { code?: string; message?: string; cause?: { message?: string } };
              const message = e.cause?.message ?? e.message;
              retries.push({ idempotencyKey, reason: retry.reason, error: `${e.code}: ${message}` });
              options.transaction?.onRetry?.(retry);
            },
          },
        );
        acknowledged.push({ idempotencyKey, sentAt, ackedAt: performance.now() });
      } catch (error) {
        const e = error as { code?: string; message?: string };
        failed.push({
          idempotencyKey,
          sentAt,
          failedAt: performance.now(),
          error: `${e.code ?? 'error'}: ${e.message}`,
        });
        if (options.stopOnError) stopping = true;
        else await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 100));
      }
    }
  };
  const placers = Array.from({ length: options.clients }, placer);
  return {
    prefix,
    placed: () => acknowledged.length,
    async stop() {
      stopping = true;
      await Promise.all(placers);
      await pool.end();
      return { prefix, acknowledged, retries, failed, seconds: (performance.now() - started) / 1000 };
    },
  };
}
