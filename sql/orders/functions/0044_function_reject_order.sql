-- Rejects the order: one rejection is enough. Its stock is released.
create or replace function orders.reject_order(p_order_id uuid, p_approver_id uuid, p_comment text default null)
returns orders.orders
language plpgsql
as $$
declare
  target orders.orders := orders.lock_order(p_order_id);
  decided_tier integer := orders.check_approver(target, p_approver_id);
  decided orders.orders;
begin
  insert into orders.order_approvals (order_id, tier, approver_id, decision, comment)
  values (p_order_id, decided_tier, p_approver_id, 'rejected', p_comment);
  update orders.orders o set state = 'rejected'
  where o.tenant_id = target.tenant_id and o.order_id = p_order_id
  returning o.* into decided;
  perform orders.release_stock(p_order_id);
  return decided;
end
$$;
comment on function orders.reject_order(uuid, uuid, text) is
  'Buyer p_approver_id rejects order p_order_id at its current tier (eligibility: see orders.check_approver): the order is rejected and its stock released.';
