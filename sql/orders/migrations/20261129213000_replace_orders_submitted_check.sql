-- Up Migration
-- orders.orders: a draft may be cancelled (draft -> cancelled is a listed transition), but
-- chk_orders_submitted_unless_draft demanded a submission time of every order that is not a draft, so
-- cancel_order on a draft failed on it. The rule it meant: a draft was never submitted, an order in a
-- state that only submission reaches (pending_approval and after) was; a cancelled order may be either
-- (a dropped draft, or an order cancelled after it was submitted). Every row that met the old rule meets
-- this one. Dropping the old constraint takes the table's strong lock in this transaction anyway, so
-- validating here holds it for one scan that can find nothing; a separate transaction would leave a
-- window with no rule at all.
alter table orders.orders drop constraint chk_orders_submitted_unless_draft;
alter table orders.orders add constraint chk_orders_submitted_at_by_state check (
  case state
    when 'draft' then submitted_at is null
    when 'cancelled' then true
    else submitted_at is not null
  end
) not valid;
-- squawk-ignore constraint-missing-not-valid
alter table orders.orders validate constraint chk_orders_submitted_at_by_state;
comment on column orders.orders.submitted_at is
  'When the order left draft (placed or sent for approval): null while draft and for a draft that was cancelled, set in every other state. Spending periods count by it.';

-- Down Migration
-- Cancelled drafts break the old rule: they must be gone (or the rule stays) before going back.
alter table orders.orders drop constraint chk_orders_submitted_at_by_state;
alter table orders.orders add constraint chk_orders_submitted_unless_draft check ((state = 'draft') = (submitted_at is null));
comment on column orders.orders.submitted_at is 'When the order left draft (placed or sent for approval); null exactly while draft. Spending periods count by it.';
