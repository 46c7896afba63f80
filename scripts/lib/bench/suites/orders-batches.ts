// Orders placed in batches on an open pool (the interleaved figures of `pnpm bench orders` and its
// `--compare` mode), and the priming of a fresh fixture: orders placed, then ANALYZE, so the measured
// orders run on plans made for order tables that have rows.
import { randomUUID } from 'node:crypto';
import { withTenant } from '@b2b/db';
import { type LineInput, placeOrder } from '@b2b/orders';
import { withClient } from '@b2b/testing';
import type pg from 'pg';
import { withPool } from '../clients';
import type { Batch } from '../interleave';
import type { ServerCpu } from '../server-cpu';
import { placeOrderInRoundTrips } from './orders-baseline';
import type { OrdersFixture } from './orders-fixture';
import type { PlacedCount } from './orders-verify';

export const LINES_PER_ORDER = 5;
export const MAX_QUANTITY = 10;

export type Workload = 'placeOrder' | 'baseline';

/**
 * Orders placed before the measured ones, then ANALYZE. Why: statistics taken on empty order tables make
 * the planner expect no rows there, and the deferred total check and the foreign-key checks on
 * orders.orders then cost several times more per call (issue 13: 1.2 against 0.14 ms per order for the
 * total check) until autovacuum analyzes them, somewhere in the middle of a run.
 */
export const PRIME_ORDERS = 400;

/** `count` distinct random items of `items` (drawing again on a repeat: cheap when count << length). */
function pickDistinct<T>(items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(Math.random() * items.length));
  return [...chosen].map((i) => items[i] as T);
}

/** A random order of the fixture: a random buyer, LINES_PER_ORDER distinct variants of its tenant (also the replica drills' workload). */
export function randomOrder(fixture: OrdersFixture) {
  const buyer = fixture.buyers[Math.floor(Math.random() * fixture.buyers.length)];
  if (!buyer) throw new Error('the orders fixture has no buyers');
  const lines: LineInput[] = pickDistinct(fixture.variants.get(buyer.tenantId) ?? [], LINES_PER_ORDER).map(
    (variantId) => ({ variantId, quantity: 1 + Math.floor(Math.random() * MAX_QUANTITY) }),
  );
  return { buyer, lines };
}

/**
 * One random order of `workload` on `pool`, as the application places it: a withTenant transaction as
 * the buyer, with a unique idempotency key under `prefix` (so the verification can count the workload's
 * orders in the database). `done` counts it once committed.
 */
export function orderOperation(
  pool: pg.Pool,
  fixture: OrdersFixture,
  workload: Workload,
  prefix: string,
  done: () => void,
): () => Promise<void> {
  return async () => {
    const { buyer, lines } = randomOrder(fixture);
    const input = {
      companyId: buyer.companyId,
      buyerId: buyer.buyerId,
      currency: buyer.currency,
      lines,
      idempotencyKey: `${prefix}-${randomUUID()}`,
    };
    await withTenant(pool, { tenantId: buyer.tenantId, userId: buyer.buyerId }, async (client) => {
      if (workload === 'placeOrder') await placeOrder(client, input);
      else await placeOrderInRoundTrips(client, input);
    });
    done();
  };
}

/**
 * Runs `operation` exactly `count` times over `clients` concurrent workers (each takes the next one
 * until all are taken). With `cpu`, the server's CPU over the batch, and with `database` also that of
 * the database's backends. One failing operation stops the others and is thrown.
 */
export async function runCount(
  count: number,
  clients: number,
  operation: () => Promise<unknown>,
  cpu?: ServerCpu,
  database?: string,
): Promise<Batch> {
  let next = 0;
  let failed = false;
  const startedAt = performance.now();
  const before = cpu?.sample();
  const backendsBefore = cpu && database !== undefined ? cpu.sampleDatabase(database) : undefined;
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(clients, count) }, async () => {
      try {
        while (next < count && !failed) {
          next += 1;
          await operation();
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  const serverCpuMs = cpu && before !== undefined ? cpu.sample() - before : Number.NaN;
  const backendCpuMs =
    cpu && database !== undefined && backendsBefore !== undefined
      ? cpu.sampleDatabase(database) - backendsBefore
      : Number.NaN;
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return { count, serverCpuMs, backendCpuMs, seconds: (performance.now() - startedAt) / 1000 };
}

/**
 * Places PRIME_ORDERS orders through placeOrder at `clients` clients, then analyzes the database (as the
 * superuser): see PRIME_ORDERS. Returns their count for the verification.
 */
export async function primeOrders(
  adminUrl: string,
  appUrl: string,
  fixture: OrdersFixture,
  clients: number,
  count = PRIME_ORDERS,
): Promise<PlacedCount> {
  const prefix = `bench-prime-${randomUUID().slice(0, 8)}`;
  let completed = 0;
  await withPool(appUrl, clients, (pool) =>
    runCount(
      count,
      clients,
      orderOperation(pool, fixture, 'placeOrder', prefix, () => {
        completed += 1;
      }),
    ),
  );
  await withClient(adminUrl, (c) => c.query('analyze'));
  return { prefix, workload: 'priming (placeOrder, before ANALYZE)', completed, measured: 0 };
}
