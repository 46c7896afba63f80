// `pnpm bench catalog`: the buyer-facing reads of @b2b/catalog under load, as the application runs them
// (inside withTenant, as b2b_app, so row-level security is in the path), beside pgbench select-only.
import { availableParallelism } from 'node:os';
import { getProductPage, searchProducts, type Viewer } from '@b2b/catalog';
import { type Queryable, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import type pg from 'pg';
import type { DevDatabase } from '../../dev-database';
import { assertApplicationRole, type LoadResult, runLoad, withPool } from '../clients';
import { spread } from '../interleave';
import { summarize } from '../percentiles';
import { type CustomScript, measurePgbench, type PgbenchResult, withPgbenchDatabase } from '../pgbench';
import { loadRow, pgbenchRow, type Ratio, type ResultRow, type SuiteResult } from '../report';
import { openServerCpu } from '../server-cpu';
import { type ServerSample, serverCeiling, serverTimes } from '../server-time';
import { type BenchOptions, requireLargeProfile, type Suite } from '../suite';

const CLIENTS = 8;
/** p99 targets of the catalog issue, in ms. */
const TARGET_P99_MS = { productPage: 2, search: 5 };
/** pgbench -s 10: 1,000,000 accounts (about 150 MB), held in memory as the catalog rows read here are. */
const PGBENCH_SCALE = 10;
/** Per tenant: how many products, buyers and search terms to draw from, fetched once before the runs. */
const SAMPLE = { products: 200, buyers: 20, terms: 50 };
/** Requests timed inside the server (see server-time.ts), per workload, over all batches. */
const SERVER_SAMPLES = 2_000;
/** Alternating batches of every workload (see run). */
const BATCHES = 3;
/** Issue 13: search at most 1 ms of server time; a product page at most 2 select-only transactions of CPU. */
const TARGETS = { searchServerMs: 1, pageVsSelectOnly: 2 };

interface TenantSample {
  tenantId: string;
  currency: string;
  productIds: string[];
  buyers: { buyerId: string; companyId: string }[];
  terms: { text: string; locale: string }[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

async function rowsOf<R extends pg.QueryResultRow>(client: pg.Client, sql: string, values: unknown[]) {
  return (await client.query<R>(sql, values)).rows;
}

/**
 * A search term from a product name: its first word, or its first two, alternately (the number the
 * large seed appends to names is left out, as a person would search by words).
 */
function termFrom(name: string, index: number): string {
  const words = name.split(/\s+/).filter((w) => w && !/^\d+$/.test(w));
  return words.slice(0, index % 2 ? 2 : 1).join(' ') || name;
}

/**
 * Random live products, active buyers and search terms per tenant. Read as the superuser (RLS does not
 * apply to it): this is set-up, not part of what is measured.
 */
async function sampleTenants(adminUrl: string): Promise<TenantSample[]> {
  return withClient(adminUrl, async (client) => {
    // Up to `limit` random rows per tenant of `query` (which has a tenant_id column).
    const randomPerTenant = (query: string, limit: number) =>
      rowsOf<Record<string, string>>(
        client,
        `select * from (
           select s.*, row_number() over (partition by s.tenant_id order by random()) as n from (${query}) s
         ) r where n <= $1`,
        [limit],
      );
    const tenants = await rowsOf<{ tenant_id: string; default_currency: string }>(
      client,
      'select tenant_id, default_currency from tenancy.tenants',
      [],
    );
    const products = await randomPerTenant(
      'select tenant_id, product_id from catalog.products where archived_at is null',
      SAMPLE.products,
    );
    const buyers = await randomPerTenant(
      `select tenant_id, buyer_id, company_id from accounts.buyers where status = 'active'`,
      SAMPLE.buyers,
    );
    const names = await randomPerTenant(
      `select t.tenant_id, t.locale, t.name
       from catalog.product_translations t
       join catalog.products p on p.tenant_id = t.tenant_id and p.product_id = t.product_id
       where p.archived_at is null`,
      SAMPLE.terms,
    );
    const of = <R extends { tenant_id?: string }>(rows: R[], tenantId: string) =>
      rows.filter((r) => r.tenant_id === tenantId);
    return tenants
      .map((t) => ({
        tenantId: t.tenant_id,
        currency: t.default_currency,
        productIds: of(products, t.tenant_id).map((p) => p.product_id as string),
        buyers: of(buyers, t.tenant_id).map((b) => ({
          buyerId: b.buyer_id as string,
          companyId: b.company_id as string,
        })),
        terms: of(names, t.tenant_id).map((n, i) => ({
          text: termFrom(n.name as string, i),
          locale: n.locale as string,
        })),
      }))
      .filter((t) => t.productIds.length > 0 && t.terms.length > 0);
  });
}

/** A buyer acting for its company when the tenant has buyers, else an anonymous visitor in its currency. */
function viewerFor(tenant: TenantSample): { viewer: Viewer; userId?: string } {
  if (tenant.buyers.length === 0) return { viewer: { currency: tenant.currency } };
  const buyer = pick(tenant.buyers);
  return { viewer: buyer, userId: buyer.buyerId };
}

async function productPage(pool: pg.Pool, tenants: TenantSample[]): Promise<void> {
  const tenant = pick(tenants);
  const { viewer, userId } = viewerFor(tenant);
  const request = { productId: pick(tenant.productIds), locale: pick(tenant.terms).locale, viewer };
  await withTenant(pool, { tenantId: tenant.tenantId, userId }, (client) => getProductPage(client, request));
}

/** The one call site of the search API: its parameters are being reworked on another branch. */
function search(client: Queryable, term: TenantSample['terms'][number]) {
  return searchProducts(client, { text: term.text, locale: term.locale });
}

async function searchOnce(pool: pg.Pool, tenants: TenantSample[]): Promise<void> {
  const tenant = pick(tenants);
  await withTenant(pool, { tenantId: tenant.tenantId }, (client) => search(client, pick(tenant.terms)));
}

/** The server-time samples of one batch: the product page and search requests, `count` of each. */
function serverSamples(tenants: TenantSample[], count: number) {
  const pages: ServerSample[] = [];
  const searches: ServerSample[] = [];
  for (let i = 0; i < count; i++) {
    const tenant = pick(tenants);
    const term = pick(tenant.terms);
    pages.push({
      tenantId: tenant.tenantId,
      productId: pick(tenant.productIds),
      locale: term.locale,
      currency: tenant.currency,
    });
    searches.push({ tenantId: tenant.tenantId, text: term.text, locale: term.locale });
  }
  return { pages, searches };
}

/**
 * The same requests as the load, timed inside the server: the product page as an anonymous visitor in the
 * tenant's currency (what the large profile's load runs), search by the sampled terms.
 */
const SERVER_STATEMENTS = {
  page: `perform count(*) from catalog.product_page((r ->> 'tenantId')::uuid, (r ->> 'productId')::uuid, r ->> 'locale', null, null, r ->> 'currency', 1)`,
  search: `perform count(*) from catalog.search_products((r ->> 'tenantId')::uuid, r ->> 'text', r ->> 'locale', null, null, null, null, null, null, false, null, null, 24)`,
};

/** Batches of one workload, pooled: latencies, counts, seconds and the server's and client's CPU. */
class Pooled {
  readonly samplesMs: number[] = [];
  seconds = 0;
  serverCpuMs: number | undefined = 0;
  clientCpuMs: number | undefined = 0;
  /** Server CPU per request of each batch, to show how much the batches differ. */
  readonly perBatchCpuMs: number[] = [];

  add(batch: { samplesMs: readonly number[]; seconds: number; serverCpuMs?: number; clientCpuMs?: number }) {
    this.samplesMs.push(...batch.samplesMs);
    this.seconds += batch.seconds;
    this.serverCpuMs =
      this.serverCpuMs === undefined || batch.serverCpuMs === undefined
        ? undefined
        : this.serverCpuMs + batch.serverCpuMs;
    this.clientCpuMs =
      this.clientCpuMs === undefined || batch.clientCpuMs === undefined
        ? undefined
        : this.clientCpuMs + batch.clientCpuMs;
    if (batch.serverCpuMs !== undefined && batch.samplesMs.length) {
      this.perBatchCpuMs.push(batch.serverCpuMs / batch.samplesMs.length);
    }
  }

  result(clients: number): LoadResult {
    const latency = summarize(this.samplesMs);
    return {
      clients,
      seconds: this.seconds,
      perSecond: latency.count / this.seconds,
      latency,
      samplesMs: this.samplesMs,
      ...(this.serverCpuMs === undefined ? {} : { serverCpuMs: this.serverCpuMs }),
      ...(this.clientCpuMs === undefined ? {} : { clientCpuMs: this.clientCpuMs }),
    };
  }
}

/** pgbench batches of one script, pooled: transactions, seconds, mean latency and the server's CPU. */
class PooledPgbench {
  readonly runs: { run: PgbenchResult; seconds: number }[] = [];
  readonly perBatchCpuMs: number[] = [];

  add(run: PgbenchResult, seconds: number) {
    this.runs.push({ run, seconds });
    if (run.serverCpuMs !== undefined && run.transactions) {
      this.perBatchCpuMs.push(run.serverCpuMs / run.transactions);
    }
  }

  result(): PgbenchResult {
    const runs = this.runs.map((r) => r.run);
    const [first] = runs;
    if (!first) throw new Error('no pgbench batch ran');
    const transactions = runs.reduce((n, r) => n + r.transactions, 0);
    const seconds = this.runs.reduce((n, r) => n + r.seconds, 0);
    const cpu = runs.every((r) => r.serverCpuMs !== undefined)
      ? runs.reduce((n, r) => n + (r.serverCpuMs ?? 0), 0)
      : undefined;
    return {
      script: first.script,
      clients: first.clients,
      transactions,
      tps: transactions / seconds,
      // pgbench's average latency, weighted by each batch's transactions
      latencyAverageMs: runs.reduce((n, r) => n + r.latencyAverageMs * r.transactions, 0) / transactions,
      ...(cpu === undefined ? {} : { serverCpuMs: cpu }),
    };
  }
}

function ceilingNote(what: string, latency: LoadResult['latency'], targetP99Ms: number): string {
  const cores = availableParallelism();
  const { perSecond, minMeanLatencyMs } = serverCeiling(latency.meanMs, cores, CLIENTS);
  return (
    `${what}: ${latency.meanMs.toFixed(2)} ms of server time each, so at most ${Math.round(perSecond).toLocaleString('en')}/s ` +
    `on ${cores} cores with no client cost at all, and ${CLIENTS} clients in a closed loop wait at least ` +
    `${minMeanLatencyMs.toFixed(1)} ms on average (Little's law) against a p99 target of ${targetP99Ms} ms`
  );
}

/**
 * The product page transaction as the application sends it, for pgbench instead of Node: a C client with
 * prepared statements, always the same (cached) product of `tenant`. The best a client could do here.
 */
function productPageScript(tenant: TenantSample): CustomScript {
  return {
    name: 'product page via pgbench',
    text: [
      'begin;',
      'select app.set_tenant(:tenant);',
      'select * from catalog.product_page(:tenant, :product, :locale, null, null, :currency, 1);',
      'commit;',
      '',
    ].join('\n'),
    variables: {
      tenant: tenant.tenantId,
      product: tenant.productIds[0] as string,
      locale: (tenant.terms[0] as TenantSample['terms'][number]).locale,
      currency: tenant.currency,
    },
  };
}

function p99Target(result: LoadResult, targetP99Ms: number): ResultRow['target'] {
  return { text: `p99 < ${targetP99Ms} ms`, met: result.latency.p99Ms < targetP99Ms };
}

async function run(db: DevDatabase, options: BenchOptions): Promise<SuiteResult> {
  const { say } = options;
  const dataset = await requireLargeProfile(db, options);
  say('sampling tenants, products, buyers and search terms');
  const tenants = await sampleTenants(db.adminUrl);
  if (tenants.length === 0) {
    throw new Error('No tenant has live products with translations: load `pnpm db:seed --profile large`.');
  }
  const products = tenants.reduce((n, t) => n + t.productIds.length, 0);
  const withBuyers = tenants.filter((t) => t.buyers.length > 0).length;
  const cpu = await openServerCpu(db.adminUrl);
  if (!cpu) say('server CPU: the server runs elsewhere (no /proc of its processes here): no CPU figures');
  const pageScript = productPageScript(tenants[0] as TenantSample);

  // Every workload runs in BATCHES batches, alternating (page, search, server time, pgbench page, pgbench
  // select-only, then again), each batch a share of --duration: the figures compared with each other are
  // taken in the same window, so load that comes and goes on a shared machine weighs on all of them alike.
  // The first batch of each workload gets the whole warmup, later ones a short one (connections and
  // caches are warm by then).
  const batchSeconds = Math.max(1, Math.round(options.seconds / BATCHES)); // pgbench -T takes whole seconds
  const warmupOf = (batch: number) =>
    batch === 0 ? options.warmupSeconds : Math.min(1, options.warmupSeconds);
  const serverPerBatch = Math.ceil(SERVER_SAMPLES / BATCHES);
  const pooled = {
    page: new Pooled(),
    search: new Pooled(),
    pageServer: new Pooled(),
    searchServer: new Pooled(),
    pageViaPgbench: new PooledPgbench(),
    selectOnly: new PooledPgbench(),
  };

  say(`pgbench: initialising scale ${PGBENCH_SCALE} in a scratch database`);
  await withPgbenchDatabase(db.adminUrl, PGBENCH_SCALE, (pgbenchUrl) =>
    withPool(db.appUrl, CLIENTS, async (pool) => {
      await assertApplicationRole(pool);
      for (let batch = 0; batch < BATCHES; batch++) {
        const during = `${warmupOf(batch)} s warmup + ${batchSeconds} s`;
        const timing = { warmupSeconds: warmupOf(batch), seconds: batchSeconds };
        const load = { clients: CLIENTS, ...timing, ...(cpu ? { cpu } : {}) };
        const of = `batch ${batch + 1}/${BATCHES}`;
        say(`${of}: product page, ${CLIENTS} clients, ${during}`);
        pooled.page.add(await runLoad({ ...load, operation: () => productPage(pool, tenants) }));
        say(`${of}: search, ${CLIENTS} clients, ${during}`);
        pooled.search.add(await runLoad({ ...load, operation: () => searchOnce(pool, tenants) }));
        say(`${of}: server time, ${serverPerBatch} product pages and searches timed inside the server`);
        const { pages, searches } = serverSamples(tenants, serverPerBatch);
        for (const [into, samples, statement] of [
          [pooled.pageServer, pages, SERVER_STATEMENTS.page],
          [pooled.searchServer, searches, SERVER_STATEMENTS.search],
        ] as const) {
          const { timesMs, serverCpuMs } = await serverTimes(db.appUrl, samples, statement, cpu);
          const seconds = timesMs.reduce((n, t) => n + t, 0) / 1000;
          into.add({ samplesMs: timesMs, seconds, ...(serverCpuMs === undefined ? {} : { serverCpuMs }) });
        }
        say(
          `${of}: product page via pgbench (C client, prepared, one product), ${CLIENTS} clients, ${during}`,
        );
        const viaPgbench = await measurePgbench(
          db.appUrl,
          { script: pageScript, clients: CLIENTS, ...(cpu ? { cpu } : {}) },
          timing,
        );
        pooled.pageViaPgbench.add(viaPgbench.measured, batchSeconds);
        say(`${of}: pgbench select-only, ${CLIENTS} clients, ${during}`);
        const selectOnly = await measurePgbench(
          pgbenchUrl,
          { script: 'select-only', clients: CLIENTS, ...(cpu ? { cpu } : {}) },
          timing,
        );
        pooled.selectOnly.add(selectOnly.measured, batchSeconds);
      }
    }),
  );

  const page = pooled.page.result(CLIENTS);
  const found = pooled.search.result(CLIENTS);
  const pageServer = pooled.pageServer.result(1);
  const searchServer = pooled.searchServer.result(1);
  const pageViaPgbench = pooled.pageViaPgbench.result();
  const selectOnly = pooled.selectOnly.result();
  const perRequest = (r: { serverCpuMs?: number }, count: number) =>
    r.serverCpuMs === undefined || !count ? undefined : r.serverCpuMs / count;
  const selectOnlyCpu = perRequest(selectOnly, selectOnly.transactions);
  const pageServerCpu = perRequest(pageServer, pageServer.latency.count);
  const searchServerCpu = perRequest(searchServer, searchServer.latency.count);
  const inSelectOnly = (what: string, value: number | undefined, atMost?: number): Ratio[] =>
    value === undefined || selectOnlyCpu === undefined
      ? []
      : [{ what, value: value / selectOnlyCpu, ...(atMost === undefined ? {} : { atMost }) }];
  const ratios: Ratio[] = [
    {
      what: `search server time (mean, clock inside the server) / ${TARGETS.searchServerMs} ms`,
      value: searchServer.latency.meanMs / TARGETS.searchServerMs,
      atMost: 1,
    },
    ...(searchServerCpu === undefined
      ? []
      : [
          {
            what: `search server CPU per call (from /proc, same loop) / ${TARGETS.searchServerMs} ms`,
            value: searchServerCpu / TARGETS.searchServerMs,
            atMost: 1,
          },
        ]),
    ...inSelectOnly(
      'product page server CPU per call (inside the server) / pgbench select-only server CPU per transaction',
      pageServerCpu,
      TARGETS.pageVsSelectOnly,
    ),
    ...inSelectOnly(
      'product page via pgbench (begin, tenant, page, commit) server CPU / select-only',
      perRequest(pageViaPgbench, pageViaPgbench.transactions),
    ),
    ...inSelectOnly(
      'product page (getProductPage, Node, 8 clients) server CPU / select-only',
      perRequest(page, page.latency.count),
    ),
    ...inSelectOnly(
      'search (searchProducts, Node, 8 clients) server CPU / select-only',
      perRequest(found, found.latency.count),
    ),
    ...inSelectOnly('search server CPU per call (inside the server) / select-only', searchServerCpu),
  ];

  return {
    dataset,
    rows: [
      loadRow('product page (getProductPage)', page, p99Target(page, TARGET_P99_MS.productPage)),
      loadRow('search (searchProducts)', found, p99Target(found, TARGET_P99_MS.search)),
      loadRow('product page, server time only', pageServer),
      loadRow('search, server time only', searchServer),
      pgbenchRow('product page via pgbench (C client, 1 product)', pageViaPgbench),
      pgbenchRow(`pgbench select-only (-S, scale ${PGBENCH_SCALE})`, selectOnly),
    ],
    ratios,
    notes: [
      `${tenants.length} tenants, ${products.toLocaleString('en')} sampled products; viewer: ` +
        (withBuyers
          ? `a sampled active buyer in ${withBuyers} tenants, else an anonymous visitor in the tenant's currency`
          : `an anonymous visitor in the tenant's currency (no tenant has buyers)`),
      `${BATCHES} batches of every workload, alternating (product page, search, server time, product page ` +
        `via pgbench, pgbench select-only, then again), ${batchSeconds} s each (the first after a ` +
        `${options.warmupSeconds} s warmup, later ones after ${warmupOf(1)} s); each row pools its batches`,
      'latency is end to end as the application sees it: withTenant transaction (begin, tenant context, ' +
        'queries, commit) as b2b_app through a pool of 8 connections, measured in the same Node process',
      'per s for the catalog rows is requests (transactions) per second; pgbench reports an average only',
      'server time only: the same function calls run one after another by a PL/pgSQL loop in one session as ' +
        'b2b_app, timed inside the server (no protocol, driver or Node), after one unmeasured pass; its server ' +
        'CPU is the whole server over the measured loop (one busy backend), per call',
      "server CPU ms/tx: the whole server's CPU time (utime + stime of the postmaster and all its processes, " +
        'exited ones included, from /proc; see server-cpu.ts) over the measured window, divided by the ' +
        "requests measured; client CPU ms/tx: the Node process's. Per batch, server CPU per request: " +
        `product page ${spread(pooled.page.perBatchCpuMs, 3)}, search ${spread(pooled.search.perBatchCpuMs, 3)}, ` +
        `page inside the server ${spread(pooled.pageServer.perBatchCpuMs, 3)}, search inside the server ` +
        `${spread(pooled.searchServer.perBatchCpuMs, 3)}, page via pgbench ${spread(pooled.pageViaPgbench.perBatchCpuMs, 3)}, ` +
        `select-only ${spread(pooled.selectOnly.perBatchCpuMs, 4)} ms`,
      'targets (issue 13): search at most 1 ms of server time; the product page at most 2 pgbench select-only ' +
        'transactions of server CPU (the function alone, inside the server, as the issue measured it; the end ' +
        'to end ratios beside add begin, the tenant context, commit and the protocol of each round trip)',
      'product page via pgbench: the same transaction (begin and tenant context, catalog.product_page, ' +
        'commit) as b2b_app from pgbench with prepared statements, always one product of one tenant: the ' +
        'cheapest client and the warmest cache there can be, for comparison with the Node row (begin and ' +
        'the tenant context go as two statements there, one round trip more than withTenant)',
      ceilingNote('product page', pageServer.latency, TARGET_P99_MS.productPage),
      ceilingNote('search', searchServer.latency, TARGET_P99_MS.search),
    ],
  };
}

export const catalogSuite: Suite = {
  summary: 'product page and search p50/p99 at 8 clients on the large profile, beside pgbench select-only',
  run,
};
