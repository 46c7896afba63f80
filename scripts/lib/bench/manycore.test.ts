// The many-core benchmark (bench/manycore): its committed reference rows are what the migrations insert,
// its SQL-built fixtures have the Node fixtures' row counts table by table, and the bundle (this machine's
// PostgreSQL 15 binaries and libraries, the script, its SQL) runs the whole benchmark at a tiny scale, as
// root or not, and prints every workload row. Timings are printed by the script, never asserted here.
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withClient } from '@b2b/testing';
import { findPgBinaries, MIN_MAJOR } from '@b2b/testing/provider';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LARGE, type LargeScale, loadLarge } from '../seed-large';
import { dumpReferenceData, MANYCORE_DIR, REFERENCE_DATA_FILE } from './manycore';
import { FIXTURE, type FixtureSizes, loadOrdersFixture } from './suites/orders-fixture';

const run = promisify(execFile);
/** The server's own psql (beside the binaries the resolver finds), else PostgreSQL 15's, else the one on PATH. */
const psqlBinary = () =>
  [findPgBinaries()?.bindir, `/usr/lib/postgresql/${MIN_MAJOR}/bin`]
    .filter((dir): dir is string => Boolean(dir))
    .map((dir) => join(dir, 'psql'))
    .find((file) => existsSync(file)) ?? 'psql';

/** Runs a file of bench/manycore/sql with psql variables against `url`, as the script does. */
async function psqlFile(url: string, file: string, variables: Record<string, string | number>) {
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', join(MANYCORE_DIR, 'sql', file)];
  for (const [k, v] of Object.entries(variables)) args.push('-v', `${k}=${v}`);
  await run(psqlBinary(), args, { maxBuffer: 16 << 20 });
}

