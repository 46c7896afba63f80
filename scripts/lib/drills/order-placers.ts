// Order load for the crash drill (and the connections benchmark): N concurrent placers, each placing
// orders of the bench fixture (scripts/lib/bench/suites/orders-fixture.ts) through @b2b/orders placeOrder
// in withTenant, one after another, until stopped. Every order has an idempotency key under the run's
// prefix, and each outcome is recorded as the client saw it: acknowledged (the commit was answered), in
// doubt (the connection broke during the commit: TransactionOutcomeUnknownError), or failed.
import { randomUUID } from 'node:crypto';
import { TransactionOutcomeUnknownError, withTenant } from '@b2b/db';
import { placeOrder } from '@b2b/orders';
import type pg from 'pg';
import { randomOrder } from '../bench/suites/orders';
import type { OrdersFixture } from '../bench/suites/orders-fixture';

export interface PlacerOutcomes {
  /** Idempotency keys whose commit the client saw succeed. */
  acknowledged: Set<string>;
  /** Keys whose commit was sent but not answered: may or may not be in the database. */
  inDoubt: Set<string>;
  /** Keys whose transaction failed before its commit (nothing may be written). */
  failed: Set<string>;
  /** Errors before the crash (there must be none): the first few messages. */
  unexpected: string[];
}

export interface Placers {
  outcomes: PlacerOutcomes;
  /** From now on errors are expected (the server is being killed): placers stop at their next error. */
  expectErrors(): void;
  /** Placers stop after their current order; resolves when all have. */
  stop(): Promise<void>;
  /** Resolves when every placer has stopped (after stop(), or each at its error after expectErrors()). */
  done: Promise<void>;
}

export function startPlacers(
  pool: pg.Pool,
  fixture: OrdersFixture,
  placers: number,
  prefix: string,
): Placers {
  const outcomes: PlacerOutcomes = {
    acknowledged: new Set(),
    inDoubt: new Set(),
    failed: new Set(),
    unexpected: [],
  };
  let stopping = false;
  let crashing = false;
  const placer = async () => {
    while (!stopping) {
      const { buyer, lines } = randomOrder(fixture);
      const key = `${prefix}-${randomUUID()}`;
      try {
        await withTenant(pool, { tenantId: buyer.tenantId, userId: buyer.buyerId }, (client) =>
          placeOrder(client, {
            companyId: buyer.companyId,
            buyerId: buyer.buyerId,
            currency: buyer.currency,
            lines,
            idempotencyKey: key,
          }),
        );
        outcomes.acknowledged.add(key);
      } catch (error) {
        if (error instanceof TransactionOutcomeUnknownError && error.code === 'transaction_outcome_unknown') {
          outcomes.inDoubt.add(key);
        } else {
          outcomes.failed.add(key);
        }
        if (!crashing) {
          if (outcomes.unexpected.length < 5) outcomes.unexpected.push((error as Error).message);
        }
        if (crashing || outcomes.unexpected.length >= 5) return;
      }
    }
  };
  const done = Promise.all(Array.from({ length: placers }, placer)).then(() => {});
  return {
    outcomes,
    expectErrors: () => {
      crashing = true;
    },
    stop: async () => {
      stopping = true;
      await done;
    },
    done,
  };
}
