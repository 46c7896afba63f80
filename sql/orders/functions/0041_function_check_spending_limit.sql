-- A buyer's spending limit: what the buyer submitted in the current calendar period (day, ISO week or
-- month, in UTC; cancelled and rejected orders do not count) plus this order may not exceed it. Refused
-- at placement (B3102), not routed to approval: a limit is the buyer's own authority. Limits are in the
-- company's currency, which every order of the company is in.
create or replace function orders.check_spending_limit(p_tenant_id uuid, p_order orders.orders)
returns void
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  buyer accounts.buyers;
  period_start timestamptz;
  spent numeric;
begin
  select b.* into buyer from accounts.buyers b where b.tenant_id = v_tenant and b.buyer_id = p_order.buyer_id;
  if buyer.spending_limit is null then
    return;
  end if;
  -- One buyer's submissions are checked one at a time, so two concurrent orders cannot both fit under
  -- a limit that only one of them fits under. (Lock order: company credit, buyer spending, then stock.)
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('orders spending ' || buyer.buyer_id::text, 0));
  period_start := date_trunc(buyer.spending_period, now() at time zone 'UTC') at time zone 'UTC';
  select coalesce(sum(o.total_amount), 0) into spent
  from orders.orders o
  where o.tenant_id = v_tenant and o.buyer_id = buyer.buyer_id
    and o.submitted_at >= period_start
    and o.state not in ('draft', 'cancelled', 'rejected')
    and o.order_id <> p_order.order_id;
  if spent + p_order.total_amount > buyer.spending_limit then
    raise exception using
      errcode = 'B3102',
      message = format('buyer %s may spend %s %s per %s: %s already this %s, this order would add %s',
        buyer.buyer_id, buyer.spending_limit, p_order.currency, buyer.spending_period, spent,
        buyer.spending_period, p_order.total_amount);
  end if;
end
$$;
comment on function orders.check_spending_limit(uuid, orders.orders) is
  'Refuses order p_order of tenant p_tenant_id (SQLSTATE B3102) when its buyer''s submitted orders of the current calendar spending period (UTC; not cancelled or rejected) plus this one exceed the buyer''s spending_limit. Serializes one buyer''s submissions with an advisory lock.';
