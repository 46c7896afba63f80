-- Approves the current tier; the last tier approved places the order (its stock is already reserved).
-- A repeat of this approver's approval (a retry, or the same request sent twice at once: the order lock
-- makes the second wait for the first and then see its decision) is a replay: it returns the order as it
-- is now and changes nothing, also once the order has moved on. One person approves at most one tier.
create or replace function orders.approve_order(p_tenant_id uuid, p_order_id uuid, p_approver_id uuid, p_comment text default null)
returns orders.orders
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.orders := orders.lock_order(v_tenant, p_order_id);
  decided_tier integer;
  decided orders.orders;
begin
  perform accounts.acting_buyer(v_tenant, p_approver_id, target.company_id);
  if exists (
    select 1 from orders.order_approvals a
    where a.tenant_id = v_tenant and a.order_id = p_order_id and a.approver_id = p_approver_id
      and a.decision = 'approved'
  ) then
    return target;
  end if;
  decided_tier := orders.check_approver(v_tenant, target, p_approver_id);

  insert into orders.order_approvals (tenant_id, order_id, tier, approver_id, decision, comment)
  values (v_tenant, p_order_id, decided_tier, p_approver_id, 'approved', p_comment);
  if exists (
    select 1 from orders.order_approval_steps s
    where s.tenant_id = v_tenant and s.order_id = p_order_id
      and not exists (
        select 1 from orders.order_approvals a
        where a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier)
  ) then
    return (select o from orders.orders o where o.tenant_id = v_tenant and o.order_id = p_order_id);
  end if;
  update orders.orders o set state = 'placed'
  where o.tenant_id = v_tenant and o.order_id = p_order_id
  returning o.* into decided;
  return decided;
end
$$;
comment on function orders.approve_order(uuid, uuid, uuid, text) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_approver_id approves the current tier of order p_order_id (eligibility: see orders.check_approver; one tier per approver, B3015). When no tier is left the order is placed. Returns the order. A repeat by an approver who already approved this order is a replay: it returns the order as it is and changes nothing (p_comment is not stored again).';
