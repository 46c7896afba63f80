-- The shared half of approve_order and reject_order: the order waits for approval, the approver is an
-- active buyer of the order's company (not the one who placed it) who has decided no tier of this order
-- yet, with orders.approve and a role named by the order's current tier (the lowest one not yet
-- decided). Returns that tier. One person decides at most one tier: two tiers that name the same role
-- need two holders of it (with one, the order waits until another is appointed, or is cancelled).
create or replace function orders.check_approver(p_tenant_id uuid, p_order orders.orders, p_approver_id uuid)
returns integer
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  approver_role uuid;
  current_tier integer;
  decided_tier integer;
  may_approve boolean;
begin
  if p_order.state <> 'pending_approval' then
    raise exception using
      errcode = 'B3001',
      message = format('order %s is %s: only orders pending approval are approved or rejected', p_order.order_id, p_order.state);
  end if;
  select a.buyer_role_id into approver_role from accounts.acting_buyer(v_tenant, p_approver_id, p_order.company_id) a;
  if p_approver_id = p_order.buyer_id then
    raise exception using
      errcode = 'B3104',
      message = format('buyer %s placed order %s and cannot decide on its approval', p_approver_id, p_order.order_id);
  end if;
  select a.tier into decided_tier
  from orders.order_approvals a
  where a.tenant_id = v_tenant and a.order_id = p_order.order_id and a.approver_id = p_approver_id;
  if found then
    raise exception using
      errcode = 'B3015',
      message = format('buyer %s already decided tier %s of order %s: another approver decides the next tier',
        p_approver_id, decided_tier, p_order.order_id);
  end if;
  select min(s.tier) into current_tier
  from orders.order_approval_steps s
  where s.tenant_id = v_tenant and s.order_id = p_order.order_id
    and not exists (
      select 1 from orders.order_approvals a
      where a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier);
  -- alone in its statement: it reads tables (db-tests/lint/statements.ts, functions_reading_tables_are_called_alone)
  may_approve := accounts.buyer_has_permission(v_tenant, p_approver_id, 'orders.approve');
  if not may_approve
     or not exists (
       select 1 from orders.order_approval_steps s
       where s.tenant_id = v_tenant and s.order_id = p_order.order_id and s.tier = current_tier
         and s.approver_role_id = approver_role) then
    raise exception using
      errcode = 'B3101',
      message = format('buyer %s may not decide tier %s of order %s (needs orders.approve and a role of that tier)',
        p_approver_id, current_tier, p_order.order_id);
  end if;
  return current_tier;
end
$$;
comment on function orders.check_approver(uuid, orders.orders, uuid) is
  'For approve_order and reject_order, in tenant p_tenant_id: the order is pending_approval (B3001), the approver is an active buyer of its company (B2104/B2105), not the buyer who placed it (B3104), has decided no tier of this order yet (B3015), and has orders.approve and a role of the current tier (B3101). Returns the current tier.';
