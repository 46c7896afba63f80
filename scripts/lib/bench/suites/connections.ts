// `pnpm bench connections`: 200 concurrent clients placing and reading orders through PgBouncer (transaction
// pooling onto a pool sized for this machine's cores) beside the same 200 clients connected directly; then
// unnamed against named (prepared) statements, directly and through PgBouncer. Runs on a throwaway cluster
// of its own with durable settings and max_connections raised for the direct run only, so the development
// cluster keeps its settings. See docs/operations.md (## Connections and pool sizing, ## PgBouncer).
import { randomUUID } from 'node:crypto';
import { withTenant } from '@b2b/db';
import { listOrdersOfCompany, placeOrder } from '@b2b/orders';
import { defaultPoolSize } from '@b2b/testing/provider';
import type pg from 'pg';
import { withDrillDatabase, withDrillPgBouncer } from '../../drills/throwaway';
import { withPool } from '../clients';
import { describeMachine } from '../machine';
import { LatencyRecorder } from '../percentiles';
import type { Check, ResultRow, SuiteResult } from '../report';
import type { BenchOptions, Suite } from '../suite';
import { randomOrder } from './orders';
import { type OrdersFixture, prepareOrdersDatabase } from './orders-fixture';
import { verifyOrders } from './orders-verify';

const CLIENTS = 200;
/** The prepared-statement comparison: a read at a concurrency that does not saturate the machine. */
const PREPARED_CLIENTS = 8;
const RECENT_ORDERS = `select order_id, state, total_amount, created_at from orders.orders
  where tenant_id = $1 and company_id = $2 order by created_at desc, order_id desc limit 20`;

interface MixedResult {
  place: LatencyRecorder;
  read: LatencyRecorder;
  all: LatencyRecorder;
  seconds: number;
  errors: string[];
  placed: number;
}

/**
 * CLIENTS connections, each alternating: place an order (placeOrder in withTenant), then read its
 * company's 20 latest orders (listOrdersOfCompany in withTenant). An error is recorded, not fatal, so the
 * report can say how many there were (the target is none).
 */
async function mixed(
  url: string,
  fixture: OrdersFixture,
  prefix: string,
  options: BenchOptions,
): Promise<MixedResult> {
  const result: MixedResult = {
    place: new LatencyRecorder(),
    read: new LatencyRecorder(),
    all: new LatencyRecorder(),
    seconds: 0,
    errors: [],
    placed: 0,
  };
  await withPool(url, CLIENTS, async (pool) => {
    const measureFrom = performance.now() + options.warmupSeconds * 1000;
    const stopAt = measureFrom + options.seconds * 1000;
    const worker = async (w: number) => {
      for (let i = w; performance.now() < stopAt; i++) {
        const { buyer, lines } = randomOrder(fixture);
        const started = performance.now();
        const place = i % 2 === 0;
        try {
          await withTenant(
            pool,
            { tenantId: buyer.tenantId, userId: buyer.buyerId },
            (client): Promise<unknown> =>
              place
                ? placeOrder(client, {
                    companyId: buyer.companyId,
                    buyerId: buyer.buyerId,
                    currency: buyer.currency,
                    lines,
                    idempotencyKey: `${prefix}-${randomUUID()}`,
                  })
                : listOrdersOfCompany(client, { companyId: buyer.companyId, limit: 20 }),
          );
          if (place) result.placed++;
        } catch (error) {
          if (result.errors.length < 1000) result.errors.push((error as Error).message);
          continue;
        }
        if (started >= measureFrom) {
          const ms = performance.now() - started;
          (place ? result.place : result.read).record(ms);
          result.all.record(ms);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, w) => worker(w)));
    result.seconds = (performance.now() - measureFrom) / 1000;
  });
  return result;
}

function row(workload: string, clients: number, recorder: LatencyRecorder, seconds: number): ResultRow {
  const latency = recorder.summary();
  return {
    workload,
    clients,
    count: latency.count,
    perSecond: latency.count / seconds,
    meanMs: latency.meanMs,
    p50Ms: latency.p50Ms,
    p95Ms: latency.p95Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
  };
}

/** The recent-orders read, PREPARED_CLIENTS clients, with an unnamed or a named (prepared) statement. */
async function statements(
  url: string,
  fixture: OrdersFixture,
  named: boolean,
  options: BenchOptions,
): Promise<{ recorder: LatencyRecorder; seconds: number; errors: string[] }> {
  const recorder = new LatencyRecorder();
  const errors: string[] = [];
  let seconds = 0;
  await withPool(url, PREPARED_CLIENTS, async (pool: pg.Pool) => {
    const measureFrom = performance.now() + options.warmupSeconds * 1000;
    const stopAt = measureFrom + Math.min(options.seconds, 15) * 1000;
    const worker = async () => {
      while (performance.now() < stopAt) {
        const { buyer } = randomOrder(fixture);
        const started = performance.now();
        try {
          await withTenant(pool, { tenantId: buyer.tenantId }, (client) =>
            client.query({
              text: RECENT_ORDERS,
              values: [buyer.tenantId, buyer.companyId],
              ...(named ? { name: 'recent_orders' } : {}),
            }),
          );
        } catch (error) {
          if (errors.length < 1000) errors.push((error as Error).message);
          continue;
        }
        if (started >= measureFrom) recorder.record(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: PREPARED_CLIENTS }, worker));
    seconds = (performance.now() - measureFrom) / 1000;
  });
  return { recorder, seconds, errors };
}

