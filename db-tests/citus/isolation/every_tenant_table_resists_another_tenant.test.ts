// The every-table cross-tenant attacks on Citus, as b2b_app: every table with tenant_id, read from the
// catalog (tests.linted_tables, so a table added later is attacked too), against a victim with a row in
// every one of them (tests.create_isolation_world, db-tests/_support/0007, the plain suite's world, with
// the order tables filled through the order functions as the plain test fills them, and its audit events
// sealed, so the audit tables have its rows too).
// Citus cannot hand placements written by the superuser to b2b_app's connections in the same transaction
// ("modified in this transaction by a different user"), so the victim's world is committed first, under
// a fresh tenant, and each attack is its own transaction as b2b_app of a fresh attacker tenant (which owns
// no row: any change to the victim's rows is a breach), committed when the database lets it through. The
// victim's rows are counted and summed (md5) by the superuser before and after each attack.
// Per table: the attacker's b2b_app and b2b_readonly see none of the victim's rows, nor does b2b_app with no
// tenant set; one of the victim's rows inserted again is refused (42501 from the shard's WITH CHECK, or a
// guard trigger's custom SQLSTATE first), and so is the same row through INSERT ... SELECT (which Citus
// plans through the coordinator; its refusals are counted by SQLSTATE and printed); the bare statements of
// tests.bare_attacks change nothing.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { describe, expect, test } from 'vitest';

const db = citusTestDatabase();

interface Outcome {
  code?: string;
  message?: string;
}

/** One transaction of `role` acting as `tenant` (null: none), as withTenant opens it; commits unless refused. */
async function attempt(client: pg.Client, tenant: string | null, sql: string): Promise<Outcome> {
  await client.query('begin');
  try {
    await client.query('select app.set_tenant($1, null)', [tenant]);
    await client.query(sql);
    await client.query('commit');
    return {};
  } catch (error) {
    await client.query('rollback');
    const e = error as { code?: string; message?: string };
    return { code: e.code, message: e.message };
  }
}

