/* Creates a company's approval rule with its tiers ([{"tier": 1, "approver_role_id": ...}]) in one call
   (orders.create_approval_rule, delegated to the tenant's worker on Citus). */
/* @name CreateApprovalRule */
select r.approval_rule_id as "approval_rule_id!", r.company_id as "company_id!", r.name as "name!",
  r.min_total_amount, r.currency, r.placed_by_role_id, r.is_active as "is_active!", r.tier_rows as "tier_rows!"
from orders.create_approval_rule(p_tenant_id => :tenantId!::uuid, p_company_id => :companyId!::uuid,
  p_name => :name!::text, p_min_total_amount => :minTotalAmount::numeric, p_currency => :currency::text,
  p_placed_by_role_id => :placedByRoleId::uuid, p_tiers => :tiers!::jsonb) r;

/* Switches a rule on or off (orders already waiting keep their tiers). */
/* @name SetApprovalRuleActive */
update orders.approval_rules set is_active = :isActive!
where tenant_id = :tenantId! and approval_rule_id = :approvalRuleId!
returning approval_rule_id, is_active;

/* Approves the current tier of an order (orders.approve_order); the last tier places it. */
/* @name ApproveOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.approve_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o;

/* Rejects an order at its current tier (orders.reject_order); its stock is released. */
/* @name RejectOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.reject_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_approver_id => :approverId!::uuid, p_comment => :comment::text) o;

/* The tiers an order needs and the decisions so far, by tier. */
/* @name GetOrderApprovals */
select s.tier as "tier!", array_agg(s.approver_role_id order by s.approver_role_id) as "approver_role_ids!",
  a.decision as "decision?", a.approver_id as "approver_id?", a.comment as "comment?", a.decided_at as "decided_at?"
from orders.order_approval_steps s
left join orders.order_approvals a on a.tenant_id = s.tenant_id and a.order_id = s.order_id and a.tier = s.tier
where s.tenant_id = :tenantId! and s.order_id = :orderId!
group by s.tier, a.decision, a.approver_id, a.comment, a.decided_at
order by s.tier;
