// The `large` seed profile: 100 tenants with 1,000,000 variants, translations, prices and stock,
// generated on the fly and streamed through COPY. Ids are derived from counters (deterministic, no
// memory held per row): the same profile always produces the same rows.
import { SingleBar } from 'cli-progress';
import type pg from 'pg';
import { disableTriggers, enableAndCheck, planBulkTriggers } from './bulk-checks';
import { deferIndexesAndConstraints, restoreIndexesAndConstraints } from './bulk-load';
import { copyChunks } from './copy-loader';
import { buildProductPages } from './product-pages';
import { seedId } from './seed-ids';

export interface LargeScale {
  tenants: number;
  productsPerTenant: number;
}

export const LARGE = {
  categoriesPerTenant: 20, // 4 roots with 4 children each
  variantsPerProduct: 4,
  warehousesPerTenant: 2,
  locales: ['en', 'de'],
};

/** The profile: 100 tenants, 1,000,000 variants. */
export const LARGE_SCALE: LargeScale = { tenants: 100, productsPerTenant: 2_500 };

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF'];
const WORDS = [
  'steel',
  'bolt',
  'valve',
  'cable',
  'pump',
  'sensor',
  'drill',
  'bearing',
  'filter',
  'panel',
  'hinge',
  'gasket',
  'clamp',
  'motor',
  'switch',
  'relay',
  'hose',
  'nozzle',
  'bracket',
  'spring',
];
const GERMAN = [
  'Stahl',
  'Bolzen',
  'Ventil',
  'Kabel',
  'Pumpe',
  'Sensor',
  'Bohrer',
  'Lager',
  'Filter',
  'Platte',
  'Scharnier',
  'Dichtung',
  'Klemme',
  'Motor',
  'Schalter',
  'Relais',
  'Schlauch',
  'Duese',
  'Halter',
  'Feder',
];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

const KIND = { tenant: 1, warehouse: 2, priceList: 3, category: 4, product: 5, variant: 6, price: 7 };

interface Load {
  table: string;
  columns: string[];
  count: number;
  /** COPY text in chunks of about a megabyte. */
  chunks: () => Iterable<{ bytes: Buffer; rows: number }>;
}

function productName(t: number, p: number, words: string[]): string {
  return `${words[p % 20]} ${words[(p * 7 + t) % 20]} ${p}`;
}

const categoryIndex = (p: number) => 4 + (p % 16); // leaf categories are 4..19

/** Bytes per chunk handed to COPY; a row is at most a few hundred bytes. */
const CHUNK_BYTES = 1 << 20;
const ROOM_FOR_A_ROW = 4096;

/**
 * The rows of every tenant in chunks of COPY text: `row(t, i)` returns the text of row i of tenant t
 * (ending in a newline; `rowsPerCall` rows when it writes several). Each row is written into the chunk's
 * Buffer at once, so its string dies young: collecting a chunk's rows as strings and joining them
 * spent more time in the garbage collector than in generating the rows.
 */
function* perTenant(
  tenants: number | number[],
  calls: number,
  row: (t: number, i: number, tenant: string) => string,
  rowsPerCall = 1,
): Generator<{ bytes: Buffer; rows: number }> {
  let bytes = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  let rows = 0;
  for (const t of typeof tenants === 'number' ? Array.from({ length: tenants }, (_, i) => i) : tenants) {
    const tenant = seedId(KIND.tenant, t, 0);
    for (let i = 0; i < calls; i++) {
      used += bytes.write(row(t, i, tenant), used, 'utf8');
      rows += rowsPerCall;
      if (used > CHUNK_BYTES - ROOM_FOR_A_ROW) {
        yield { bytes: bytes.subarray(0, used), rows };
        bytes = Buffer.allocUnsafe(CHUNK_BYTES);
        used = 0;
        rows = 0;
      }
    }
  }
  if (rows) yield { bytes: bytes.subarray(0, used), rows };
}

/** The tenant's ids of one kind, computed once per chunk and reused by every row that refers to them. */
function idsOf(kind: number, t: number, count: number): string[] {
  return Array.from({ length: count }, (_, n) => seedId(kind, t, n));
}

