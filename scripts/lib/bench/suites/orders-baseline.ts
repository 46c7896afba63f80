// The ORM-style baseline of `pnpm bench orders`: the work of orders.place_order (sql/orders/functions:
// start_order, set_order_lines, submit with check_credit_limit, check_spending_limit and
// apply_approval_rules, reserve_stock), done the way an application with an ORM does it, one statement
// per round-trip from Node, inside the same withTenant transaction as b2b_app. It exists only to be
// measured against placeOrder's single call: not an API, never used by an application.
//
// Mirrored step by step, with the same rules, locks (the company's credit advisory lock, then the buyer's
// spending one, then the stock rows, with the same keys) and results (the verification after the run
// checks both kinds of orders alike). With the benchmark's fixture (a credit limit, no spending limit, no
// approval rules, 2 warehouses with plenty of stock) an order of 5 lines is 20 statements (the stock
// step is one call of orders.reserve_stock, the only way b2b_app can reserve). Differences,
// each in the baseline's favour or neutral:
// - acting buyer and permission are two selects (place_order: acting_buyer, then buyer_has_permission,
//   which reads the buyer again); both address snapshots come from one select (place_order: two);
// - the buyer and company rows read at the start serve the limits and the approval rules
//   (check_credit_limit reads the company again, check_spending_limit the buyer, apply_approval_rules
//   the order and the buyer);
// - the total is computed in Node and written with the state in one update (place_order: an update for
//   the total, then one for the state); the history rows come from the same triggers either way;
// - approval rules: one select of the matching tiers, and an insert only when some match (place_order:
//   one insert ... select, which inserts nothing here);
// - allocations are one multi-row insert (an ORM's createMany; place_order: one insert ... select);
// - no delete of previous lines (place_order's set_order_lines starts with one; a new order has none)
//   and no idempotent replay path (keys are unique in the benchmark, so it is never taken);
// - the discontinued-variant check takes the variant ids as an array (set_order_lines reads them from
//   the JSON lines with parse_order_lines); both look the variants up by key.
import { type Queryable, tenantOf } from '@b2b/db';
import type { PlaceOrderInput } from '@b2b/orders';

class BaselineRefusal extends Error {
  override name = 'BaselineRefusal';
}

async function one<R>(client: Queryable, sql: string, values: unknown[], what: string): Promise<R> {
  const { rows } = await client.query(sql, values);
  if (!rows[0]) throw new BaselineRefusal(what);
  return rows[0] as R;
}

/** An amount (numeric(19, 4), as pg sends it) in exact integer ten-thousandths. */
export function units(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  if (!/^\d+$/.test(whole) || !/^\d{0,4}$/.test(fraction)) throw new Error(`not an amount: ${amount}`);
  const value = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  return negative ? -value : value;
}