/** Row counts of every table of our schemas (audit trail and stock journal included), by table name. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition
         and n.nspname in ('app', 'tenancy', 'catalog', 'accounts', 'orders', 'audit', 'support', 'ops')
       order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      const { rows: n } = await client.query<{ n: string }>(`select count(*) as n from ${name}`);
      counts[name] = Number(n[0]?.n);
    }
    return counts;
  });
}

describe('many-core benchmark: committed SQL', () => {
  const dbs: TestDatabase[] = [];
  const database = async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });

  test('reference-data.sql holds the rows the migrations insert (pnpm bench:manycore-bundle writes it)', async () => {
    const db = await database();
    const fresh = await dumpReferenceData(db.adminUrl, findPgBinaries()?.bindir);
    expect(
      readFileSync(REFERENCE_DATA_FILE, 'utf8'),
      'bench/manycore/sql/reference-data.sql is stale: run `pnpm bench:manycore-bundle` and commit it',
    ).toBe(fresh);
  });

  test('orders-fixture.sql loads the rows the Node fixture loads, table by table', async () => {
    const sizes: FixtureSizes = { ...FIXTURE, companiesPerTenant: 3, productsPerTenant: 10 };
    const [sqlDb, nodeDb] = [await database(), await database()];
    await psqlFile(sqlDb.adminUrl, 'orders-fixture.sql', {
      tenants: sizes.tenants,
      companies: sizes.companiesPerTenant,
      buyers: sizes.buyersPerCompany,
      products: sizes.productsPerTenant,
      variants_per_product: sizes.variantsPerProduct,
      on_hand: sizes.onHand,
    });
    await loadOrdersFixture(nodeDb.adminUrl, sizes);
    const fromSql = await rowCounts(sqlDb.adminUrl);
    expect(fromSql['catalog.variants']).toBe(
      sizes.tenants * sizes.productsPerTenant * sizes.variantsPerProduct,
    );
    expect(fromSql).toEqual(await rowCounts(nodeDb.adminUrl));
  });

  test('the checks after the run fail on orders lost and on a load short of its counts', async () => {
    const db = await database();
    const checks = async (file: string, variables: Record<string, string | number>) => {
      const args = ['-X', '-q', '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-d', db.adminUrl];
      for (const [k, v] of Object.entries(variables)) args.push('-v', `${k}=${v}`);
      const { stdout } = await run(psqlBinary(), [...args, '-f', join(MANYCORE_DIR, 'sql', file)]);
      return stdout
        .trim()
        .split('\n')
        .map((line) => line.split('|').slice(0, 2).join(' '));
    };
    const fixture = {
      tenants: 1,
      companies: 1,
      buyers: 1,
      products: 5,
      variants_per_product: 2,
      on_hand: 10,
    };
    await psqlFile(db.adminUrl, 'orders-fixture.sql', fixture);
    const orders = { prefix: 'manycore-test-', lines: 5 };
    expect(await checks('checks-orders.sql', { ...orders, completed: 0 })).toEqual(
      Array.from({ length: 7 }, () => expect.stringMatching(/^t /)),
    );
    // One order pgbench says it completed but the database does not hold: the first check fails.
    expect((await checks('checks-orders.sql', { ...orders, completed: 1 }))[0]).toBe(
      'f orders in the database = orders pgbench completed',
    );
    await psqlFile(db.adminUrl, 'catalog-tenants.sql', { tenants: 1 });
    await psqlFile(db.adminUrl, 'catalog-tenant.sql', { t: 0, products: 2 });
    // The fixture's tenant, warehouses and variants are in the same tables: the profile's counts are not met.
    expect(await checks('checks-catalog.sql', { tenants: 1, products: 2 })).toEqual([
      "f catalog: every table has the profile's row count",
      't catalog: every stock level equals the sum of its journal',
    ]);
  });

  test('catalog-tenants.sql and catalog-tenant.sql load the rows of the large seed profile, table by table', async () => {
    const scale: LargeScale = { tenants: 2, productsPerTenant: 6 };
    const [sqlDb, nodeDb] = [await database(), await database()];
    // as run.sh loads: the product page triggers off, the loads, then the pages built set-based
    await psqlFile(sqlDb.adminUrl, 'derived-before-load.sql', {});
    await psqlFile(sqlDb.adminUrl, 'catalog-tenants.sql', { tenants: scale.tenants });
    for (let t = 0; t < scale.tenants; t++)
      await psqlFile(sqlDb.adminUrl, 'catalog-tenant.sql', { t, products: scale.productsPerTenant });
    await psqlFile(sqlDb.adminUrl, 'derived.sql', {});
    await withClient(nodeDb.adminUrl, (client) => loadLarge(client, () => {}, { scale, progress: false }));
    const fromSql = await rowCounts(sqlDb.adminUrl);
    expect(fromSql['catalog.variants']).toBe(
      scale.tenants * scale.productsPerTenant * LARGE.variantsPerProduct,
    );
    expect(fromSql).toEqual(await rowCounts(nodeDb.adminUrl));
    // Search terms come from the names: the same words in both.
    const names = (url: string) =>
      withClient(url, async (c) =>
        (
          await c.query<{ name: string }>('select name from catalog.product_translations order by name')
        ).rows.map((r) => r.name),
      );
    expect(await names(sqlDb.adminUrl)).toEqual(await names(nodeDb.adminUrl));
  });
});

describe('many-core benchmark: the bundle runs the whole benchmark at a tiny scale', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'b2b-manycore-test-'));
    // Run as root, the script runs the server as an unprivileged user, which must enter the work folder.
    chmodSync(work, 0o755);
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
  });

  test("bundle.sh, then the bundle's run.sh: exit 0, every workload row, every check passed", async () => {
    const bundle = join(work, 'bundle');
    await run('bash', [join(MANYCORE_DIR, 'bundle.sh'), bundle], { maxBuffer: 16 << 20 });
    // Without the machine's PostgreSQL on PATH: the bundle's binaries and libraries only.
    const { stdout } = await run(
      join(bundle, 'run.sh'),
      [
        '--scale',
        '0.01',
        '--transactions',
        '2',
        '--warmup',
        '0',
        '--no-durability',
        '--workdir',
        join(work, 'run'),
      ],
      { maxBuffer: 16 << 20, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', TMPDIR: work } },
    );
    expect(stdout).toContain(`from ${bundle}/pg/usr/lib/postgresql/15/bin (libraries ${bundle}/pg/libs)`);
    // Found relative to the bundle's binary (not the compiled-in /usr/share/postgresql/15 of this machine).
    const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(stdout).toMatch(
      new RegExp(`^\\[ *\\d+s\\] share folder: ${escaped}/pg/usr/share/postgresql/15$`, 'm'),
    );
    const number = String.raw`\d+(\.\d+)?`;
    for (const [workload, clients] of [
      ['product page', 8],
      ['search', 8],
      [String.raw`placeOrder \(5 lines\)`, 16],
      [String.raw`pgbench select-only \(-S\)`, 8],
      [String.raw`pgbench TPC-B \(tpcb-like\)`, 16],
    ] as const) {
      // workload, clients, transactions (2 per client), tx/s, p50, p95, p99, max
      const row = new RegExp(
        String.raw`^${workload} +${clients} +${clients * 2} +\d+ +${number} +${number} +${number} +${number}\b`,
        'm',
      );
      expect(stdout).toMatch(row);
    }
    expect(stdout).toMatch(
      /^ {2}ok {4}orders in the database = orders pgbench completed: 32 in the database/m,
    );
    expect(stdout).toMatch(/^ {2}ok {4}catalog: every table has the profile's row count: all as expected/m);
    expect(stdout).not.toMatch(/FAIL/);
    expect(stdout).toMatch(/^all checks passed$/m);
  }, 600_000);
});