/** `build(t)` for tenant t, computed again only when t changes from the previous call. */
function lastTenantCache<V>(build: (t: number) => V): (t: number) => V {
  let cachedFor = -1;
  let value: V | undefined;
  return (t) => {
    if (cachedFor !== t || value === undefined) {
      value = build(t);
      cachedFor = t;
    }
    return value;
  };
}

/** The loads of the profile at a scale (the tests load a tiny one; `pnpm db:seed` the full one). */
export function largeLoads(scale: LargeScale = LARGE_SCALE): Load[] {
  const T = scale.tenants;
  const P = scale.productsPerTenant;
  const V = LARGE.variantsPerProduct;
  const W = LARGE.warehousesPerTenant;
  // The ids rows refer to, per tenant: each list is built when a load first asks for it for a tenant and
  // kept until the tenant changes (the loads go through the tenants in order). Lazily, list by list: a
  // load that needs only products does not build and sort the variants.
  const productIds = lastTenantCache((t) => idsOf(KIND.product, t, P));
  const variantIds = lastTenantCache((t) => idsOf(KIND.variant, t, P * V));
  const variantsInIdOrder = lastTenantCache((t) => {
    const variants = variantIds(t);
    // lowercase hex uuids sort as text the way uuid sorts
    return variants
      .map((_, v) => v)
      .sort((a, b) => ((variants[a] as string) < (variants[b] as string) ? -1 : 1));
  });
  const tenantsInIdOrder = Array.from({ length: T }, (_, t) => t).sort((a, b) =>
    seedId(KIND.tenant, a, 0) < seedId(KIND.tenant, b, 0) ? -1 : 1,
  );
  const categoryPath = (t: number, c: number) =>
    c < 4
      ? `/${seedId(KIND.category, t, c)}/`
      : `/${seedId(KIND.category, t, c % 4)}/${seedId(KIND.category, t, c)}/`;
  return [
    {
      table: 'tenancy.tenants',
      columns: ['tenant_id', 'slug', 'name', 'default_locale', 'default_currency'],
      count: T,
      chunks: () =>
        perTenant(
          T,
          1,
          (t, _i, tenant) => `${tenant}\tbulk-${hex(t, 4)}\tBulk Tenant ${t}\ten\t${CURRENCIES[t % 4]}\n`,
        ),
    },
    {
      table: 'catalog.warehouses',
      columns: ['tenant_id', 'warehouse_id', 'code', 'name', 'country_code'],
      count: T * W,
      chunks: () =>
        perTenant(
          T,
          W,
          (t, w, tenant) =>
            `${tenant}\t${seedId(KIND.warehouse, t, w)}\tWH${w}\tWarehouse ${w}\t${w ? 'DE' : 'US'}\n`,
        ),
    },
    {
      table: 'catalog.price_lists',
      columns: ['tenant_id', 'price_list_id', 'name', 'currency', 'scope', 'priority'],
      count: T,
      chunks: () =>
        perTenant(
          T,
          1,
          (t, _i, tenant) =>
            `${tenant}\t${seedId(KIND.priceList, t, 0)}\tBase\t${CURRENCIES[t % 4]}\tbase\t0\n`,
        ),
    },
    {
      // The generator writes each path the way catalog.set_category_path() would (its trigger is off
      // during the load; bulk-checks.ts re-checks every path). Roots go first all the same, so the
      // load stays correct when the trigger is left on.
      table: 'catalog.categories',
      columns: ['tenant_id', 'category_id', 'parent_category_id', 'path'],
      count: T * 4,
      chunks: () =>
        perTenant(
          T,
          4,
          (t, c, tenant) => `${tenant}\t${seedId(KIND.category, t, c)}\t\\N\t${categoryPath(t, c)}\n`,
        ),
    },
    {
      table: 'catalog.categories',
      columns: ['tenant_id', 'category_id', 'parent_category_id', 'path'],
      count: T * 16,
      chunks: () =>
        perTenant(
          T,
          16,
          (t, c, tenant) =>
            `${tenant}\t${seedId(KIND.category, t, 4 + c)}\t${seedId(KIND.category, t, c % 4)}\t${categoryPath(t, 4 + c)}\n`,
        ),
    },
    {
      table: 'catalog.products',
      columns: ['tenant_id', 'product_id'],
      count: T * P,
      chunks: () => perTenant(T, P, (t, p, tenant) => `${tenant}\t${productIds(t)[p]}\n`),
    },
    {
      table: 'catalog.product_translations',
      columns: ['tenant_id', 'product_id', 'locale', 'name', 'slug', 'description'],
      count: T * P * 2,
      chunks: () =>
        perTenant(
          T,
          P,
          (t, p, tenant) => {
            const product = productIds(t)[p];
            const en = productName(t, p, WORDS);
            const de = productName(t, p, GERMAN);
            return (
              `${tenant}\t${product}\ten\t${en}\t${en.replaceAll(' ', '-')}\tIndustrial ${en} for professional use.\n` +
              `${tenant}\t${product}\tde\t${de}\t${de.toLowerCase().replaceAll(' ', '-')}\t${de} fuer den professionellen Einsatz.\n`
            );
          },
          2,
        ),
    },
    {
      table: 'catalog.product_categories',
      columns: ['tenant_id', 'category_id', 'product_id'],
      count: T * P,
      chunks: () =>
        perTenant(
          T,
          P,
          (t, p, tenant) => `${tenant}\t${seedId(KIND.category, t, categoryIndex(p))}\t${productIds(t)[p]}\n`,
        ),
    },
    {
      table: 'catalog.variants',
      columns: ['tenant_id', 'variant_id', 'product_id', 'sku'],
      count: T * P * V,
      chunks: () =>
        perTenant(T, P * V, (t, v, tenant) => {
          const p = Math.floor(v / V);
          // upper case: the canonical form of a code (app.canonical_code), which the switched-off trigger would write
          return `${tenant}\t${variantIds(t)[v]}\t${productIds(t)[p]}\tSKU-${hex(t, 3).toUpperCase()}-${p}-${v % V}\n`;
        }),
    },
    {
      // Two quantity tiers per variant in the tenant's base list: 1-9 at list price, 10+ at 10% off.
      // In the order of excl_prices_no_overlap's leading columns (tenant_id, variant_id): its GiST index
      // is built by inserting row after row, and sorted input keeps each insert on the index's right
      // edge (pages in cache, no search through earlier subtrees). Over the 2,000,000 prices, input in
      // random variant order took more than twice the CPU (measured: 78 s sorted; random had used 158 s
      // when it was stopped).
      table: 'catalog.prices',
      columns: [
        'tenant_id',
        'price_id',
        'price_list_id',
        'variant_id',
        'currency',
        'unit_price',
        'quantities',
      ],
      count: T * P * V * 2,
      chunks: () =>
        perTenant(
          tenantsInIdOrder,
          P * V,
          (t, i, tenant) => {
            const v = variantsInIdOrder(t)[i] as number;
            const price = 5 + ((v * 37 + t) % 2000) / 4;
            const list = seedId(KIND.priceList, t, 0);
            const variant = variantIds(t)[v];
            const currency = CURRENCIES[t % 4];
            return (
              `${tenant}\t${seedId(KIND.price, t, v * 2)}\t${list}\t${variant}\t${currency}\t${price.toFixed(4)}\t[1,10)\n` +
              `${tenant}\t${seedId(KIND.price, t, v * 2 + 1)}\t${list}\t${variant}\t${currency}\t${(price * 0.9).toFixed(4)}\t[10,)\n`
            );
          },
          2,
        ),
    },
    {
      // Units on hand only: reserved belongs to orders (there are none here). Each level's first on_hand is
      // journaled as trg_stock_levels_after_insert would, one movement per level (reason sync: an opening
      // balance), written in one statement after the copy (bulk-checks.ts), so orders.reconcile_stock is
      // clean after the load.
      table: 'catalog.stock_levels',
      columns: ['tenant_id', 'variant_id', 'warehouse_id', 'on_hand'],
      count: T * P * V * W,
      chunks: () =>
        perTenant(
          T,
          P * V,
          (t, v, tenant) => {
            let rows = '';
            for (let w = 0; w < W; w++) {
              const onHand = (v * 13 + w * 7) % 500;
              rows += `${tenant}\t${variantIds(t)[v]}\t${seedId(KIND.warehouse, t, w)}\t${onHand}\n`;
            }
            return rows;
          },
          W,
        ),
    },
  ];
}

