// `pnpm bench audit`: what the audit trail costs and how fast it answers (docs/audit.md, docs/benchmarks.md).
// 1. placeOrder (5 lines) at 8 clients in a scratch database with the orders fixture, with the capture
//    triggers on and off (ALTER TABLE ... DISABLE TRIGGER as the owner), alternating on, off, on, off in
//    the same run so that both see the same machine; the target: overhead at most 25%.
// 2. The history of one row (@b2b/audit rowHistory, first page of 50, as b2b_app) among N audit events
//    (B2B_BENCH_AUDIT_ROWS, default 10,000,000: synthetic events of 100 tenants over 12 months, 10 events per
//    row, loaded with INSERT ... SELECT in batches, with progress), at 1 client: its p99.
import { randomUUID } from 'node:crypto';
import { rowHistory } from '@b2b/audit';
import { withTenant } from '@b2b/db';
import { placeOrder } from '@b2b/orders';
import { databaseUrl, withClient } from '@b2b/testing';
import type pg from 'pg';
import type { DevDatabase } from '../../dev-database';
import { assertApplicationRole, type LoadResult, runLoad, withPool } from '../clients';
import { loadRow, type ResultRow, type SuiteResult } from '../report';
import { withBenchDatabase } from '../scratch';
import type { BenchOptions, Suite } from '../suite';
import { randomOrder } from './orders';
import { type OrdersFixture, prepareOrdersDatabase } from './orders-fixture';

const AUDIT_DATABASE = 'b2b_bench_audit';
const CLIENTS = 8;
const MAX_OVERHEAD = 0.25;
const ROUNDS = 2;
const HISTORY_TENANTS = 100;
const EVENTS_PER_ROW = 10;
const BATCH = 1_000_000;

function historyRows(): number {
  const raw = process.env.B2B_BENCH_AUDIT_ROWS ?? '10000000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < EVENTS_PER_ROW * HISTORY_TENANTS)
    throw new Error(
      `B2B_BENCH_AUDIT_ROWS must be a whole number of at least ${EVENTS_PER_ROW * HISTORY_TENANTS}`,
    );
  return n;
}

/** Switches every capture trigger (the audit triggers of every audited table) on or off, as the owner. */
async function setCapture(adminUrl: string, on: boolean): Promise<number> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ tbl: string; tgname: string }>(
      `select tgrelid::regclass::text as tbl, tgname from pg_trigger
        where not tgisinternal and tgfoid in ('audit.capture()'::regprocedure, 'audit.capture_truncate()'::regprocedure)`,
    );
    for (const r of rows)
      await c.query(`alter table ${r.tbl} ${on ? 'enable' : 'disable'} trigger ${r.tgname}`);
    return rows.length;
  });
}

async function placeOrders(
  appUrl: string,
  fixture: OrdersFixture,
  options: BenchOptions,
): Promise<LoadResult> {
  const prefix = `bench-audit-${randomUUID().slice(0, 8)}`;
  return withPool(appUrl, CLIENTS, (pool: pg.Pool) =>
    runLoad({
      clients: CLIENTS,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      operation: async () => {
        const { buyer, lines } = randomOrder(fixture);
        await withTenant(pool, { tenantId: buyer.tenantId, userId: buyer.buyerId }, (client) =>
          placeOrder(client, {
            companyId: buyer.companyId,
            buyerId: buyer.buyerId,
            currency: buyer.currency,
            lines,
            idempotencyKey: `${prefix}-${randomUUID()}`,
          }),
        );
      },
    }),
  );
}

/** N synthetic events: HISTORY_TENANTS tenants, rows of EVENTS_PER_ROW events each over the last 12 months. */
async function loadHistory(adminUrl: string, total: number, say: (line: string) => void): Promise<string[]> {
  return withClient(adminUrl, async (c) => {
    const { rows: tenants } = await c.query<{ tenant_id: string }>(
      `insert into tenancy.tenants (slug, name)
       select 'audit-bench-' || i, 'Audit bench ' || i from generate_series(1, $1) i returning tenant_id`,
      [HISTORY_TENANTS],
    );
    const ids = tenants.map((t) => t.tenant_id);
    await c.query(`select audit.create_partitions(3, (now() - interval '12 months')::date)`);
    const started = performance.now();
    for (let done = 0; done < total; done += BATCH) {
      const n = Math.min(BATCH, total - done);
      // event i belongs to row (i / EVENTS_PER_ROW) of tenant (row % tenants); times spread over 12 months
      await c.query(
        `insert into audit.events (tenant_id, event_id, occurred_at, table_name, row_key, operation, old_values, new_values,
           actor_tenant_id, actor_user_id, actor_role, source, application_name, txid)
         select t.ids[1 + (r % $3)], gen_random_uuid(),
                now() - interval '365 days' * random(),
                'orders.orders', jsonb_build_object('tenant_id', t.ids[1 + (r % $3)], 'order_id', md5(r::text)::uuid),
                'update', jsonb_build_object('state', 'placed'), jsonb_build_object('state', 'approved'),
                t.ids[1 + (r % $3)], md5((r % 1000)::text)::uuid, 'b2b_app', 'application', 'bench', 3
           from generate_series($1::bigint, $1::bigint + $2 - 1) i
           cross join lateral (select i / ${EVENTS_PER_ROW} as r) rr
           cross join (select $4::uuid[] as ids) t`,
        [done, n, ids.length, ids],
      );
      const s = (performance.now() - started) / 1000;
      say(
        `  audit events: ${(done + n).toLocaleString('en')} of ${total.toLocaleString('en')} (${s.toFixed(0)} s)`,
      );
    }
    say('  analyze audit.events');
    await c.query('analyze audit.events');
    return ids;
  });
}

