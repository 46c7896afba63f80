-- Approves the current tier; the last tier approved places the order (its stock is already reserved).
create or replace function orders.approve_order(p_order_id uuid, p_approver_id uuid, p_comment text default null)
returns orders.orders
language plpgsql
as $$
declare
  target orders.orders := orders.lock_order(p_order_id);
  decided_tier integer := orders.check_approver(target, p_approver_id);
  decided orders.orders;
begin
  insert into orders.order_approvals (order_id, tier, approver_id, decision, comment)
  values (p_order_id, decided_tier, p_approver_id, 'approved', p_comment);
  if exists (
    select from orders.order_approval_steps s
    where s.tenant_id = target.tenant_id and s.order_id = p_order_id
      and not exists (
        select from orders.order_approvals a
        where a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier)
  ) then
    return (select o from orders.orders o where o.tenant_id = target.tenant_id and o.order_id = p_order_id);
  end if;
  update orders.orders o set state = 'placed'
  where o.tenant_id = target.tenant_id and o.order_id = p_order_id
  returning o.* into decided;
  return decided;
end
$$;
comment on function orders.approve_order(uuid, uuid, text) is
  'Buyer p_approver_id approves the current tier of order p_order_id (eligibility: see orders.check_approver). When no tier is left the order is placed. Returns the order.';