async function seen(
  client: pg.Client,
  tenant: string | null,
  table: string,
  victim: string,
): Promise<number> {
  await client.query('begin');
  try {
    await client.query('select app.set_tenant($1, null)', [tenant]);
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from ${table} where tenant_id = $1`,
      [victim],
    );
    return rows[0]?.n ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42501') return 0; // no grant: the role reads nothing
    throw error;
  } finally {
    await client.query('rollback');
  }
}

describe('the every-table cross-tenant attacks on Citus, as b2b_app', () => {
  test("another tenant reads none of the victim's rows, inserts none, and changes none, in every tenant table", async () => {
    const victim = await freshTenant('every table victim');
    const attacker = await freshTenant('every table attacker');
    await withClient(db.adminUrl, async (c) => {
      const t = victim.tenantId;
      const w = (
        await c.query<Record<'company' | 'buyer' | 'manager' | 'variant' | 'warehouse', string>>(
          'select * from tests.create_isolation_world($1, $2)',
          [t, 'victim'],
        )
      ).rows[0];
      if (!w) throw new Error('tests.create_isolation_world returned nothing');
      // the order tables through the order functions, each a top-level call (delegated to the tenant's
      // worker) in its own transaction with the tenant set, as the plain test fills them
      const step = async (sql: string, params: unknown[]) => {
        await c.query('begin');
        try {
          await c.query('select app.set_tenant($1, $2)', [t, w.buyer]);
          const row = (await c.query(sql, params)).rows[0];
          await c.query('commit');
          return row;
        } catch (error) {
          await c.query('rollback');
          throw new Error(`${sql}: ${(error as Error).message}`);
        }
      };
      const lines = (n: number) => JSON.stringify([{ variant_id: w.variant, quantity: n }]);
      const order = await step(
        `select order_id from orders.place_order($1, p_company_id => $2, p_buyer_id => $3, p_currency => 'EUR',
           p_lines => $4::jsonb, p_idempotency_key => 'victim-1')`,
        [t, w.company, w.buyer, lines(3)],
      );
      await step('select orders.approve_order($1, $2, $3)', [t, order.order_id, w.manager]);
      await step('select orders.fulfil_order($1, $2, $3::jsonb)', [t, order.order_id, lines(2)]);
      const returned = await step('select return_id from orders.request_return($1, $2, $3, $4::jsonb)', [
        t,
        order.order_id,
        w.buyer,
        lines(1),
      ]);
      await step('select orders.receive_return($1, $2, $3)', [t, returned.return_id, w.warehouse]);
      await step(
        `select orders.record_payment($1, p_company_id => $2, p_amount => 5, p_currency => 'EUR', p_reference => 'victim-pay')`,
        [t, w.company],
      );
      await step(
        `select orders.request_quote($1, p_company_id => $2, p_buyer_id => $3, p_currency => 'EUR', p_lines => $4::jsonb)`,
        [t, w.company, w.buyer, lines(2)],
      );
      // the audit trail: the victim's events are captured; sealing them (a top-level call, delegated to
      // the victim's worker) gives it a chain (audit.seals, audit.seal_heads, audit.chain_keys)
      await c.query('select audit.seal($1::uuid)', [t]);
    });

    const result = await withClient(db.adminUrl, (admin) =>
      withClient(db.appUrl, (app) =>
        withClient(db.urlFor('b2b_readonly'), async (readonly) => {
          const tables = (
            await admin.query<{ qualified: string }>(
              'select qualified from tests.linted_tables where has_tenant_id order by qualified',
            )
          ).rows.map((r) => r.qualified);
          const stateOf = async (table: string) =>
            (
              await admin.query<{ state: string }>(
                'select tests.tenant_rows_state($1::regclass, $2) as state',
                [table, victim.tenantId],
              )
            ).rows[0]?.state ?? '';
          const breaches: string[] = [];
          const refusals = new Map<string, number>();
          let attacks = 0;
          for (const table of tables) {
            const before = await stateOf(table);
            if (before.startsWith('0 rows')) {
              breaches.push(
                `${table}: the victim has no row here, so nothing was attacked (add one to the world)`,
              );
              continue;
            }
            for (const [name, client, tenant] of [
              ['b2b_app as the attacker', app, attacker.tenantId],
              ['b2b_readonly as the attacker', readonly, attacker.tenantId],
              ['b2b_app with no tenant', app, null],
            ] as const) {
              const n = await seen(client, tenant, table, victim.tenantId);
              if (n > 0) breaches.push(`${table}: ${name} sees ${n} of the victim's rows`);
            }

            const insert = (
              await admin.query<{ sql: string | null }>(
                'select tests.insert_attack($1::regclass, $2) as sql',
                [table, victim.tenantId],
              )
            ).rows[0]?.sql;
            const statements = (
              await admin.query<{ a: string }>('select a from tests.bare_attacks($1::regclass, $2) a', [
                table,
                attacker.tenantId,
              ])
            ).rows.map((r) => r.a);
            // the same row through INSERT ... SELECT, which Citus plans through the coordinator
            const insertSelect = insert
              ? `${insert.replace(') values (', ') select * from (values (')}) v`
              : '';
            for (const statement of [insert ?? '', insertSelect, ...statements]) {
              attacks++;
              const outcome = await attempt(app, attacker.tenantId, statement);
              const after = await stateOf(table);
              if (after !== before)
                breaches.push(
                  `${table}: \`${statement.slice(0, 120)}\` changed the victim's rows (${before} -> ${after})`,
                );
              if (statement === insert || statement === insertSelect) {
                const how = statement === insert ? 'insert' : 'insert ... select';
                if (!outcome.code)
                  breaches.push(`${table}: an ${how} of the victim's row as the attacker was accepted`);
                else if (statement === insertSelect)
                  refusals.set(`${how} ${outcome.code}`, (refusals.get(`${how} ${outcome.code}`) ?? 0) + 1);
                else if (outcome.code !== '42501' && !outcome.code.startsWith('B'))
                  breaches.push(
                    `${table}: the insert was refused by ${outcome.code} (${outcome.message}), not the policy`,
                  );
                else
                  refusals.set(`${how} ${outcome.code}`, (refusals.get(`${how} ${outcome.code}`) ?? 0) + 1);
              }
            }
          }
          return { tables, breaches, attacks, refusals: Object.fromEntries(refusals) };
        }),
      ),
    );
    console.log(
      `every-table attacks on Citus: ${result.tables.length} tenant tables, ${result.attacks} attacks; inserts refused by ${JSON.stringify(result.refusals)}`,
    );
    expect(result.tables.length).toBeGreaterThanOrEqual(35);
    expect(result.tables).toContain('orders.orders');
    expect(result.breaches).toEqual([]);
    expect(result.attacks).toBeGreaterThan(result.tables.length * 3);
  }, 900_000);
});
