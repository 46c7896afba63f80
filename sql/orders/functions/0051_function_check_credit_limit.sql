-- A company's credit limit: its open balance, plus what its open orders (pending approval, placed,
-- partially fulfilled) have not yet invoiced, plus this order may not exceed it. Refused at placement
-- (B3103), not routed to approval: a credit limit is the seller's decision, not the buyer's company's.
-- The open balance and the open orders' amount are read from orders.credit_exposures (issue 13); the open
-- states are written out, and db-tests/orders/credit_limit pins them to orders.order_states.is_open.
create or replace function orders.check_credit_limit(p_tenant_id uuid, p_order orders.orders)
returns void
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  credit_limit numeric;
  balance numeric;
  uninvoiced numeric;
begin
  select c.credit_limit into credit_limit
  from accounts.companies c where c.tenant_id = v_tenant and c.company_id = p_order.company_id;
  if credit_limit is null then
    return;
  end if;
  -- One company's submissions are checked one at a time, so two concurrent orders cannot both fit
  -- under a limit that only one of them fits under. (Lock order: company credit, buyer spending, stock.)
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('orders credit ' || p_order.company_id::text, 0));
  -- One row, kept by triggers (orders.credit_exposures), instead of the sums over the company's ledger and
  -- open orders, which grow with its history. The order checked is counted as passed (with its total), not
  -- as stored: a draft counts nothing there, and an open order's stored amount is taken out.
  select e.debit_total - e.credit_total, e.open_order_amount into balance, uninvoiced
  from orders.credit_exposures e
  where e.tenant_id = v_tenant and e.company_id = p_order.company_id;
  select coalesce(balance, 0), coalesce(uninvoiced, 0) - coalesce(sum(o.total_amount - o.invoiced_amount), 0)
  into balance, uninvoiced
  from orders.orders o
  where o.tenant_id = v_tenant and o.order_id = p_order.order_id
    and o.state in ('pending_approval', 'placed', 'partially_fulfilled');
  if balance + uninvoiced + p_order.total_amount > credit_limit then
    raise exception using
      errcode = 'B3103',
      message = format('company %s has a credit limit of %s %s: open balance %s and open orders %s leave room for %s, this order is %s',
        p_order.company_id, credit_limit, p_order.currency, balance, uninvoiced,
        greatest(credit_limit - balance - uninvoiced, 0), p_order.total_amount);
  end if;
end
$$;
comment on function orders.check_credit_limit(uuid, orders.orders) is
  'Refuses order p_order of tenant p_tenant_id (SQLSTATE B3103) when the company''s open balance plus the uninvoiced part of its other open orders (both from orders.credit_exposures) plus this order exceed its credit_limit (null: no limit). Serializes one company''s submissions with an advisory lock.';