/** Integer ten-thousandths as an amount with 4 decimals, as numeric(19, 4) prints it. */
export function amount(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString().padStart(5, '0');
  return `${value < 0n ? '-' : ''}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/** The advisory lock of check_credit_limit / check_spending_limit: the same key, so both serialize alike. */
async function advisoryLock(client: Queryable, key: string): Promise<void> {
  await client.query('select pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended($1, 0))', [key]);
}

export async function placeOrderInRoundTrips(client: Queryable, input: PlaceOrderInput): Promise<string> {
  const { companyId, buyerId, currency, lines } = input;
  // every statement names the tenant as a value, as the packages' queries do, so Citus routes it to one
  // worker (with app.current_tenant_id() the filter is not a value to route by: every shard is asked)
  const tenant = tenantOf(client);
  const variantIds = lines.map((l) => l.variantId);
  if (new Set(variantIds).size !== variantIds.length) throw new BaselineRefusal('a variant appears twice');

  // start_order: the acting buyer, its permission, the company, its currency, the address snapshots
  const buyer = await one<{
    status: string;
    buyer_role_id: string;
    spending_limit: string | null;
    /** Set exactly when spending_limit is (chk_buyers_spending_limit_has_period). */
    spending_period: string | null;
  }>(
    client,
    `select b.status, b.buyer_role_id, b.spending_limit, b.spending_period from accounts.buyers b
     where b.tenant_id = $3::uuid and b.buyer_id = $1 and b.company_id = $2`,
    [buyerId, companyId, tenant],
    'buyer not in company',
  );
  if (buyer.status !== 'active') throw new BaselineRefusal('buyer disabled');
  await one(
    client,
    `select 1 from accounts.buyer_role_permissions p
     where p.tenant_id = $2::uuid and p.buyer_role_id = $1 and p.permission = 'orders.create'`,
    [buyer.buyer_role_id, tenant],
    'buyer may not order',
  );
  const company = await one<{
    status: string;
    default_currency: string;
    payment_terms_days: number;
    credit_limit: string | null;
  }>(
    client,
    `select c.status, c.default_currency, c.payment_terms_days, c.credit_limit from accounts.companies c
     where c.tenant_id = $2::uuid and c.company_id = $1`,
    [companyId, tenant],
    'company not found',
  );
  if (company.status !== 'active') throw new BaselineRefusal('company may not order');
  if (company.default_currency !== currency) throw new BaselineRefusal('currency mismatch');
  const addresses = (
    await client.query<{ kind: string; snapshot: unknown }>(
      `select a.kind, jsonb_strip_nulls(jsonb_build_object(
         'address_id', a.address_id, 'label', a.label, 'recipient', a.recipient, 'line1', a.line1,
         'line2', a.line2, 'line3', a.line3, 'locality', a.locality, 'region', a.region,
         'postal_code', a.postal_code, 'country_code', a.country_code,
         'phone_encrypted', encode(a.phone, 'base64'), 'phone_hint', a.phone_hint)) as snapshot
       from accounts.addresses a
       where a.tenant_id = $2::uuid and a.company_id = $1 and a.is_default`,
      [companyId, tenant],
    )
  ).rows;
  const address = (kind: string) => addresses.find((a) => a.kind === kind)?.snapshot ?? null;
  const order = await one<{ order_id: string }>(
    client,
    // the key is stored with the fingerprint of its request, as orders.start_order stores it
    `insert into orders.orders (tenant_id, company_id, buyer_id, currency, idempotency_key, idempotency_operation,
       idempotency_fingerprint, billing_address, shipping_address, payment_terms_days)
     values ($9, $1, $2, $3, $4, 'place_order',
       orders.request_fingerprint('place_order', $1, $2, $3, $8::jsonb, null, null, null), $5, $6, $7)
     on conflict (tenant_id, idempotency_key) do nothing
     returning order_id`,
    [
      companyId,
      buyerId,
      currency,
      input.idempotencyKey,
      address('billing'),
      address('shipping'),
      company.payment_terms_days,
      JSON.stringify(lines.map((l) => ({ variant_id: l.variantId, quantity: l.quantity }))),
      tenant,
    ],
    'idempotency key already used',
  );

  // set_order_lines: no discontinued variant; each line priced by catalog.resolve_price, then inserted
  const archived = await client.query(
    `select 1 from catalog.variants v
     where v.tenant_id = $2::uuid and v.variant_id = any($1::uuid[]) and v.archived_at is not null`,
    [variantIds, tenant],
  );
  if (archived.rowCount) throw new BaselineRefusal('a variant is discontinued');
  let total = 0n;
  for (const [index, line] of lines.entries()) {
    const price = await one<{ unit_price: string; price_list_id: string }>(
      client,
      'select r.unit_price, r.price_list_id from catalog.resolve_price($5::uuid, $1, $2, $3, $4, now()) r',
      [companyId, line.variantId, line.quantity, currency, tenant],
      'no price',
    );
    // Prices have 4 decimals at most: exact in integer ten-thousandths, as numeric is in SQL.
    total += units(price.unit_price) * BigInt(line.quantity);
    await client.query(
      `insert into orders.order_lines (tenant_id, order_id, line_number, variant_id, quantity, unit_price,
         line_total, priced_from, price_list_id)
       values ($7, $1, $2, $3, $4, $5, $4::integer * $5::numeric, 'price_list', $6)`,
      [
        order.order_id,
        index + 1,
        line.variantId,
        line.quantity,
        price.unit_price,
        price.price_list_id,
        tenant,
      ],
    );
  }

  // submit, check_credit_limit: the company's open balance (receivables ledger) + what its open orders
  // have not invoiced yet + this order, within its credit limit; one company's orders one at a time
  if (company.credit_limit !== null) {
    await advisoryLock(client, `orders credit ${companyId}`);
    const ledger = await one<{ balance: string }>(
      client,
      `select coalesce(sum(case e.kind when 'invoice' then e.amount else -e.amount end), 0)::numeric(19, 4) as balance
       from orders.receivable_entries e
       where e.tenant_id = $2::uuid and e.company_id = $1`,
      [companyId, tenant],
      'no open balance',
    );
    const open = await one<{ uninvoiced: string }>(
      client,
      `select coalesce(sum(o.total_amount - o.invoiced_amount), 0)::numeric(19, 4) as uninvoiced
       from orders.orders o
       join orders.order_states s on s.state = o.state
       where o.tenant_id = $3::uuid and o.company_id = $1 and s.is_open and o.order_id <> $2`,
      [companyId, order.order_id, tenant],
      'no open orders sum',
    );
    const limit = units(company.credit_limit);
    const balance = units(ledger.balance);
    const uninvoiced = units(open.uninvoiced);
    if (balance + uninvoiced + total > limit) {
      const room = limit - balance - uninvoiced;
      throw new BaselineRefusal(
        `company ${companyId} has a credit limit of ${amount(limit)} ${currency}: open balance ` +
          `${amount(balance)} and open orders ${amount(uninvoiced)} leave room for ${amount(room > 0n ? room : 0n)}, ` +
          `this order is ${amount(total)}`,
      );
    }
  }

  // submit, check_spending_limit: what the buyer submitted this calendar period (UTC; not cancelled or
  // rejected) + this order, within its spending limit; one buyer's orders one at a time
  if (buyer.spending_limit !== null) {
    await advisoryLock(client, `orders spending ${buyerId}`);
    const period = await one<{ spent: string }>(
      client,
      `select coalesce(sum(o.total_amount), 0)::numeric(19, 4) as spent
       from orders.orders o
       where o.tenant_id = $4::uuid and o.buyer_id = $1
         and o.submitted_at >= date_trunc($2, now() at time zone 'UTC') at time zone 'UTC'
         and o.state not in ('draft', 'cancelled', 'rejected')
         and o.order_id <> $3`,
      [buyerId, buyer.spending_period, order.order_id, tenant],
      'no spending sum',
    );
    const spent = units(period.spent);
    if (spent + total > units(buyer.spending_limit)) {
      throw new BaselineRefusal(
        `buyer ${buyerId} may spend ${buyer.spending_limit} ${currency} per ${buyer.spending_period}: ` +
          `${period.spent} already this ${buyer.spending_period}, this order would add ${amount(total)}`,
      );
    }
  }

  // submit, apply_approval_rules: the tiers of the company's active rules that match the order (every
  // condition a rule states must hold), copied onto the order; any match sends it to pending_approval
  const tiers = (
    await client.query<{ tier: number; approver_role_id: string }>(
      `select distinct t.tier, t.approver_role_id
       from orders.approval_rules r
       join orders.approval_rule_tiers t on t.tenant_id = r.tenant_id and t.approval_rule_id = r.approval_rule_id
       where r.tenant_id = $5::uuid and r.company_id = $1 and r.is_active
         and (r.min_total_amount is null or (r.currency = $2 and $3::numeric >= r.min_total_amount))
         and (r.placed_by_role_id is null or r.placed_by_role_id = $4)`,
      [companyId, currency, amount(total), buyer.buyer_role_id, tenant],
    )
  ).rows;
  if (tiers.length) {
    // multi-row VALUES, not INSERT ... SELECT from unnest(): as b2b_app on Citus an INSERT ... SELECT that
    // does not push down to one shard goes through COPY, which row-level security refuses (0A000)
    await client.query(
      `insert into orders.order_approval_steps (order_id, tier, approver_role_id)
       values ${tiers.map((_, i) => `($1, $${2 * i + 2}::integer, $${2 * i + 3}::uuid)`).join(', ')}
       on conflict do nothing`,
      [order.order_id, ...tiers.flatMap((t) => [t.tier, t.approver_role_id])],
    );
  }

  // submit: the order leaves draft (the triggers check the move and append the history row)
  await client.query(
    `update orders.orders o set state = $3, submitted_at = now(), total_amount = $2
     where o.tenant_id = $4::uuid and o.order_id = $1`,
    [order.order_id, amount(total), tiers.length ? 'pending_approval' : 'placed', tenant],
  );

  // reserve_stock: the one step done by the database function itself. b2b_app holds no privilege on
  // stock_levels.reserved or on order_allocations (reserved belongs to the orders: only the security
  // definer stock writers change it), so no client can reserve statement by statement; this call locks
  // the stock rows in the one global order, allocates, reserves and
  // records the allocations, as place_order's does.
  await client.query('select orders.reserve_stock($1, $2)', [tenant, order.order_id]);
  return order.order_id;
}
