-- Up Migration
-- Returns: a buyer returns shipped units of an order (never more than were shipped); on receipt the
-- units go back on hand in a warehouse and a credit note lowers the company's open balance.

-- returns ------------------------------------------------------------------------------------------
create table orders.returns (
  tenant_id uuid not null default app.require_tenant_id(),
  return_id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  buyer_id uuid not null,
  state text not null default 'requested',
  reason text,
  warehouse_id uuid,
  credit_amount numeric(19, 4),
  requested_at timestamptz not null default now(),
  received_at timestamptz,
  constraint pk_returns primary key (tenant_id, return_id),
  -- Target of fk_return_lines_tenant_id_return_id_order_id_returns: a return's lines are of its order.
  constraint uq_returns_tenant_id_return_id_order_id unique (tenant_id, return_id, order_id),
  constraint fk_returns_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint fk_returns_tenant_id_buyer_id_buyers foreign key (tenant_id, buyer_id)
    references accounts.buyers (tenant_id, buyer_id),
  constraint fk_returns_tenant_id_warehouse_id_warehouses foreign key (tenant_id, warehouse_id)
    references catalog.warehouses (tenant_id, warehouse_id),
  constraint chk_returns_state check (state in ('requested', 'received', 'cancelled')),
  constraint chk_returns_reason_not_blank check (btrim(reason) <> ''),
  constraint chk_returns_credit_amount_not_negative check (credit_amount >= 0),
  constraint chk_returns_received_complete check (
    (state = 'received') = (received_at is not null and warehouse_id is not null and credit_amount is not null))
);
comment on table orders.returns is
  'A return request for shipped units of an order (lines in return_lines; per order line never more than fulfilled_quantity across returns that are not cancelled, B3401). On receipt the units are restocked in warehouse_id and a credit note of credit_amount is booked in the receivables ledger. requested -> received or cancelled (B3001 otherwise).';
comment on column orders.returns.order_id is 'The order the units were shipped on.';
comment on column orders.returns.buyer_id is 'The buyer of the order''s company who asked for the return.';
comment on column orders.returns.state is 'requested, received (restocked and credited) or cancelled.';
comment on column orders.returns.reason is 'Why the units come back.';
comment on column orders.returns.warehouse_id is 'Where the units were restocked (set on receipt).';
comment on column orders.returns.credit_amount is 'The credit note amount: returned units at their order unit price (set on receipt).';
comment on column orders.returns.requested_at is 'When the return was requested.';
comment on column orders.returns.received_at is 'When the units arrived and were restocked.';
alter table orders.returns enable row level security;
alter table orders.returns force row level security;

-- Serves fk_returns_tenant_id_order_id_orders and "returns of an order" (the returned-quantity check).
create index idx_returns_tenant_id_order_id on orders.returns (tenant_id, order_id);
-- Serves fk_returns_tenant_id_buyer_id_buyers.
create index idx_returns_tenant_id_buyer_id on orders.returns (tenant_id, buyer_id);
-- Serves fk_returns_tenant_id_warehouse_id_warehouses (removing a warehouse).
create index idx_returns_tenant_id_warehouse_id on orders.returns (tenant_id, warehouse_id);

-- return_lines -------------------------------------------------------------------------------------
create table orders.return_lines (
  tenant_id uuid not null default app.require_tenant_id(),
  return_id uuid not null,
  order_id uuid not null,
  variant_id uuid not null,
  -- squawk-ignore prefer-bigint-over-int
  quantity integer not null,
  constraint pk_return_lines primary key (tenant_id, return_id, variant_id),
  constraint fk_return_lines_tenant_id_return_id_order_id_returns foreign key (tenant_id, return_id, order_id)
    references orders.returns (tenant_id, return_id, order_id) on delete cascade,
  constraint fk_return_lines_tenant_id_order_id_variant_id_order_lines foreign key (tenant_id, order_id, variant_id)
    references orders.order_lines (tenant_id, order_id, variant_id),
  constraint chk_return_lines_quantity check (quantity between 1 and 1000000)
);
comment on table orders.return_lines is 'Units of one order line coming back with a return.';
comment on column orders.return_lines.order_id is 'The return''s order (composite keys keep the line on that order).';
comment on column orders.return_lines.variant_id is 'The variant (an order line of the order) returned.';
comment on column orders.return_lines.quantity is 'Units returned (at least 1; with the line''s other returns at most its fulfilled_quantity).';
alter table orders.return_lines enable row level security;
alter table orders.return_lines force row level security;

-- Serves fk_return_lines_tenant_id_return_id_order_id_returns (the primary key leads with return_id but
-- not order_id in second place).
create index idx_return_lines_tenant_id_return_id_order_id on orders.return_lines (tenant_id, return_id, order_id);
-- Serves fk_return_lines_tenant_id_order_id_variant_id_order_lines and "units returned per order line".
create index idx_return_lines_tenant_id_order_id_variant_id on orders.return_lines (tenant_id, order_id, variant_id);

-- receivable_entries.return_id ---------------------------------------------------------------------
-- The return a credit note was booked for. The ledger is new in this release (empty): the foreign key's
-- validating scan and the index build cost nothing, so NOT VALID + VALIDATE would only add steps.
alter table orders.receivable_entries
  add column return_id uuid,
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_receivable_entries_tenant_id_return_id_returns foreign key (tenant_id, return_id)
    references orders.returns (tenant_id, return_id);
comment on column orders.receivable_entries.return_id is 'The return a credit note was booked for, when it was.';

-- Serves fk_receivable_entries_tenant_id_return_id_returns.
-- squawk-ignore require-concurrent-index-creation
create index idx_receivable_entries_tenant_id_return_id on orders.receivable_entries (tenant_id, return_id);

-- Down Migration
-- Repeatable functions that take or return orders.returns go first (re-created by the next migrate).
drop function if exists orders.request_return(uuid, uuid, jsonb, text);
drop function if exists orders.receive_return(uuid, uuid);
drop function if exists orders.cancel_return(uuid);
drop index orders.idx_receivable_entries_tenant_id_return_id;
alter table orders.receivable_entries
  drop constraint fk_receivable_entries_tenant_id_return_id_returns,
  drop column return_id;
drop table orders.return_lines;
drop table orders.returns;
