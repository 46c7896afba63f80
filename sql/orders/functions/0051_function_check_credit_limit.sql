-- A company's credit limit: its open balance, plus what its open orders (pending approval, placed,
-- partially fulfilled) have not yet invoiced, plus this order may not exceed it. Refused at placement
-- (B3103), not routed to approval: a credit limit is the seller's decision, not the buyer's company's.
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
  balance := orders.open_balance(v_tenant, p_order.company_id);
  -- The open states (orders.order_states.is_open) written out, so that they are part of the index
  -- condition on idx_orders_tenant_id_company_id_state: the scan visits the company's open orders
  -- only, not its whole history (an array read from order_states would only filter the rows after the
  -- scan). db-tests/orders/credit pins this list to the reference table.
  select coalesce(sum(o.total_amount - o.invoiced_amount), 0) into uninvoiced
  from orders.orders o
  where o.tenant_id = v_tenant and o.company_id = p_order.company_id
    and o.state in ('pending_approval', 'placed', 'partially_fulfilled')
    and o.order_id <> p_order.order_id;
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
  'Refuses order p_order of tenant p_tenant_id (SQLSTATE B3103) when the company''s open balance plus the uninvoiced part of its open orders plus this order exceed its credit_limit (null: no limit). Serializes one company''s submissions with an advisory lock.';
