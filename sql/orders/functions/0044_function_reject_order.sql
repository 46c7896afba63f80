-- Rejects the order: one rejection is enough (also after earlier tiers approved). Its stock is released.
-- A repeat of this approver's rejection is a replay (the order as it is, nothing changed), like
-- approve_order's; a rejected order cannot be approved (B3001).
create or replace function orders.reject_order(p_tenant_id uuid, p_order_id uuid, p_approver_id uuid, p_comment text default null)
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
      and a.decision = 'rejected'
  ) then
    return target;
  end if;
  decided_tier := orders.check_approver(v_tenant, target, p_approver_id);

  insert into orders.order_approvals (tenant_id, order_id, tier, approver_id, decision, comment)
  values (v_tenant, p_order_id, decided_tier, p_approver_id, 'rejected', p_comment);
  update orders.orders o set state = 'rejected'
  where o.tenant_id = v_tenant and o.order_id = p_order_id
  returning o.* into decided;
  perform orders.release_stock(v_tenant, p_order_id);
  perform orders.run_deferred_checks();
  return decided;
end
$$;
comment on function orders.reject_order(uuid, uuid, uuid, text) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_approver_id rejects order p_order_id at its current tier (eligibility: see orders.check_approver): the order is rejected and its stock released. A repeat by an approver who already rejected this order is a replay: it returns the order as it is and changes nothing.';
