// `pnpm bench:rls-form [--runs n] [--allow-small]`: server time of tenant-scoped reads as b2b_app under each
// form of the tenant policy, on the development database with the large seed profile loaded, or on the
// server DATABASE_URL names (a Citus coordinator too: `pnpm db:citus up` prints its URL). Not a test: it
// prints figures (docs/scaling.md, "Row-level security on Citus"). For each form it rewrites every policy of
// the tenant tables to that form inside a transaction (Citus refuses some: that is printed), runs each
// statement with EXPLAIN (ANALYZE, BUFFERS) `--runs` times as b2b_app with one tenant set, prints the median
// execution time, the buffers of that run and how the plan applies the tenant, and rolls back: nothing stays
// changed.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

/** The forms compared: what a policy's `tenant_id = <form>` reads. */
const FORMS: Record<string, { helper: string; setup?: string }> = {
  // the old form: an InitPlan evaluated once per query; Citus refuses it on distributed tables
  wrapped: { helper: '(select app.current_tenant_id())' },
  // the form the policies use: the SQL helper inlined into a stable expression
  inlined: { helper: 'app.current_tenant_id()' },
  // control: the same helper where it cannot be inlined (PL/pgSQL), called per row wherever it filters
  'not inlined': {
    helper: 'app.current_tenant_id_plpgsql()',
    setup: `create function app.current_tenant_id_plpgsql() returns uuid language plpgsql stable parallel safe
      as $f$ begin return nullif(pg_catalog.current_setting('app.tenant_id', true), '')::uuid; end $f$;
      grant execute on function app.current_tenant_id_plpgsql() to b2b_app, b2b_readonly`,
  },
};

const HELPER = /\(\s*SELECT app\.current_tenant_id\(\) AS current_tenant_id\)|app\.current_tenant_id\(\)/g;

