// After `pnpm bench orders` has placed its orders: were they all placed, and placed right? Figures from a
// workload that lost or oversold orders would mean nothing, so the report prints these checks beside
// them (and the command exits non-zero when one fails). Read as the superuser: RLS does not hide rows.
import { withClient } from '@b2b/testing';
import type { Check } from '../report';

export interface PlacedCount {
  /** The idempotency key prefix of one workload's orders. */
  prefix: string;
  workload: string;
  /** Orders the workload completed (committed), warmup included. */
  completed: number;
  /** Of those, how many were measured. */
  measured: number;
}

async function count(client: import('pg').Client, sql: string, values: unknown[] = []): Promise<number> {
  const { rows } = await client.query<{ n: string }>(sql, values);
  return Number(rows[0]?.n ?? Number.NaN);
}

export async function verifyOrders(
  adminUrl: string,
  placed: readonly PlacedCount[],
  lines: number,
): Promise<Check[]> {
  return withClient(adminUrl, async (c) => {
    const checks: Check[] = [];
    for (const p of placed) {
      const inDb = await count(c, 'select count(*) as n from orders.orders where idempotency_key like $1', [
        `${p.prefix}-%`,
      ]);
      checks.push({
        what: `${p.workload}: orders in the database = orders completed`,
        ok: inDb === p.completed,
        detail:
          `${inDb.toLocaleString('en')} in the database; ${p.completed.toLocaleString('en')} completed ` +
          `(${p.measured.toLocaleString('en')} measured + ${(p.completed - p.measured).toLocaleString('en')} in the warmup)`,
      });
    }
    const total = placed.reduce((n, p) => n + p.completed, 0);
    const wrong = await count(
      c,
      `select count(*) as n from orders.orders o
       where o.state <> 'placed'
          or (select count(*) from orders.order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.order_id) <> $1
          or (select count(*) from orders.order_state_history h where h.tenant_id = o.tenant_id and h.order_id = o.order_id) <> 2`,
      [lines],
    );
    checks.push({
      what: `every order is placed, with ${lines} lines and 2 history rows (draft, placed)`,
      ok: wrong === 0,
      detail: `${wrong} of ${total.toLocaleString('en')} orders are not`,
    });
    const mispriced = await count(
      c,
      `select count(*) as n from orders.order_lines l
       join catalog.prices p on p.tenant_id = l.tenant_id and p.variant_id = l.variant_id
       where p.unit_price <> l.unit_price or p.price_list_id is distinct from l.price_list_id`,
    );
    checks.push({
      what: "every line carries its variant's base price",
      ok: mispriced === 0,
      detail: `${mispriced} lines do not`,
    });
    const unallocated = await count(
      c,
      `select count(*) as n from orders.order_lines l
       where l.quantity <> (select coalesce(sum(a.reserved_quantity), 0) from orders.order_allocations a
                            where a.tenant_id = l.tenant_id and a.order_id = l.order_id and a.variant_id = l.variant_id)`,
    );
    checks.push({
      what: 'every line is reserved in full',
      ok: unallocated === 0,
      detail: `${unallocated} lines are not`,
    });
    const drift = await count(
      c,
      `select count(*) as n from catalog.stock_levels s
       where s.reserved > s.on_hand
          or s.reserved <> (select coalesce(sum(a.reserved_quantity), 0) from orders.order_allocations a
                            where a.tenant_id = s.tenant_id and a.variant_id = s.variant_id and a.warehouse_id = s.warehouse_id)`,
    );
    checks.push({
      what: 'stock: reserved never above on hand, and equal to the sum of the allocations',
      ok: drift === 0,
      detail: `${drift} stock rows are not`,
    });
    const unjournaled = await count(
      c,
      `select count(*) as n from catalog.stock_levels s
       left join (select tenant_id, variant_id, warehouse_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
                  from catalog.stock_movements group by 1, 2, 3) m using (tenant_id, variant_id, warehouse_id)
       where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)`,
    );
    checks.push({
      what: 'stock: every level equals the sum of its journal (catalog.stock_movements)',
      ok: unjournaled === 0,
      detail: `${unjournaled} stock rows do not`,
    });
    const deadlocks = await count(
      c,
      'select deadlocks as n from pg_stat_database where datname = current_database()',
    );
    checks.push({ what: 'no deadlock', ok: deadlocks === 0, detail: `${deadlocks} in pg_stat_database` });
    return checks;
  });
}
