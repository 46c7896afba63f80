-- Up Migration
-- Approvals: per-company rules that send matching orders to pending_approval, naming approver buyer roles
-- in tiers; the tiers an order needs (copied when it is submitted) and the approvers' decisions.

-- approval_rules -----------------------------------------------------------------------------------
create table orders.approval_rules (
  tenant_id uuid not null default app.require_tenant_id(),
  approval_rule_id uuid not null default gen_random_uuid(),
  company_id uuid not null,
  name text not null,
  min_total_amount numeric(19, 4),
  currency text,
  placed_by_role_id uuid,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pk_approval_rules primary key (tenant_id, approval_rule_id),
  constraint uq_approval_rules_tenant_id_company_id_name unique (tenant_id, company_id, name),
  constraint fk_approval_rules_tenant_id_company_id_companies foreign key (tenant_id, company_id)
    references accounts.companies (tenant_id, company_id),
  constraint fk_approval_rules_tenant_id_placed_by_role_id_buyer_roles foreign key (tenant_id, placed_by_role_id)
    references accounts.buyer_roles (tenant_id, buyer_role_id),
  constraint fk_approval_rules_currency_currencies foreign key (currency) references catalog.currencies (currency_code),
  constraint chk_approval_rules_name_not_blank check (btrim(name) <> ''),
  constraint chk_approval_rules_min_total_amount_not_negative check (min_total_amount >= 0),
  constraint chk_approval_rules_amount_has_currency check ((min_total_amount is null) = (currency is null)),
  constraint chk_approval_rules_has_condition check (min_total_amount is not null or placed_by_role_id is not null)
);
comment on table orders.approval_rules is
  'A company''s rule for sending orders to approval: it matches an order whose total is at or above min_total_amount in currency, and/or that was placed by a buyer with role placed_by_role_id (all given conditions must hold). Its approver roles, in tiers, are in approval_rule_tiers. Rules of a parent company do not apply to its subsidiaries.';
comment on column orders.approval_rules.company_id is 'The company whose orders the rule applies to.';
comment on column orders.approval_rules.name is 'Name of the rule, unique within the company.';
comment on column orders.approval_rules.min_total_amount is 'The rule matches orders with total_amount at or above this (in currency); null: any total.';
comment on column orders.approval_rules.currency is 'Currency of min_total_amount; set exactly when it is. Orders in another currency do not match the amount condition.';
comment on column orders.approval_rules.placed_by_role_id is 'The rule matches orders placed by a buyer with this role; null: any buyer.';
comment on column orders.approval_rules.is_active is 'Inactive rules match nothing; orders already waiting keep the tiers they were given.';
comment on column orders.approval_rules.created_at is 'When the rule was created.';
comment on column orders.approval_rules.updated_at is 'When the rule was last changed.';
alter table orders.approval_rules enable row level security;
alter table orders.approval_rules force row level security;

-- uq_approval_rules_tenant_id_company_id_name serves fk_approval_rules_tenant_id_company_id_companies and
-- "active rules of a company" at submission.
-- Serves fk_approval_rules_tenant_id_placed_by_role_id_buyer_roles (removing a buyer role).
create index idx_approval_rules_tenant_id_placed_by_role_id on orders.approval_rules (tenant_id, placed_by_role_id);
-- Serves fk_approval_rules_currency_currencies (removing a currency).
create index idx_approval_rules_currency on orders.approval_rules (currency);

-- approval_rule_tiers ------------------------------------------------------------------------------
create table orders.approval_rule_tiers (
  tenant_id uuid not null default app.require_tenant_id(),
  approval_rule_id uuid not null,
  -- A small rank (1-10): 32 bits are plenty.
  -- squawk-ignore prefer-bigint-over-int
  tier integer not null,
  approver_role_id uuid not null,
  constraint pk_approval_rule_tiers primary key (tenant_id, approval_rule_id, tier, approver_role_id),
  constraint fk_approval_rule_tiers_tenant_id_approval_rule_id_rules foreign key (tenant_id, approval_rule_id)
    references orders.approval_rules (tenant_id, approval_rule_id) on delete cascade,
  constraint fk_approval_rule_tiers_tenant_id_approver_role_id_buyer_roles foreign key (tenant_id, approver_role_id)
    references accounts.buyer_roles (tenant_id, buyer_role_id),
  constraint chk_approval_rule_tiers_tier check (tier between 1 and 10)
);
comment on table orders.approval_rule_tiers is
  'Who approves what a rule matched: one row per tier and approver buyer role. Tiers are decided in ascending order; a tier is approved by one buyer of the company holding one of the tier''s roles (and orders.approve).';
