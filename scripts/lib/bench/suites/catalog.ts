// `pnpm bench catalog`: the buyer-facing reads of @b2b/catalog under load, as the application runs them
// (inside withTenant, as b2b_app, so row-level security is in the path), beside pgbench select-only.
import { availableParallelism } from 'node:os';
import { getProductPage, searchProducts, type Viewer } from '@b2b/catalog';
import { type Queryable, withTenant } from '@b2b/db';
import { withClient } from '@b2b/testing';
import type pg from 'pg';
import type { DevDatabase } from '../../dev-database';
import { assertApplicationRole, type LoadResult, runLoad, withPool } from '../clients';
import { type CustomScript, measurePgbench, withPgbenchDatabase } from '../pgbench';
import { loadRow, pgbenchRow, type ResultRow, type SuiteResult } from '../report';
import { type ServerSample, serverCeiling, serverTime } from '../server-time';
import { type BenchOptions, requireLargeProfile, type Suite } from '../suite';

const CLIENTS = 8;
/** p99 targets of the catalog issue, in ms. */
const TARGET_P99_MS = { productPage: 2, search: 5 };
/** pgbench -s 10: 1,000,000 accounts (about 150 MB), held in memory as the catalog rows read here are. */
const PGBENCH_SCALE = 10;
/** Per tenant: how many products, buyers and search terms to draw from, fetched once before the runs. */
const SAMPLE = { products: 200, buyers: 20, terms: 50 };
/** Requests timed inside the server (see server-time.ts), per workload. */
const SERVER_SAMPLES = 2_000;

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

/**
 * The same requests as the load, timed inside the server: the product page as an anonymous visitor in the
 * tenant's currency (what the large profile's load runs), search by the sampled terms.
 */
async function serverTimes(appUrl: string, tenants: TenantSample[]) {
  const pages: ServerSample[] = [];
  const searches: ServerSample[] = [];
  for (let i = 0; i < SERVER_SAMPLES; i++) {
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
  const page = await serverTime(
    appUrl,
    pages,
    `perform count(*) from catalog.product_page((r ->> 'tenantId')::uuid, (r ->> 'productId')::uuid, r ->> 'locale', null, null, r ->> 'currency', 1)`,
  );
  const search = await serverTime(
    appUrl,
    searches,
    `perform count(*) from catalog.search_products((r ->> 'tenantId')::uuid, r ->> 'text', r ->> 'locale', null, null, null, null, null, null, false, null, null, 24)`,
  );
  return { page, search };
}

/** A row for requests timed inside the server, one after another in one session. */
function serverRow(workload: string, latency: LoadResult['latency']): ResultRow {
  const seconds = (latency.meanMs * latency.count) / 1000;
  return loadRow(workload, { clients: 1, seconds, perSecond: latency.count / seconds, latency });
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
  const load = { clients: CLIENTS, warmupSeconds: options.warmupSeconds, seconds: options.seconds };
  const during = `${options.warmupSeconds} s warmup + ${options.seconds} s`;

  const [page, found] = await withPool(db.appUrl, CLIENTS, async (pool) => {
    await assertApplicationRole(pool);
    say(`product page: ${CLIENTS} clients, ${during}`);
    const page = await runLoad({ ...load, operation: () => productPage(pool, tenants) });
    say(`search: ${CLIENTS} clients, ${during}`);
    const found = await runLoad({ ...load, operation: () => searchOnce(pool, tenants) });
    return [page, found];
  });

  say(
    `server time: ${SERVER_SAMPLES.toLocaleString('en')} product pages and searches timed inside the server`,
  );
  const server = await serverTimes(db.appUrl, tenants);

  const pageScript = productPageScript(tenants[0] as TenantSample);
  say(`product page via pgbench (C client, prepared, one product): ${CLIENTS} clients, ${during}`);
  const { measured: pageViaPgbench } = await measurePgbench(
    db.appUrl,
    { script: pageScript, clients: CLIENTS },
    options,
  );

  say(`pgbench: initialising scale ${PGBENCH_SCALE} in a scratch database`);
  const pgbench = await withPgbenchDatabase(db.adminUrl, PGBENCH_SCALE, async (url) => {
    say(`pgbench select-only: ${CLIENTS} clients, ${during}`);
    return (await measurePgbench(url, { script: 'select-only', clients: CLIENTS }, options)).measured;
  });

  return {
    dataset,
    rows: [
      loadRow('product page (getProductPage)', page, p99Target(page, TARGET_P99_MS.productPage)),
      loadRow('search (searchProducts)', found, p99Target(found, TARGET_P99_MS.search)),
      serverRow('product page, server time only', server.page),
      serverRow('search, server time only', server.search),
      pgbenchRow('product page via pgbench (C client, 1 product)', pageViaPgbench),
      pgbenchRow(`pgbench select-only (-S, scale ${PGBENCH_SCALE})`, pgbench),
    ],
    notes: [
      `${tenants.length} tenants, ${products.toLocaleString('en')} sampled products; viewer: ` +
        (withBuyers
          ? `a sampled active buyer in ${withBuyers} tenants, else an anonymous visitor in the tenant's currency`
          : `an anonymous visitor in the tenant's currency (no tenant has buyers)`),
      'latency is end to end as the application sees it: withTenant transaction (begin, tenant context, ' +
        'queries, commit) as b2b_app through a pool of 8 connections, measured in the same Node process',
      'per s for the catalog rows is requests (transactions) per second; pgbench reports an average only',
      'server time only: the same function calls run one after another by a PL/pgSQL loop in one session as ' +
        'b2b_app, timed inside the server (no protocol, driver or Node), after one unmeasured pass',
      'product page via pgbench: the same transaction (begin and tenant context, catalog.product_page, ' +
        'commit) as b2b_app from pgbench with prepared statements, always one product of one tenant: the ' +
        'cheapest client and the warmest cache there can be, for comparison with the Node row (begin and ' +
        'the tenant context go as two statements there, one round trip more than withTenant)',
      ceilingNote('product page', server.page, TARGET_P99_MS.productPage),
      ceilingNote('search', server.search, TARGET_P99_MS.search),
    ],
  };
}

export const catalogSuite: Suite = {
  summary: 'product page and search p50/p99 at 8 clients on the large profile, beside pgbench select-only',
  run,
};