interface Statement {
  name: string;
  sql: string;
  /** Planner settings for this statement only (set local, reset after it). */
  settings?: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Where the plan applies the tenant: the lines that read the helper or its inlined body. */
function tenantLines(plan: string): string[] {
  return plan
    .split('\n')
    .filter((l) => /current_setting|current_tenant_id|InitPlan/.test(l))
    .map((l) =>
      l
        .trim()
        .replace(
          /\(NULLIF\(current_setting\('app\.tenant_id'::text, true\), ''::text\)\)::uuid/g,
          '<tenant>',
        ),
    )
    .map((l) => (l.length > 110 ? `${l.slice(0, 107)}...` : l));
}

main(async () => {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '7' }, 'allow-small': { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  const db = await requireDevDatabase();
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const products = Number((await admin.query('select count(*) as n from catalog.products')).rows[0].n);
    if (products < 100_000 && !values['allow-small'])
      throw new Error(
        `${products} products loaded: load the large profile first (pnpm db:seed --profile large), or pass --allow-small`,
      );
    const citus = (
      await admin.query(`select exists (select from pg_extension where extname = 'citus') as on`)
    ).rows[0].on as boolean;
    // the tenant with the most stock levels, one of its variants, its deepest category range
    const t = (
      await admin.query(`
        select s.tenant_id, (select variant_id from catalog.variants v where v.tenant_id = s.tenant_id
          order by variant_id limit 1) as variant_id
        from catalog.stock_levels s group by s.tenant_id order by count(*) desc, s.tenant_id limit 1`)
    ).rows[0];
    const tenantId: string = t.tenant_id;
    const variantId: string = t.variant_id;
    const searchArgs = (
      await admin.query(`
        select pg_get_function_identity_arguments('catalog.search_products'::regproc) like 'p_tenant_id%' as routed`)
    ).rows[0].routed
      ? `p_tenant_id => '${tenantId}', `
      : '';
    const statements: Statement[] = [
      {
        name: 'listing: newest 24 live products (RLS only)',
        sql: 'select product_id, created_at from catalog.products where archived_at is null order by created_at desc, product_id limit 24',
      },
      {
        name: 'listing: the same, tenant_id = value (routed form)',
        sql: `select product_id, created_at from catalog.products where tenant_id = '${tenantId}' and archived_at is null order by created_at desc, product_id limit 24`,
      },
      {
        name: 'point lookup: a variant by id (RLS only)',
        sql: `select * from catalog.variants where variant_id = '${variantId}'`,
      },
      {
        name: 'point lookup: the same, tenant_id = value (routed form)',
        sql: `select * from catalog.variants where tenant_id = '${tenantId}' and variant_id = '${variantId}'`,
      },
      {
        name: "search: catalog.search_products('drill'), 24 hits",
        sql: `select * from catalog.search_products(${searchArgs}search_text => 'drill', requested_locale => 'en',
          path_from => null, path_to => null, company => null, currency => null, min_price => null,
          max_price => null, in_stock => false, after_score => null, after_product => null, page_size => 24)`,
      },
      {
        name: "tenant-wide aggregate: count(*) of the tenant's stock levels (RLS only)",
        sql: 'select count(*) from catalog.stock_levels',
      },
      {
        // the worst case: a plan that filters every row of the table by the policy (no index on tenant_id
        // chosen), where a helper called per row costs most; forced here, chosen by the planner only for a
        // tenant holding most of a table
        name: 'worst case: count(*) of catalog.products by sequential scan (index scans off)',
        sql: 'select count(*) from catalog.products',
        settings: ['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan'],
      },
      {
        name: 'worst case, routed form: the same with tenant_id = value',
        sql: `select count(*) from catalog.products where tenant_id = '${tenantId}'`,
        settings: ['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan'],
      },
    ];
    say(
      `${citus ? 'Citus' : 'PostgreSQL'}; tenant ${tenantId}: ${products} products in all; ${runs} runs per statement, median shown`,
    );
    for (const [form, { helper, setup }] of Object.entries(FORMS)) {
      say(`\n== ${form}: policies read tenant_id = ${helper}`);
      await admin.query('begin');
      try {
        if (setup) await admin.query(setup);
        const policies = (
          await admin.query(`
            select p.schemaname, p.tablename, p.policyname, p.qual, p.with_check
            from pg_policies p where p.schemaname in ('tenancy', 'catalog', 'accounts', 'orders')
              and (p.qual ~ 'current_tenant_id' or p.with_check ~ 'current_tenant_id')`)
        ).rows;
        for (const p of policies) {
          const parts = [
            p.qual ? `using (${p.qual.replace(HELPER, helper)})` : '',
            p.with_check ? `with check (${p.with_check.replace(HELPER, helper)})` : '',
          ];
          await admin.query(
            `alter policy ${p.policyname} on ${p.schemaname}.${p.tablename} ${parts.join(' ')}`,
          );
        }
        // SET LOCAL, not set_config: Citus sends local SET commands on to the workers (propagate_set_commands)
        await admin.query(`set local app.tenant_id = '${tenantId}'`);
        await admin.query('set local role b2b_app');
        for (const s of statements) {
          for (const setting of s.settings ?? []) await admin.query(`set local ${setting} = off`);
          const timings: { ms: number; plan: string; buffers: string }[] = [];
          for (let i = 0; i < runs + 1; i++) {
            const plan = (await admin.query(`explain (analyze, buffers) ${s.sql}`)).rows
              .map((r) => r['QUERY PLAN'])
              .join('\n');
            const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]);
            const top = /Buffers: ([^\n]+)/.exec(plan)?.[1] ?? '';
            if (i > 0) timings.push({ ms, plan, buffers: top }); // the first run warms the cache
          }
          const m = median(timings.map((x) => x.ms));
          const run = timings.find((x) => x.ms === m) ?? (timings[0] as (typeof timings)[0]);
          for (const setting of s.settings ?? []) await admin.query(`set local ${setting} = on`);
          say(`  ${s.name}: ${m.toFixed(3)} ms, buffers ${run.buffers}`);
          for (const line of tenantLines(run.plan)) say(`      ${line}`);
        }
      } catch (error) {
        // Citus refuses some forms outright (a subquery in a policy): that is the figure
        say(`  refused: ${(error as Error).message}`);
      } finally {
        await admin.query('rollback');
      }
    }
  } finally {
    await admin.end();
  }
});
