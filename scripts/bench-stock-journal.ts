// `pnpm bench:stock-journal [--rounds n] [--rows-per-tenant n] [--duration s] [--warmup s]`: what the stock
// journal's row triggers cost against the statement triggers with transition tables they replaced (issue
// 10: Citus cannot read transition tables on a shard), on plain PostgreSQL, A/B in one scratch database on
// the development cluster (or the server DATABASE_URL names). Not a test: it prints figures
// (docs/benchmarks.md, "Stock journal: row triggers").
//
// Per round and per form (statement, then row): a COPY of new stock levels as the large seed writes them
// (`copyChunks`, reason sync, one movement per level; rolled back), then orders.place_order (5 lines) from
// pgbench as b2b_app at 1 and 8 clients (the `pnpm bench orders` fixture and pgbench script). The forms
// alternate, so both see the same machine load; the statement form is the pre-issue-10 SQL, kept below.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseUrl, withClient } from '@b2b/testing';
import { describeMachine, formatMachine } from './lib/bench/machine';
import { measurePgbench } from './lib/bench/pgbench';
import { withBenchDatabase } from './lib/bench/scratch';
import { prepareOrdersDatabase } from './lib/bench/suites/orders-fixture';
import { placeOrderScript } from './lib/bench/suites/orders-pgbench';
import { main } from './lib/cli';
import { copyChunks } from './lib/copy-loader';
import { requireDevDatabase, SQL_DIR } from './lib/dev-database';

const DATABASE = 'b2b_bench_stock_journal';

/**
 * The journal as it was before issue 10 (commit 325861c): statement triggers reading transition tables, and
 * the reason set with set_config (now SET LOCAL, which Citus carries to the workers).
 */
const STATEMENT_FORM = `
create or replace function catalog.set_stock_reason(p_reason text, p_order_id uuid default null, p_return_id uuid default null)
returns void language plpgsql as $f$
begin
  perform pg_catalog.set_config('app.stock_reason', coalesce(p_reason, ''), true),
    pg_catalog.set_config('app.stock_order_id', coalesce(p_order_id::text, ''), true),
    pg_catalog.set_config('app.stock_return_id', coalesce(p_return_id::text, ''), true);
end $f$;
create or replace function catalog.journal_stock_inserts() returns trigger language plpgsql as $f$
declare
  reason text := coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment');
  order_ref uuid := nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid;
  return_ref uuid := nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid;
  bad record;
begin
  select i.variant_id, i.warehouse_id, i.reserved into bad from inserted i where i.reserved <> 0 limit 1;
  if found then
    raise exception using errcode = 'B2212', message = 'reserved on insert';
  end if;
  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  select i.tenant_id, i.variant_id, i.warehouse_id, i.on_hand, 0, reason, order_ref, return_ref
  from inserted i where i.on_hand <> 0;
  return null;
end $f$;
create or replace function catalog.journal_stock_updates() returns trigger language plpgsql as $f$
declare
  reason text := coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment');
  order_ref uuid := nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid;
  return_ref uuid := nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid;
  bad record;
begin
  if reason not in ('order', 'cancel', 'fulfilment') then
    select n.variant_id into bad
    from new_rows n
    join old_rows o on o.tenant_id = n.tenant_id and o.variant_id = n.variant_id and o.warehouse_id = n.warehouse_id
    where n.reserved <> o.reserved limit 1;
    if found then
      raise exception using errcode = 'B2212', message = 'reserved outside orders';
    end if;
  end if;
  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  select n.tenant_id, n.variant_id, n.warehouse_id, n.on_hand - o.on_hand, n.reserved - o.reserved, reason, order_ref, return_ref
  from new_rows n
  join old_rows o on o.tenant_id = n.tenant_id and o.variant_id = n.variant_id and o.warehouse_id = n.warehouse_id
  where n.on_hand <> o.on_hand or n.reserved <> o.reserved;
  return null;
end $f$;
drop trigger trg_stock_levels_after_insert on catalog.stock_levels;
drop trigger trg_stock_levels_after_update on catalog.stock_levels;
create trigger trg_stock_levels_after_insert after insert on catalog.stock_levels
  referencing new table as inserted for each statement execute function catalog.journal_stock_inserts();
create trigger trg_stock_levels_after_update after update on catalog.stock_levels
  referencing old table as old_rows new table as new_rows for each statement execute function catalog.journal_stock_updates();
`;

/** The journal as the repeatables define it now (read from sql/catalog): row triggers, SET LOCAL reason. */
function rowForm(): string {
  const files = [
    'functions/0009_function_set_stock_reason.sql',
    'functions/0010_function_journal_stock_inserts.sql',
    'functions/0011_function_journal_stock_updates.sql',
    'triggers/0014_trigger_stock_levels_journal.sql',
  ];
  return [
    'drop trigger trg_stock_levels_after_insert on catalog.stock_levels;',
    'drop trigger trg_stock_levels_after_update on catalog.stock_levels;',
    ...files.map((f) => readFileSync(join(SQL_DIR, 'catalog', f), 'utf8')),
  ].join('\n');
}

