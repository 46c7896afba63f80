// Cross-tenant attacks on Citus, as b2b_app: the bare statements of tests.bare_attacks (db-tests/_support/
// 0007: `delete from t`, `update t set tenant_id = <own tenant>`, `update t set <column> = default` for every
// column the application may update), read no column, so only the command's own policy stands between the
// attacker and the victim's rows. The plain PostgreSQL suite runs them inside one rolled-back transaction
// after its fixtures; Citus cannot hand placements written by the superuser to b2b_app's connections in
// the same transaction ("modified in this transaction by a different user"), so here the victim's fixtures
// are committed first, under fresh tenants, and each attack is its own committed transaction as b2b_app,
// the victim's rows counted and summed by the superuser before and after. The attacker owns no row, so
// any change to the victim's rows is a breach. Tables whose fixtures need the stock journal's statement
// triggers (transition tables, which Citus shards do not run yet: issue 10, kind 4) or the order
// functions are left to the plain suite until those run on Citus; the test names the tables it covers.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

const db = citusTestDatabase();

const TABLES = [
  'tenancy.staff_users',
  'tenancy.memberships',
  'accounts.companies',
  'accounts.customer_groups',
  'accounts.company_customer_groups',
  'accounts.buyer_roles',
  'accounts.buyers',
  'accounts.addresses',
  'catalog.products',
  'catalog.product_translations',
  'catalog.variants',
  'catalog.categories',
  'catalog.category_translations',
  'catalog.product_categories',
  'catalog.attribute_definitions',
  'catalog.price_lists',
  'catalog.prices',
  'catalog.warehouses',
];

describe('bare cross-tenant writes on Citus, as b2b_app', () => {
  test("no bare delete or update by another tenant changes the victim's rows, in any table covered", async () => {
    const victim = await freshTenant('attack victim');
    const attacker = await freshTenant('attack attacker');
    await withClient(db.adminUrl, async (c) => {
      const v = victim.tenantId;
      const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
      const staff = (
        await one('select tests.create_staff_user($1, $2) as id', [v, `s@${victim.slug}.example`])
      ).id;
      await c.query(
        `insert into tenancy.memberships (tenant_id, staff_user_id, role) values ($1, $2, 'admin')`,
        [v, staff],
      );
      const company = (await one(`select tests.create_company($1, 'Victim') as id`, [v])).id;
      const group = (await one(`select tests.create_customer_group($1, 'Victim group') as id`, [v])).id;
      await c.query('select tests.add_company_to_group($1, $2, $3)', [v, company, group]);
      const role = (
        await one(`select tests.create_buyer_role($1, 'purchaser', array['orders.create']) as id`, [v])
      ).id;
      await c.query('select tests.create_buyer($1, $2, $3, $4)', [
        v,
        company,
        role,
        `b@${victim.slug}.example`,
      ]);
      await c.query(
        `insert into accounts.addresses (tenant_id, company_id, kind, recipient, line1, locality, postal_code, country_code)
         values ($1, $2, 'billing', 'Victim', 'Weg 1', 'Bonn', '53111', 'DE')`,
        [v, company],
      );
      const product = (await one(`select tests.create_product($1, 'Victim drill') as id`, [v])).id;
      const variant = (await one(`select tests.create_variant($1, $2, 'VIC-1') as id`, [v, product])).id;
      const category = (await one('select tests.create_category($1) as id', [v])).id;
      await c.query(
        `insert into catalog.category_translations (tenant_id, category_id, locale, name, slug)
         values ($1, $2, 'en', 'Victim category', 'victim-category')`,
        [v, category],
      );
      await c.query(
        'insert into catalog.product_categories (tenant_id, category_id, product_id) values ($1, $2, $3)',
        [v, category, product],
      );
      await c.query(
        `insert into catalog.attribute_definitions (tenant_id, attribute_key, data_type) values ($1, 'colour', 'text')`,
        [v],
      );
      await c.query('select tests.set_base_price($1, $2, 10.00)', [v, variant]);
      await c.query(`select tests.create_warehouse($1, 'VIC-MAIN')`, [v]);
    });

    // one connection each for the whole run: Citus opens connections to the workers per session
    const { breaches, attacks } = await withClient(db.adminUrl, (admin) =>
      withClient(db.appUrl, async (app) => {
        const stateOf = async (table: string) =>
          (
            await admin.query<{ state: string }>(
              'select tests.tenant_rows_state($1::regclass, $2) as state',
              [table, victim.tenantId],
            )
          ).rows[0]?.state ?? '';
        const found: string[] = [];
        let count = 0;
        for (const table of TABLES) {
          const before = await stateOf(table);
          if (before.startsWith('0 rows')) {
            found.push(`${table}: the victim has no row here, so nothing was attacked`);
            continue;
          }
          const { rows } = await admin.query<{ a: string }>(
            'select a from tests.bare_attacks($1::regclass, $2) a',
            [table, attacker.tenantId],
          );
          for (const { a: statement } of rows) {
            count++;
            await app.query('begin');
            try {
              await app.query(`set local app.tenant_id = '${attacker.tenantId}'`);
              await app.query(statement);
              await app.query('commit');
            } catch {
              await app.query('rollback'); // refused: nothing changed
            }
            const after = await stateOf(table);
            if (after !== before)
              found.push(`${table}: \`${statement}\` changed the victim's rows (${before} -> ${after})`);
          }
          // reads: the attacker sees none of the victim's rows
          await app.query('begin');
          try {
            await app.query(`set local app.tenant_id = '${attacker.tenantId}'`);
            const seen =
              (await app.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
            if (seen > 0) found.push(`${table}: the attacker sees ${seen} rows`);
          } finally {
            await app.query('rollback');
          }
        }
        return { breaches: found, attacks: count };
      }),
    );
    expect(attacks).toBeGreaterThan(TABLES.length * 2);
    expect(breaches).toEqual([]);
  }, 900_000);
});