export function largeRowCount(scale: LargeScale = LARGE_SCALE): number {
  return largeLoads(scale).reduce((sum, load) => sum + load.count, 0);
}

/** Wall time of each step of the load, in seconds (the rows/s printed divides by their sum). */
export type LoadPhases = Record<
  | 'prepare'
  | 'copy'
  | 'indexes'
  | 'constraints'
  | 'foreignKeys'
  | 'checks'
  | 'journals'
  | 'derived'
  | 'commit'
  | 'analyze',
  number
>;

/**
 * Derived data built after the load, inside its transaction, from the loaded rows (read models and the
 * like): each step gets the loader's client and the loaded tenant ids, and its time is phase `derived`,
 * counted in the load's rows/s. Add one entry per read model.
 */
export const DERIVED_AFTER_LOAD: {
  what: string;
  build: (client: pg.ClientBase, tenants: string[]) => Promise<void>;
}[] = [
  // catalog.product_pages: its row triggers are off during the copy (bulk-checks.ts), so every loaded
  // tenant's pages are built here, one set-based statement per tenant
  {
    what: 'product pages',
    build: buildProductPages,
  },
];

/**
 * Empties the loaded catalog tables in the load's own transaction when they hold no rows yet. A table
 * truncated (or created) in the same transaction is what lets COPY ... FREEZE write its rows already
 * frozen (no hint-bit rewrite and no anti-wraparound vacuum of 6 million rows later) and, under
 * wal_level = minimal (the development cluster's setting), skip WAL for the rows. A table that holds
 * rows is never truncated: then nothing is frozen and the load simply takes longer.
 */