function distinct(errors: string[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  return [...counts].map(([e, n]) => `${n} x "${e}"`).join('; ');
}

async function runStandalone(options: BenchOptions) {
  const { say } = options;
  const poolSize = defaultPoolSize();
  say(`starting a throwaway cluster (durable settings, max_connections=${CLIENTS + 60} for the direct run)`);
  return withDrillDatabase(
    { database: 'b2b_bench_connections', durable: true, extraSettings: [`max_connections=${CLIENTS + 60}`] },
    async (db) => {
      const machine = await describeMachine(db.adminUrl);
      say('migrating and loading the orders fixture');
      const fixture = await prepareOrdersDatabase(db.adminUrl);
      return withDrillPgBouncer(db, { poolSize, maxClientConn: CLIENTS + 50 }, async (bouncer, pooledUrl) => {
        const during = `${options.warmupSeconds} s warmup + ${options.seconds} s`;
        const rows: ResultRow[] = [];
        const checks: Check[] = [];
        const placed = [];
        for (const [how, url] of [
          ['through PgBouncer', pooledUrl],
          ['direct', db.appUrl],
        ] as const) {
          say(`${CLIENTS} clients ${how}: placing and reading orders, ${during}`);
          const prefix = `conn-${how === 'direct' ? 'direct' : 'pgbouncer'}-${randomUUID().slice(0, 8)}`;
          const r = await mixed(url, fixture, prefix, options);
          rows.push(row(`place + read, ${how}`, CLIENTS, r.all, r.seconds));
          rows.push(row(`  of which placeOrder`, CLIENTS, r.place, r.seconds));
          rows.push(row(`  of which listOrdersOfCompany`, CLIENTS, r.read, r.seconds));
          checks.push({
            what: `${CLIENTS} clients ${how}: no errors`,
            ok: r.errors.length === 0,
            detail: r.errors.length ? distinct(r.errors) : '0 errors',
          });
          placed.push({
            prefix,
            workload: `place + read ${how}`,
            completed: r.placed,
            measured: r.place.count,
          });
        }
        for (const [how, url] of [
          ['direct', db.appUrl],
          ['through PgBouncer', pooledUrl],
        ] as const) {
          for (const named of [false, true]) {
            const what = `recent orders, ${named ? 'named (prepared)' : 'unnamed'} statement, ${how}`;
            say(`${what}: ${PREPARED_CLIENTS} clients`);
            const r = await statements(url, fixture, named, options);
            const failed = r.errors.length ? ` (${r.errors.length.toLocaleString('en')} failed)` : '';
            rows.push(row(`${what}${failed}`, PREPARED_CLIENTS, r.recorder, r.seconds));
            if (named && how !== 'direct') {
              checks.push({
                what: `named statements through PgBouncer ${bouncer.version} in transaction mode fail (no max_prepared_statements before 1.21), which is why we send none`,
                ok: r.errors.length > 0,
                detail: r.errors.length
                  ? distinct(r.errors.slice(0, 50))
                  : 'no error: recheck the PgBouncer version and the decision',
              });
            } else {
              checks.push({
                what: `${what}: no errors`,
                ok: r.errors.length === 0,
                detail: distinct(r.errors) || '0 errors',
              });
            }
          }
        }
        say('verifying the orders placed');
        checks.push(
          ...(await verifyOrders(db.adminUrl, placed, 5)).filter((c) => !c.what.startsWith('no deadlock')),
        );
        const result: SuiteResult = {
          dataset: fixture.summary,
          rows,
          checks,
          notes: [
            `PgBouncer ${bouncer.version}: pool_mode = transaction, default_pool_size = max_db_connections = ${poolSize} ` +
              `((2 x ${machine.cores} cores) + 1), so ${CLIENTS} client connections share ${poolSize} server connections`,
            `direct: ${CLIENTS} server connections (max_connections raised to ${CLIENTS + 60} on this throwaway cluster only)`,
            "place + read: each client alternates placeOrder (5 lines, its own transaction) and its company's 20 latest orders; every operation is one withTenant transaction as b2b_app",
            `the statement rows: one read in withTenant at ${PREPARED_CLIENTS} clients, for at most 15 s each`,
          ],
        };
        return { ...result, machine };
      });
    },
  );
}

export const connectionsSuite: Suite = {
  summary: `${CLIENTS} clients placing and reading orders through PgBouncer and directly; prepared vs unnamed statements`,
  runStandalone,
};