const FORMS = { statement: STATEMENT_FORM, row: rowForm() } as const;
type Form = keyof typeof FORMS;

function count(value: string | undefined, fallback: number, flag: string, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} takes a whole number of at least ${min}`);
  return n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

main(async () => {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' },
      'rows-per-tenant': { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
    },
  });
  const rounds = count(values.rounds, 3, '--rounds', 1);
  const warehouses = Math.ceil(
    count(values['rows-per-tenant'], 50_000, '--rows-per-tenant', 10_000) / 10_000,
  );
  const timing = {
    seconds: count(values.duration, 10, '--duration', 1),
    warmupSeconds: count(values.warmup, 3, '--warmup', 0),
  };
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const db = await requireDevDatabase();
  say(formatMachine(await describeMachine(db.adminUrl)));

  await withBenchDatabase(db.adminUrl, DATABASE, async (name) => {
    const adminUrl = databaseUrl(db.adminUrl, name);
    const appUrl = databaseUrl(db.appUrl, name);
    say(`migrating a scratch database ${name} and loading the orders fixture`);
    const fixture = await prepareOrdersDatabase(adminUrl);
    say(fixture.summary);
    // extra warehouses with no stock yet: the COPY below stocks every variant in each of them
    const levels = await withClient(adminUrl, async (c) => {
      await c.query(
        `insert into catalog.warehouses (tenant_id, code, name, country_code)
         select t.tenant_id, 'WH-COPY-' || w, 'Copy ' || w, 'DE'
         from tenancy.tenants t, generate_series(1, $1::int) w`,
        [warehouses],
      );
      const { rows } = await c.query<{ tenant_id: string; variant_id: string; warehouse_id: string }>(
        `select v.tenant_id, v.variant_id, w.warehouse_id
         from catalog.variants v join catalog.warehouses w on w.tenant_id = v.tenant_id and w.code like 'WH-COPY-%'
         order by 1, 2, 3`,
      );
      return rows;
    });
    const script = await placeOrderScript(adminUrl, 'journal');

    const copySeconds: Record<Form, number[]> = { statement: [], row: [] };
    const place: Record<Form, Record<number, number[]>> = {
      statement: { 1: [], 8: [] },
      row: { 1: [], 8: [] },
    };
    for (let round = 1; round <= rounds; round++) {
      for (const form of ['statement', 'row'] as const) {
        await withClient(adminUrl, (c) => c.query(FORMS[form]));
        const seconds = await withClient(adminUrl, async (c) => {
          await c.query('begin');
          await c.query(`select catalog.set_stock_reason('sync')`);
          const started = performance.now();
          const chunk = 10_000;
          await copyChunks(
            c,
            'catalog.stock_levels',
            ['tenant_id', 'variant_id', 'warehouse_id', 'on_hand'],
            (function* () {
              for (let i = 0; i < levels.length; i += chunk) {
                const part = levels.slice(i, i + chunk);
                const text = part.map(
                  (l, j) => `${l.tenant_id}\t${l.variant_id}\t${l.warehouse_id}\t${(i + j) % 500}\n`,
                );
                yield { bytes: Buffer.from(text.join('')), rows: part.length };
              }
            })(),
          );
          const took = (performance.now() - started) / 1000;
          const { rows } = await c.query<{ n: string }>(
            `select count(*) as n from catalog.stock_movements where reason = 'sync'`,
          );
          if (Number(rows[0]?.n) !== levels.filter((_, i) => i % 500 !== 0).length)
            throw new Error(`the ${form} form journaled ${rows[0]?.n} of the copied levels`);
          await c.query('rollback');
          return took;
        });
        copySeconds[form].push(seconds);
        say(
          `round ${round}, ${form} triggers: COPY of ${levels.length.toLocaleString('en')} stock levels ${seconds.toFixed(2)} s`,
        );
        for (const clients of [1, 8]) {
          const { measured } = await measurePgbench(appUrl, { script, clients }, timing);
          place[form][clients]?.push(measured.tps);
          say(
            `round ${round}, ${form} triggers: place_order at ${clients} client(s) ${measured.tps.toFixed(0)} orders/s`,
          );
        }
      }
    }
    const out = (line: string) => process.stdout.write(`${line}\n`);
    out('');
    out(`medians of ${rounds} rounds | statement triggers (before) | row triggers (after) | change`);
    const row = (what: string, before: number, after: number, digits: number) =>
      out(
        `${what} | ${before.toFixed(digits)} | ${after.toFixed(digits)} | ${(((after - before) / before) * 100).toFixed(0)} %`,
      );
    const [cs, cr] = [median(copySeconds.statement), median(copySeconds.row)];
    row(`COPY of ${levels.length.toLocaleString('en')} stock levels, s`, cs, cr, 2);
    row('  stock levels per second', levels.length / cs, levels.length / cr, 0);
    for (const clients of [1, 8])
      row(
        `place_order (5 lines) at ${clients} client(s), orders/s`,
        median(place.statement[clients] ?? []),
        median(place.row[clients] ?? []),
        0,
      );
  });
});
