// The `large` seed profile: 100 tenants with 1,000,000 variants, translations, prices and stock,
// generated on the fly and streamed through COPY. Ids are derived from counters (deterministic, no
// memory held per row): the same profile always produces the same rows.
import { createHash } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import type pg from 'pg';
import { deferIndexesAndConstraints, restoreIndexesAndConstraints } from './bulk-load';
import { type CopyValue, copyRows } from './copy-loader';

export const LARGE = {
  tenants: 100,
  categoriesPerTenant: 20, // 4 roots with 4 children each
  productsPerTenant: 2_500,
  variantsPerProduct: 4, // 1,000,000 variants in all
  warehousesPerTenant: 2,
  locales: ['en', 'de'],
};

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
/**
 * A uuid derived from (kind, tenant, n) by hashing: deterministic, yet spread like gen_random_uuid()'s.
 * Sequential ids made the GiST index behind excl_prices_no_overlap degrade pathologically (btree_gist
 * splits pages badly on runs of near-equal keys), which real, random ids do not.
 */
const id = (kind: number, tenant: number, n: number) => {
  const h = createHash('md5').update(`${kind}:${tenant}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const KIND = { tenant: 1, warehouse: 2, priceList: 3, category: 4, product: 5, variant: 6, price: 7 };

function* range(n: number): Generator<number> {
  for (let i = 0; i < n; i++) yield i;
}

function* each<T>(count: number, fn: (i: number) => Iterable<T>): Generator<T> {
  for (let i = 0; i < count; i++) yield* fn(i);
}

interface Load {
  table: string;
  columns: string[];
  count: number;
  rows: () => Iterable<CopyValue[]>;
}

const T = LARGE.tenants;
const P = LARGE.productsPerTenant;
const V = LARGE.variantsPerProduct;

function productName(t: number, p: number, words: string[]): string {
  return `${words[p % 20]} ${words[(p * 7 + t) % 20]} ${p}`;
}

const categoryIndex = (p: number) => 4 + (p % 16); // leaf categories are 4..19

export const LARGE_LOADS: Load[] = [
  {
    table: 'tenancy.tenants',
    columns: ['tenant_id', 'slug', 'name', 'default_locale', 'default_currency'],
    count: T,
    rows: () =>
      each(T, (t) => [
        [id(KIND.tenant, t, 0), `bulk-${hex(t, 4)}`, `Bulk Tenant ${t}`, 'en', CURRENCIES[t % 4]],
      ]),
  },
  {
    table: 'catalog.warehouses',
    columns: ['tenant_id', 'warehouse_id', 'code', 'name', 'country_code'],
    count: T * LARGE.warehousesPerTenant,
    rows: () =>
      each(T, (t) =>
        [...range(LARGE.warehousesPerTenant)].map((w) => [
          id(KIND.tenant, t, 0),
          id(KIND.warehouse, t, w),
          `WH${w}`,
          `Warehouse ${w}`,
          w ? 'DE' : 'US',
        ]),
      ),
  },
  {
    table: 'catalog.price_lists',
    columns: ['tenant_id', 'price_list_id', 'name', 'currency', 'scope', 'priority'],
    count: T,
    rows: () =>
      each(T, (t) => [
        [id(KIND.tenant, t, 0), id(KIND.priceList, t, 0), 'Base', CURRENCIES[t % 4], 'base', 0],
      ]),
  },
  {
    // Roots first: the path trigger reads the parent's path.
    table: 'catalog.categories',
    columns: ['tenant_id', 'category_id', 'parent_category_id'],
    count: T * 4,
    rows: () =>
      each(T, (t) => [...range(4)].map((c) => [id(KIND.tenant, t, 0), id(KIND.category, t, c), null])),
  },
  {
    table: 'catalog.categories',
    columns: ['tenant_id', 'category_id', 'parent_category_id'],
    count: T * 16,
    rows: () =>
      each(T, (t) =>
        [...range(16)].map((c) => [
          id(KIND.tenant, t, 0),
          id(KIND.category, t, 4 + c),
          id(KIND.category, t, c % 4),
        ]),
      ),
  },
  {
    table: 'catalog.products',
    columns: ['tenant_id', 'product_id'],
    count: T * P,
    rows: () => each(T, (t) => [...range(P)].map((p) => [id(KIND.tenant, t, 0), id(KIND.product, t, p)])),
  },
  {
    table: 'catalog.product_translations',
    columns: ['tenant_id', 'product_id', 'locale', 'name', 'slug', 'description'],
    count: T * P * 2,
    rows: () =>
      each(T, (t) =>
        each(P, (p) => {
          const en = productName(t, p, WORDS);
          const de = productName(t, p, GERMAN);
          return [
            [
              id(KIND.tenant, t, 0),
              id(KIND.product, t, p),
              'en',
              en,
              `${en.replaceAll(' ', '-')}`,
              `Industrial ${en} for professional use.`,
            ],
            [
              id(KIND.tenant, t, 0),
              id(KIND.product, t, p),
              'de',
              de,
              `${de.toLowerCase().replaceAll(' ', '-')}`,
              `${de} fuer den professionellen Einsatz.`,
            ],
          ];
        }),
      ),
  },
  {
    table: 'catalog.product_categories',
    columns: ['tenant_id', 'category_id', 'product_id'],
    count: T * P,
    rows: () =>
      each(T, (t) =>
        [...range(P)].map((p) => [
          id(KIND.tenant, t, 0),
          id(KIND.category, t, categoryIndex(p)),
          id(KIND.product, t, p),
        ]),
      ),
  },
  {
    table: 'catalog.variants',
    columns: ['tenant_id', 'variant_id', 'product_id', 'sku'],
    count: T * P * V,
    rows: () =>
      each(T, (t) =>
        each(P, (p) =>
          [...range(V)].map((v) => [
            id(KIND.tenant, t, 0),
            id(KIND.variant, t, p * V + v),
            id(KIND.product, t, p),
            `SKU-${hex(t, 3)}-${p}-${v}`,
          ]),
        ),
      ),
  },
  {
    // Two quantity tiers per variant: 1-9 at list price, 10+ at 10% off.
    table: 'catalog.prices',
    columns: ['tenant_id', 'price_id', 'price_list_id', 'variant_id', 'currency', 'unit_price', 'quantities'],
    count: T * P * V * 2,
    rows: () =>
      each(T, (t) =>
        each(P * V, (v) => {
          const price = 5 + ((v * 37 + t) % 2000) / 4;
          const tenant = id(KIND.tenant, t, 0);
          const list = id(KIND.priceList, t, 0);
          return [
            [
              tenant,
              id(KIND.price, t, v * 2),
              list,
              id(KIND.variant, t, v),
              CURRENCIES[t % 4],
              price.toFixed(4),
              '[1,10)',
            ],
            [
              tenant,
              id(KIND.price, t, v * 2 + 1),
              list,
              id(KIND.variant, t, v),
              CURRENCIES[t % 4],
              (price * 0.9).toFixed(4),
              '[10,)',
            ],
          ];
        }),
      ),
  },
  {
    table: 'catalog.stock_levels',
    columns: ['tenant_id', 'variant_id', 'warehouse_id', 'on_hand', 'reserved'],
    count: T * P * V * LARGE.warehousesPerTenant,
    rows: () =>
      each(T, (t) =>
        each(P * V, (v) =>
          [...range(LARGE.warehousesPerTenant)].map((w) => {
            const onHand = (v * 13 + w * 7) % 500;
            return [
              id(KIND.tenant, t, 0),
              id(KIND.variant, t, v),
              id(KIND.warehouse, t, w),
              onHand,
              Math.floor(onHand / 10),
            ];
          }),
        ),
      ),
  },
];

export function largeRowCount(): number {
  return LARGE_LOADS.reduce((sum, load) => sum + load.count, 0);
}

/** Loads the profile in one transaction; prints progress and rows per second. */
export async function loadLarge(
  client: pg.ClientBase,
  say: (line: string) => void,
): Promise<{ rows: number; seconds: number }> {
  const total = largeRowCount();
  const tables = [...new Set(LARGE_LOADS.map((l) => l.table).filter((t) => t.startsWith('catalog.')))];
  const bar = new SingleBar({
    format: '  {bar} {percentage}% | {value}/{total} rows | {speed} rows/s | {table}',
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    hideCursor: true,
  });
  const started = performance.now();
  await client.query('begin');
  try {
    await client.query(`set local maintenance_work_mem = '512MB'`);
    const deferred = await deferIndexesAndConstraints(client, tables);
    say(
      `deferred ${deferred.length} indexes and constraints on ${tables.length} tables until the data is in`,
    );
    bar.start(total, 0, { speed: 0, table: '' });
    let done = 0;
    for (const load of LARGE_LOADS) {
      await copyRows(client, load.table, load.columns, load.rows(), (n) => {
        done += n;
        const seconds = (performance.now() - started) / 1000;
        bar.update(done, { speed: Math.round(done / seconds), table: load.table });
      });
    }
    bar.stop();
    const copySeconds = (performance.now() - started) / 1000;
    say(
      `copied ${total.toLocaleString('en')} rows in ${copySeconds.toFixed(1)} s (${Math.round(total / copySeconds).toLocaleString('en')} rows/s)`,
    );
    await restoreIndexesAndConstraints(client, deferred, (what, ms) => {
      if (ms > 1000) say(`  built ${what} in ${(ms / 1000).toFixed(1)} s`);
    });
    await client.query('commit');
  } catch (error) {
    bar.stop();
    await client.query('rollback').catch(() => {});
    throw new Error(`Loading the large profile failed; nothing was loaded: ${(error as Error).message}`);
  }
  for (const table of [...new Set(LARGE_LOADS.map((l) => l.table))]) await client.query(`analyze ${table}`);
  const seconds = (performance.now() - started) / 1000;
  return { rows: total, seconds };
}
