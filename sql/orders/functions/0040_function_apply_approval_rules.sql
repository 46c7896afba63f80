-- Which approvals an order needs: the company's active rules that match it (every condition a rule
-- states must hold), their tiers copied onto the order so that later rule edits do not move the goal
-- posts of a waiting order. True when the order needs approval.
-- Every matching rule needs its own approvers: the rules' tiers are not merged by tier number (where one
-- buyer holding a role of either rule's tier 1 would decide both, bypassing the other rule). They are
-- copied one rule after the other (rules by name, then id; each rule's tiers in order) and numbered 1, 2,
-- 3..., so each becomes a step of its own, decided in that order, and one person still decides at most
-- one step (uq_order_approvals_tenant_id_order_id_approver_id). Roles of one tier of one rule stay
-- alternatives (a holder of any decides it). Matching rules with exactly the same tiers (the same roles in
-- the same tiers) are copied once: the same decisions satisfy each of them.
create or replace function orders.apply_approval_rules(p_tenant_id uuid, p_order_id uuid)
returns boolean
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
begin
  with matched as (
    select r.approval_rule_id, r.name, t.tier, t.approver_role_id
    from orders.orders o
    join accounts.buyers b on b.tenant_id = o.tenant_id and b.buyer_id = o.buyer_id
    join orders.approval_rules r on r.tenant_id = o.tenant_id and r.company_id = o.company_id and r.is_active
    join orders.approval_rule_tiers t on t.tenant_id = r.tenant_id and t.approval_rule_id = r.approval_rule_id
    where o.tenant_id = tenant and o.order_id = p_order_id
      and (r.min_total_amount is null or (r.currency = o.currency and o.total_amount >= r.min_total_amount))
      and (r.placed_by_role_id is null or r.placed_by_role_id = b.buyer_role_id)
  ), rules as (
    select m.approval_rule_id, m.name,
      string_agg(m.tier::text || ':' || m.approver_role_id::text, ',' order by m.tier, m.approver_role_id) as tiers
    from matched m
    group by m.approval_rule_id, m.name
  ), distinct_rules as (
    -- of rules with the same tiers, the first by name
    select distinct on (r.tiers) r.approval_rule_id, r.name
    from rules r
    order by r.tiers, r.name, r.approval_rule_id
  )
  insert into orders.order_approval_steps (tenant_id, order_id, tier, approver_role_id)
  select tenant, p_order_id, dense_rank() over (order by d.name, d.approval_rule_id, m.tier), m.approver_role_id
  from matched m
  join distinct_rules d on d.approval_rule_id = m.approval_rule_id
  on conflict do nothing;
  return found;
end
$$;
comment on function orders.apply_approval_rules(uuid, uuid) is
  'Copies the tiers of the company''s active approval rules that match order p_order_id of tenant p_tenant_id (total at or above min_total_amount in its currency, and/or placed by a buyer with placed_by_role_id) into orders.order_approval_steps, one rule after the other (by name), numbered 1, 2, 3...: every matching rule needs its own approvers; rules with identical tiers are copied once. True when any matched.';
