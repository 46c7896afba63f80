-- Up Migration
-- transition_id came from one identity sequence shared by every tenant, so its gaps told a tenant how
-- many order changes other tenants made. Now a random uuid; the order of an order's changes is
-- transition_number, counted per order (1, 2, 3...) by orders.record_order_transition. The counter costs
-- no extra lock: every change of an order's state already holds that order's row lock, so its changes are
-- numbered one at a time, and uq_order_state_history_tenant_id_order_id_number is the backstop. Existing
-- rows are numbered in the order of their old ids.
alter table orders.order_state_history
  add column transition_uuid uuid,
  -- squawk-ignore prefer-bigint-over-int
  add column transition_number int;

-- the append-only trigger refuses updates; this one-off rewrite is the schema's own change
alter table orders.order_state_history disable trigger user;
-- the owner obeys row-level security (forced): lift it for the rewrite, which sees every tenant's rows
alter table orders.order_state_history no force row level security;
update orders.order_state_history h
set transition_uuid = gen_random_uuid(), transition_number = numbered.n
from (
  select tenant_id, transition_id,
    row_number() over (partition by tenant_id, order_id order by transition_id) as n
  from orders.order_state_history
) numbered
where numbered.tenant_id = h.tenant_id and numbered.transition_id = h.transition_id;
alter table orders.order_state_history force row level security;
alter table orders.order_state_history enable trigger user;

-- squawk-ignore require-concurrent-index-deletion
drop index orders.idx_order_state_history_tenant_id_order_id;
alter table orders.order_state_history alter column transition_id drop identity;
-- The rewrite takes an exclusive lock on the history for its duration: a one-off, in the release window.
alter table orders.order_state_history
  -- squawk-ignore changing-column-type
  alter column transition_id type uuid using transition_uuid,
  alter column transition_id set default gen_random_uuid();
-- the helper column of this migration, never seen by a client
-- squawk-ignore ban-drop-column
alter table orders.order_state_history drop column transition_uuid;
-- squawk-ignore adding-not-nullable-field
alter table orders.order_state_history alter column transition_number set not null;
-- Serves fk_order_state_history_tenant_id_order_id_orders, "history of an order" in order, and the
-- per-order numbering (max + 1).
alter table orders.order_state_history
  -- squawk-ignore disallowed-unique-constraint, constraint-missing-not-valid
  add constraint uq_order_state_history_tenant_id_order_id_number unique (tenant_id, order_id, transition_number),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_order_state_history_number_positive check (transition_number >= 1);
comment on column orders.order_state_history.transition_id is
  'Random id of the change (gen_random_uuid(): from no sequence shared across tenants).';
comment on column orders.order_state_history.transition_number is
  'Position of the change in its order''s history: 1 for the creation, then 2, 3... (set by orders.record_order_transition).';

-- Down Migration
alter table orders.order_state_history
  drop constraint uq_order_state_history_tenant_id_order_id_number,
  drop constraint chk_order_state_history_number_positive;
alter table orders.order_state_history add column transition_serial bigint;
alter table orders.order_state_history disable trigger user;
-- the owner obeys row-level security (forced): lift it for the rewrite, which sees every tenant's rows
alter table orders.order_state_history no force row level security;
update orders.order_state_history h
set transition_serial = numbered.n
from (
  select tenant_id, transition_id,
    row_number() over (order by changed_at, order_id, transition_number) as n
  from orders.order_state_history
) numbered
where numbered.tenant_id = h.tenant_id and numbered.transition_id = h.transition_id;
alter table orders.order_state_history enable trigger user;
alter table orders.order_state_history alter column transition_id drop default;
alter table orders.order_state_history alter column transition_id type bigint using transition_serial;
alter table orders.order_state_history drop column transition_serial, drop column transition_number;
alter table orders.order_state_history alter column transition_id add generated always as identity;
select setval(pg_get_serial_sequence('orders.order_state_history', 'transition_id'),
  coalesce((select max(transition_id) from orders.order_state_history), 0) + 1, false);
alter table orders.order_state_history force row level security;
comment on column orders.order_state_history.transition_id is 'Order of the changes (several may share one changed_at: one transaction).';
create index idx_order_state_history_tenant_id_order_id on orders.order_state_history (tenant_id, order_id, transition_id);