comment on column orders.approval_rule_tiers.tier is 'Approval round, 1 first (1 to 10).';
comment on column orders.approval_rule_tiers.approver_role_id is 'A buyer role whose holders may decide this tier.';
alter table orders.approval_rule_tiers enable row level security;
alter table orders.approval_rule_tiers force row level security;

-- The primary key serves fk_approval_rule_tiers_tenant_id_approval_rule_id_rules.
-- Serves fk_approval_rule_tiers_tenant_id_approver_role_id_buyer_roles (removing a buyer role).
create index idx_approval_rule_tiers_tenant_id_approver_role_id on orders.approval_rule_tiers (tenant_id, approver_role_id);

-- order_approval_steps -----------------------------------------------------------------------------
create table orders.order_approval_steps (
  tenant_id uuid not null default app.require_tenant_id(),
  order_id uuid not null,
  -- squawk-ignore prefer-bigint-over-int
  tier integer not null,
  approver_role_id uuid not null,
  constraint pk_order_approval_steps primary key (tenant_id, order_id, tier, approver_role_id),
  constraint fk_order_approval_steps_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint fk_order_approval_steps_tenant_id_approver_role_id_buyer_roles foreign key (tenant_id, approver_role_id)
    references accounts.buyer_roles (tenant_id, buyer_role_id),
  constraint chk_order_approval_steps_tier check (tier between 1 and 10)
);
comment on table orders.order_approval_steps is
  'The approval tiers an order needs, copied from the matching rules when it was submitted (later rule edits do not change a waiting order).';
comment on column orders.order_approval_steps.tier is 'Approval round, decided in ascending order.';
comment on column orders.order_approval_steps.approver_role_id is 'A buyer role whose holders may decide this tier of this order.';
alter table orders.order_approval_steps enable row level security;
alter table orders.order_approval_steps force row level security;

-- The primary key serves fk_order_approval_steps_tenant_id_order_id_orders.
-- Serves fk_order_approval_steps_tenant_id_approver_role_id_buyer_roles (removing a buyer role).
create index idx_order_approval_steps_tenant_id_approver_role_id on orders.order_approval_steps (tenant_id, approver_role_id);

-- order_approvals ----------------------------------------------------------------------------------
create table orders.order_approvals (
  tenant_id uuid not null default app.require_tenant_id(),
  order_id uuid not null,
  -- squawk-ignore prefer-bigint-over-int
  tier integer not null,
  approver_id uuid not null,
  decision text not null,
  comment text,
  decided_at timestamptz not null default now(),
  constraint pk_order_approvals primary key (tenant_id, order_id, tier),
  constraint fk_order_approvals_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint fk_order_approvals_tenant_id_approver_id_buyers foreign key (tenant_id, approver_id)
    references accounts.buyers (tenant_id, buyer_id),
  constraint chk_order_approvals_decision check (decision in ('approved', 'rejected')),
  constraint chk_order_approvals_comment_not_blank check (btrim(comment) <> '')
);
comment on table orders.order_approvals is
  'An approver''s decision on one tier of an order: one decision per tier; one rejection rejects the order. Written by orders.approve_order / reject_order, which check that the approver is eligible.';
comment on column orders.order_approvals.tier is 'The tier decided.';
comment on column orders.order_approvals.approver_id is 'The buyer of the order''s company who decided.';
comment on column orders.order_approvals.decision is 'approved or rejected.';
comment on column orders.order_approvals.comment is 'The approver''s note, if any.';
comment on column orders.order_approvals.decided_at is 'When the decision was made.';
alter table orders.order_approvals enable row level security;
alter table orders.order_approvals force row level security;

-- The primary key serves fk_order_approvals_tenant_id_order_id_orders.
-- Serves fk_order_approvals_tenant_id_approver_id_buyers and "decisions of an approver".
create index idx_order_approvals_tenant_id_approver_id on orders.order_approvals (tenant_id, approver_id);

-- Down Migration
drop table orders.order_approvals;
drop table orders.order_approval_steps;
drop table orders.approval_rule_tiers;
drop table orders.approval_rules;