async function historyP99(
  appUrl: string,
  tenants: string[],
  total: number,
  options: BenchOptions,
): Promise<LoadResult> {
  const rowsTotal = Math.floor(total / EVENTS_PER_ROW);
  return withPool(appUrl, 1, (pool: pg.Pool) =>
    runLoad({
      clients: 1,
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      operation: async () => {
        const r = Math.floor(Math.random() * rowsTotal);
        const tenantId = tenants[r % tenants.length] as string;
        const { createHash } = await import('node:crypto');
        const hex = createHash('md5').update(String(r)).digest('hex');
        const orderId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
        const page = await withTenant(pool, { tenantId }, (c) =>
          rowHistory(c, { table: 'orders.orders', key: { order_id: orderId }, limit: 50 }),
        );
        if (page.items.length !== EVENTS_PER_ROW)
          throw new Error(`row ${r}: ${page.items.length} events, expected ${EVENTS_PER_ROW}`);
      },
    }),
  );
}

async function run(db: DevDatabase, options: BenchOptions): Promise<SuiteResult> {
  const { say } = options;
  const total = historyRows();
  const during = `${options.warmupSeconds} s warmup + ${options.seconds} s`;
  const on: LoadResult[] = [];
  const off: LoadResult[] = [];
  return withBenchDatabase(db.adminUrl, AUDIT_DATABASE, async (name) => {
    const adminUrl = databaseUrl(db.adminUrl, name);
    const appUrl = databaseUrl(db.appUrl, name);
    say(`audit: migrating a scratch database ${name} and loading the orders fixture`);
    const fixture = await prepareOrdersDatabase(adminUrl);
    await withPool(appUrl, 1, assertApplicationRole);
    for (let round = 1; round <= ROUNDS; round++) {
      for (const capture of [true, false]) {
        const triggers = await setCapture(adminUrl, capture);
        say(
          `placeOrder, auditing ${capture ? 'on' : 'off'} (${triggers} triggers), round ${round}: ${CLIENTS} clients, ${during}`,
        );
        (capture ? on : off).push(await placeOrders(appUrl, fixture, options));
      }
    }
    await setCapture(adminUrl, true);
    const best = (runs: LoadResult[]) => runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const mean = (runs: LoadResult[]) => runs.reduce((n, r) => n + r.perSecond, 0) / runs.length;
    const overhead = 1 - mean(on) / mean(off);
    say(`history: loading ${total.toLocaleString('en')} audit events`);
    const loadStarted = performance.now();
    const tenants = await loadHistory(adminUrl, total, say);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const size = await withClient(adminUrl, async (c) => {
      const { rows } = await c.query<{ size: string }>(
        `select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) as size from pg_inherits where inhparent = 'audit.events'::regclass`,
      );
      return rows[0]?.size ?? '?';
    });
    say(`history of one row among ${total.toLocaleString('en')} events: 1 client, ${during}`);
    const history = await historyP99(appUrl, tenants, total, options);
    const rows: ResultRow[] = [
      ...on.map((r, i) => loadRow(`placeOrder, auditing on (round ${i + 1})`, r)),
      ...off.map((r, i) => loadRow(`placeOrder, auditing off (round ${i + 1})`, r)),
      loadRow(`rowHistory, 1 row of ${total.toLocaleString('en')} events (first page)`, history),
    ];
    return {
      dataset: `${fixture.summary}; ${total.toLocaleString('en')} synthetic audit events (${size}, loaded in ${loadSeconds.toFixed(0)} s)`,
      rows,
      ratios: [
        {
          what: `placeOrder with auditing / without, at ${CLIENTS} clients (mean of ${ROUNDS} rounds; overhead ${(overhead * 100).toFixed(1)}%, target at most ${MAX_OVERHEAD * 100}%)`,
          value: mean(on) / mean(off),
          atLeast: 1 - MAX_OVERHEAD,
        },
      ],
      notes: [
        `auditing on and off alternate (on, off) for ${ROUNDS} rounds in one scratch database; best on ${best(on).perSecond.toFixed(0)}/s, best off ${best(off).perSecond.toFixed(0)}/s`,
        'auditing off: every capture trigger disabled by the owner (ALTER TABLE ... DISABLE TRIGGER); the sealing job does not run during the load (it is off the write path)',
        `history: ${HISTORY_TENANTS} tenants, ${EVENTS_PER_ROW} events per row spread over 12 monthly partitions; each call reads one random row's first page (all ${EVENTS_PER_ROW} events) through withTenant as b2b_app`,
      ],
    };
  });
}

export const auditSuite: Suite = {
  summary:
    "placeOrder at 8 clients with the audit trail on and off (overhead), and the p99 of one row's history among 10M audit events",
  run,
};
