// The migrations that take ledger and order-history ids off the shared sequences (issue 9, item 8) keep
// every existing row and its order: rolled back to bigint ids, filled with rows that tie on recorded_at,
// then migrated up again, the ledger lists in the same order and the history is numbered per order.
import { migrate, rollback, versionedFiles } from '@b2b/migrate';
import { SQL_DIR } from '@b2b/testing';
import { createTestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';

const FIRST = '20261129215100_change_receivable_entries_entry_id_to_uuid';

test('ids move from shared sequences to uuids with every row kept, in order', async () => {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    const tenant: string = (await client.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    const w = (await client.query(`select * from tests.create_order_world($1, stock => 10)`, [tenant]))
      .rows[0];
    // an order with history written by the current schema (creation and placement)
    await client.query('begin');
    await client.query(`select tests.act_as($1, $2)`, [tenant, w.buyer]);
    const order: string = (
      await client.query(
        `select (orders.place_order(p_tenant_id => $4, p_company_id => $1, p_buyer_id => $2, p_currency => 'EUR',
           p_lines => jsonb_build_array(jsonb_build_object('variant_id', $3::text, 'quantity', 1)),
           p_idempotency_key => 'k1')).order_id as id`,
        [w.company, w.buyer, w.variant, tenant],
      )
    ).rows[0].id;
    await client.query('commit');

    const count = versionedFiles(SQL_DIR).filter((f) => f.name >= FIRST).length;
    await rollback({ url: db.adminUrl, sqlDir: SQL_DIR, count });
    const before = await client.query(
      `select data_type from information_schema.columns
       where table_schema = 'orders' and table_name = 'receivable_entries' and column_name = 'entry_id'`,
    );
    expect(before.rows[0].data_type).toBe('bigint');

    // old-style rows: three entries of one transaction (one recorded_at), told apart only by entry_id
    await client.query(
      `insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, reference, recorded_at)
       select $1, $2, 'payment', n, 'EUR', 'entry ' || n, '2026-11-29 21:00:00.000001+00'
       from generate_series(1, 3) n`,
      [tenant, w.company],
    );
    await client.query(
      `insert into orders.order_state_history (tenant_id, order_id, from_state, to_state)
       values ($1, $2, 'placed', 'cancelled')`,
      [tenant, order],
    );
    const ledgerBefore = (
      await client.query(
        `select reference from orders.receivable_entries order by recorded_at desc, entry_id desc`,
      )
    ).rows.map((r) => r.reference);
    expect(ledgerBefore).toEqual(['entry 3', 'entry 2', 'entry 1']);

    await migrate({ url: db.adminUrl, sqlDir: SQL_DIR });

    const ledgerAfter = await client.query(
      `select reference, entry_id::text as id from orders.receivable_entries order by recorded_at desc, entry_id desc`,
    );
    expect(ledgerAfter.rows.map((r) => r.reference)).toEqual(ledgerBefore);
    for (const row of ledgerAfter.rows) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    const history = await client.query(
      `select transition_number, from_state, to_state, transition_id::text as id
       from orders.order_state_history where order_id = $1 order by transition_number`,
      [order],
    );
    expect(history.rows.map((r) => [r.transition_number, r.from_state, r.to_state])).toEqual([
      [1, null, 'draft'],
      [2, 'draft', 'placed'],
      [3, 'placed', 'cancelled'],
    ]);
    for (const row of history.rows) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    // and the sequences are gone
    const sequences = await client.query(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind = 'S' and n.nspname = 'orders'`,
    );
    expect(sequences.rows).toEqual([]);
  } finally {
    await client.end();
    await db.drop();
  }
});
