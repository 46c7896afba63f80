-- Which approvals an order needs: the company's active rules that match it (every condition a rule
-- states must hold), their tiers copied onto the order so that later rule edits do not move the goal
-- posts of a waiting order. True when the order needs approval.
create or replace function orders.apply_approval_rules(p_order_id uuid)
returns boolean
language plpgsql
as $$
declare
  tenant uuid := app.require_tenant_id();
begin
  insert into orders.order_approval_steps (order_id, tier, approver_role_id)
  select distinct o.order_id, t.tier, t.approver_role_id
  from orders.orders o
  join accounts.buyers b on b.tenant_id = o.tenant_id and b.buyer_id = o.buyer_id
  join orders.approval_rules r on r.tenant_id = o.tenant_id and r.company_id = o.company_id and r.is_active
  join orders.approval_rule_tiers t on t.tenant_id = r.tenant_id and t.approval_rule_id = r.approval_rule_id
  where o.tenant_id = tenant and o.order_id = p_order_id
    and (r.min_total_amount is null or (r.currency = o.currency and o.total_amount >= r.min_total_amount))
    and (r.placed_by_role_id is null or r.placed_by_role_id = b.buyer_role_id)
  on conflict do nothing;
  return found;
end
$$;
comment on function orders.apply_approval_rules(uuid) is
  'Copies the tiers of the company''s active approval rules that match order p_order_id (total at or above min_total_amount in its currency, and/or placed by a buyer with placed_by_role_id) into orders.order_approval_steps; true when any matched.';
