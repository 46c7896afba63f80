-- Up Migration
-- orders.apply_approval_rules now copies the tiers of every matching rule one after the other, numbered
-- 1, 2, 3... across rules (each rule needs its own approvers, instead of tiers merged by number), so an
-- order's steps may exceed one rule's 10 tiers: the step number is only bounded below. A rule still has
-- tiers 1 to 10 (chk_approval_rule_tiers_tier). Every row that met the old rule meets this one; dropping
-- the old constraint takes the table's strong lock in this transaction anyway, so validating here holds it
-- for one scan that can find nothing.
alter table orders.order_approval_steps drop constraint chk_order_approval_steps_tier;
alter table orders.order_approval_steps add constraint chk_order_approval_steps_tier check (tier >= 1) not valid;
-- squawk-ignore constraint-missing-not-valid
alter table orders.order_approval_steps validate constraint chk_order_approval_steps_tier;
comment on column orders.order_approval_steps.tier is
  'Approval step, decided in ascending order: the tiers of every matching rule, one rule after the other (by name), numbered from 1.';

-- Down Migration
-- Orders with more than 10 steps (several matching rules) break the old rule: decide or cancel them first.
alter table orders.order_approval_steps drop constraint chk_order_approval_steps_tier;
alter table orders.order_approval_steps add constraint chk_order_approval_steps_tier check (tier between 1 and 10);
comment on column orders.order_approval_steps.tier is 'Approval round, decided in ascending order.';
