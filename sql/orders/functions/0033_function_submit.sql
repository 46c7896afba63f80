-- Sends a draft on: the one path out of draft, shared by submit_order, place_order and accept_quote.
-- The caller holds the order row (locked, or inserted in this transaction) and passes it as it is now,
-- with the total of its lines (place_order: not yet written; submit writes it with the state, one update
-- of the order instead of two). The order is not read again (issue 13): the checks use the row passed,
-- and the one update returns the stored order, which must be the order passed (company, buyer, currency:
-- B3002 otherwise, for a direct caller passing a stale or made-up row); its total is held to its lines by
-- the deferred check (orders.check_order_total, B3003). Rules, in order: the company's credit limit and
-- the buyer's spending limit (refused when exceeded); approval rules decide between placed and
-- pending_approval; then stock is reserved (also while pending approval, so an approved order cannot fail
-- for lack of stock; reject and cancel release it).
create or replace function orders.submit(p_tenant_id uuid, p_order orders.orders, p_reprice boolean)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target_state text := 'placed';
  submitted orders.orders := p_order;
begin
  if p_order.state <> 'draft' then
    raise exception using
      errcode = 'B3001',
      message = format('order %s cannot move from %s to placed: only drafts are submitted', p_order.order_id, p_order.state);
  end if;
  if p_reprice then
    submitted.total_amount := orders.reprice_order_lines(v_tenant, p_order.order_id);
  end if;

  -- limits (lock order: company credit, buyer spending, then stock rows in reserve_stock)
  perform orders.check_credit_limit(v_tenant, submitted);
  perform orders.check_spending_limit(v_tenant, submitted);
  -- most companies have no approval rule: one index probe instead of apply_approval_rules' join; the
  -- rules match on the stored total, so it is written first when there are rules
  if exists (
      select 1 from orders.approval_rules r
      where r.tenant_id = v_tenant and r.company_id = submitted.company_id and r.is_active) then
    update orders.orders o set total_amount = submitted.total_amount
    where o.tenant_id = v_tenant and o.order_id = p_order.order_id
      and o.total_amount is distinct from submitted.total_amount;
    if orders.apply_approval_rules(v_tenant, p_order.order_id) then
      target_state := 'pending_approval';
    end if;
  end if;

  update orders.orders o
  set state = target_state, submitted_at = now(), total_amount = submitted.total_amount
  where o.tenant_id = v_tenant and o.order_id = p_order.order_id
  returning o.* into submitted;
  if not found
    or (submitted.company_id, submitted.buyer_id, submitted.currency)
      is distinct from (p_order.company_id, p_order.buyer_id, p_order.currency) then
    raise exception using
      errcode = 'B3002',
      message = format('order %s is not the order passed to submit (read it again and retry)', p_order.order_id);
  end if;

  perform orders.reserve_stock(v_tenant, p_order.order_id);
  return submitted;
end
$$;
comment on function orders.submit(uuid, orders.orders, boolean) is
  'Internal step of submit_order, place_order and accept_quote, in tenant p_tenant_id: with p_reprice prices its catalog lines again, checks the company''s credit limit (B3103) and the buyer''s spending limit (B3102) for p_order as passed (with its total), applies the approval rules, moves the draft (locked by the caller) to placed or pending_approval with that total in one update and reserves its stock (B3201). B3002 when the stored order''s company, buyer or currency differ from p_order''s; a total that differs from the lines fails the deferred check (B3003).';
