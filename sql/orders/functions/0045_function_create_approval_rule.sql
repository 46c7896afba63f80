-- A company's approval rule with its tiers, in one call. A function (not one statement with two data-
-- modifying CTEs) so that on Citus the call is delegated to the tenant's worker: one task, one round trip;
-- a CTE that inserts is planned by Citus as subplans run one by one from the coordinator.
-- SECURITY INVOKER: the grants, the guards and the policies of b2b_app apply to both inserts, as they did
-- to the statement.
create or replace function orders.create_approval_rule(
  p_tenant_id uuid,
  p_company_id uuid,
  p_name text,
  p_min_total_amount numeric,
  p_currency text,
  p_placed_by_role_id uuid,
  p_tiers jsonb
)
returns table (
  approval_rule_id uuid,
  company_id uuid,
  name text,
  min_total_amount numeric,
  currency text,
  placed_by_role_id uuid,
  is_active boolean,
  tier_rows integer
)
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  rule orders.approval_rules;
  tier record;
  n integer := 0;
begin
  insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency, placed_by_role_id)
  values (v_tenant, p_company_id, p_name, p_min_total_amount, p_currency, p_placed_by_role_id)
  returning * into rule;
  -- one row per (tier, role), as VALUES: tiers are few, and an INSERT ... SELECT from a function would go
  -- through the coordinator on Citus
  for tier in select t.tier, t.approver_role_id from jsonb_to_recordset(p_tiers) as t(tier int, approver_role_id uuid)
  loop
    insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)
    values (v_tenant, rule.approval_rule_id, tier.tier, tier.approver_role_id);
    n := n + 1;
  end loop;
  return query select rule.approval_rule_id, rule.company_id, rule.name, rule.min_total_amount, rule.currency,
    rule.placed_by_role_id, rule.is_active, n;
end
$$;
comment on function orders.create_approval_rule(uuid, uuid, text, numeric, text, uuid, jsonb) is
  'In tenant p_tenant_id (the transaction''s: B2002), creates an approval rule of company p_company_id named p_name (orders at or above p_min_total_amount in p_currency and/or placed by role p_placed_by_role_id) and its tiers p_tiers ([{tier, approver_role_id}]); returns the rule and how many tier rows it got. The tables'' constraints refuse what they refuse for a plain insert.';