async function truncateIfEmpty(client: pg.ClientBase, tables: string[]): Promise<boolean> {
  // TRUNCATE must also name every table whose foreign keys point at these, directly or through another
  // (catalog.category_translations references categories; orders.order_lines references variants and is
  // referenced in turn): they are emptied too, so they must be empty as well.
  const { rows } = await client.query<{ table: string }>(
    `with recursive referencing (oid) as (
       select conrelid from pg_constraint where contype = 'f' and confrelid = any ($1::text[]::regclass[])
       union
       select k.conrelid from pg_constraint k join referencing r on k.confrelid = r.oid where k.contype = 'f'
     )
     select oid::regclass::text as table from referencing order by 1`,
    [tables],
  );
  const all = [...new Set([...tables, ...rows.map((r) => r.table)])];
  for (const table of all) {
    const { rowCount } = await client.query(`select from ${table} limit 1`);
    if (rowCount) return false;
  }
  await client.query(`truncate ${all.join(', ')}`);
  return true;
}

/** Loads the profile in one transaction; prints progress, phases and rows per second. */
export async function loadLarge(
  client: pg.ClientBase,
  say: (line: string) => void,
  {
    scale = LARGE_SCALE,
    progress = true,
    rowTriggers = false,
    auditTrail = true,
  }: {
    scale?: LargeScale;
    progress?: boolean;
    /** Leave every row trigger on (the reference the tests compare the set-based stand-ins with). */
    rowTriggers?: boolean;
    /** false: the loaded rows get no insert events in the audit trail (see planBulkTriggers). */
    auditTrail?: boolean;
  } = {},
): Promise<{ rows: number; seconds: number; phases: LoadPhases }> {
  const loads = largeLoads(scale);
  const total = loads.reduce((sum, load) => sum + load.count, 0);
  const tenants = Array.from({ length: scale.tenants }, (_, t) => seedId(KIND.tenant, t, 0));
  const loaded = [...new Set(loads.map((l) => l.table).filter((t) => t.startsWith('catalog.')))];
  // The stock journal is written after the copy, not copied; its indexes and keys are built after the
  // load like the loaded tables' own.
  const tables = [...loaded, 'catalog.stock_movements'];
  const bar = new SingleBar({
    format: '  {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | {table}',
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    hideCursor: true,
  });
  const phases: LoadPhases = {
    prepare: 0,
    copy: 0,
    indexes: 0,
    constraints: 0,
    foreignKeys: 0,
    checks: 0,
    journals: 0,
    derived: 0,
    commit: 0,
    analyze: 0,
  };
  const started = performance.now();
  let mark = started;
  const lap = () => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const slow = (what: string, ms: number) => {
    if (ms > 1000) say(`  ${what} in ${(ms / 1000).toFixed(1)} s`);
  };
  await client.query('begin');
  try {
    // Index, GiST and foreign key builds sort and hash in memory up to maintenance_work_mem (foreign
    // key validation runs with it as work_mem). The load commits once: not waiting for that one WAL
    // flush changes nothing, but a crash would lose the load, which is a rerun.
    await client.query(`set local maintenance_work_mem = '1GB'`);
    await client.query(`set local work_mem = '256MB'`);
    await client.query('set local synchronous_commit = off');
    const frozen = await truncateIfEmpty(client, tables);
    const deferred = await deferIndexesAndConstraints(client, tables);
    const plan = rowTriggers ? [] : await planBulkTriggers(client, tables, { auditTrail });
    await disableTriggers(client, plan);
    phases.prepare = lap();
    say(
      `deferred ${deferred.length} indexes and constraints on ${tables.length} tables, switched off ${plan.length} row triggers (checked or written set-based after the copy)${frozen ? ', rows copied frozen' : ''}`,
    );
    if (progress) bar.start(total, 0, { speed: 0, table: '' });
    let done = 0;
    // the reason of the opening stock movements (read by the journal trigger, or its stand-in)
    await client.query(`select catalog.set_stock_reason('sync')`);
    for (const load of loads) {
      const freeze = frozen && load.table.startsWith('catalog.') ? 'with (freeze)' : '';
      await copyChunks(
        client,
        load.table,
        load.columns,
        load.chunks(),
        (n) => {
          done += n;
          const seconds = (performance.now() - started) / 1000;
          bar.update(done, { speed: Math.round(done / seconds), table: load.table });
        },
        freeze,
      );
    }
    bar.stop();
    phases.copy = lap();
    say(
      `copied ${total.toLocaleString('en')} rows in ${phases.copy.toFixed(1)} s (${Math.round(total / phases.copy).toLocaleString('en')} rows/s)`,
    );
    // Before the index builds: the journal's rows are indexed with the rest.
    let writing = 0;
    await enableAndCheck(client, plan, tenants, (what, ms) => {
      writing += ms / 1000;
      slow(`wrote ${what}`, ms);
    });
    await client.query('select catalog.set_stock_reason(null)');
    phases.journals = writing;
    phases.checks = lap() - writing;
    await restoreIndexesAndConstraints(client, deferred, (item, ms) => {
      phases[item.phase] += ms / 1000;
      slow(`built ${item.what}`, ms);
    });
    mark = performance.now();
    // Derived data built after the load (read models): from the loaded rows, with every index in place;
    // with every row trigger on (the reference load), the triggers have written it already.
    for (const step of rowTriggers ? [] : DERIVED_AFTER_LOAD) {
      const stepStarted = performance.now();
      await step.build(client, tenants);
      slow(`built ${step.what}`, performance.now() - stepStarted);
    }
    phases.derived = lap();
    await client.query('commit');
    phases.commit = lap();
  } catch (error) {
    bar.stop();
    await client.query('rollback').catch(() => {});
    throw new Error(`Loading the large profile failed; nothing was loaded: ${(error as Error).message}`);
  }
  for (const table of new Set([...loads.map((l) => l.table), 'catalog.stock_movements']))
    await client.query(`analyze ${table}`);
  phases.analyze = lap();
  const seconds = (performance.now() - started) / 1000;
  return { rows: total, seconds, phases };
}
