-- Sends a draft on: the one path out of draft, shared by submit_order, place_order and accept_quote.
-- The caller holds the order row (locked, or inserted in this transaction). Rules, in order: the
-- company's credit limit and the buyer's spending limit (refused when exceeded); approval rules decide between placed and
-- pending_approval; then stock is reserved (also while pending approval,
-- so an approved order cannot fail for lack of stock; reject and cancel release it).
create or replace function orders.submit(p_tenant_id uuid, p_order orders.orders, p_reprice boolean)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target_state text := 'placed';
  submitted orders.orders;
begin
  if p_order.state <> 'draft' then
    raise exception using
      errcode = 'B3001',
      message = format('order %s cannot move from %s to placed: only drafts are submitted', p_order.order_id, p_order.state);
  end if;
  if p_reprice then
    perform orders.reprice_order_lines(v_tenant, p_order.order_id);
  end if;
  select o.* into submitted from orders.orders o where o.tenant_id = v_tenant and o.order_id = p_order.order_id;

  -- limits (lock order: company credit, buyer spending, then stock rows in reserve_stock)
  perform orders.check_credit_limit(v_tenant, submitted);
  perform orders.check_spending_limit(v_tenant, submitted);
  if orders.apply_approval_rules(v_tenant, p_order.order_id) then
    target_state := 'pending_approval';
  end if;

  update orders.orders o
  set state = target_state, submitted_at = now()
  where o.tenant_id = v_tenant and o.order_id = p_order.order_id
  returning o.* into submitted;

  perform orders.reserve_stock(v_tenant, p_order.order_id);
  return submitted;
end
$$;
comment on function orders.submit(uuid, orders.orders, boolean) is
  'Internal step of submit_order, place_order and accept_quote, in tenant p_tenant_id: with p_reprice prices its catalog lines again, checks the company''s credit limit (B3103) and the buyer''s spending limit (B3102), applies the approval rules, moves the draft (locked by the caller) to placed or pending_approval and reserves its stock (B3201).';
