-- Up Migration
-- The stock journal: every change of catalog.stock_levels.on_hand or .reserved, appended by the
-- statement-level triggers on stock_levels (catalog.journal_stock_inserts / journal_stock_updates), so
-- no write can skip it. The order, return and fulfilment functions name the reason and the order or
-- return (catalog.set_stock_reason); admin and ERP writes (catalog.sync_stock_levels,
-- catalog.adjust_stock_levels) are `sync` or `adjustment`. Reserved moves only with an order's reason.
-- The table is in schema catalog (it is the history of catalog.stock_levels; its triggers, policies and
-- grants are catalog's repeatables), but this migration is in the orders domain because a movement
-- points at the order or return it belongs to, and a domain uses only the domains loaded before it.
create table catalog.stock_movements (
  tenant_id uuid not null default app.require_tenant_id(),
  movement_id uuid not null default gen_random_uuid(),
  variant_id uuid not null,
  warehouse_id uuid not null,
  on_hand_delta bigint not null,
  reserved_delta bigint not null,
  reason text not null,
  order_id uuid,
  return_id uuid,
  moved_by uuid default app.current_user_id(),
  moved_at timestamptz not null default now(),
  constraint pk_stock_movements primary key (tenant_id, movement_id),
  constraint fk_stock_movements_tenant_id_variant_id_warehouse_id_stock foreign key (tenant_id, variant_id, warehouse_id)
    references catalog.stock_levels (tenant_id, variant_id, warehouse_id),
  -- orders and returns are never deleted: these keys only check that the reference exists, in the tenant
  constraint fk_stock_movements_tenant_id_order_id_orders foreign key (tenant_id, order_id)
    references orders.orders (tenant_id, order_id),
  constraint fk_stock_movements_tenant_id_return_id_returns foreign key (tenant_id, return_id)
    references orders.returns (tenant_id, return_id),
  constraint chk_stock_movements_reason check (
    reason in ('order', 'cancel', 'fulfilment', 'return', 'adjustment', 'sync')
  ),
  constraint chk_stock_movements_changes_stock check (on_hand_delta <> 0 or reserved_delta <> 0),
  -- Only orders reserve: order reserves, cancel releases, fulfilment ships what was reserved (both go
  -- down together), a return and every admin or ERP write move on_hand only.
  constraint chk_stock_movements_deltas_fit_reason check (
    case reason
      when 'order' then on_hand_delta = 0 and reserved_delta > 0
      when 'cancel' then on_hand_delta = 0 and reserved_delta < 0
      when 'fulfilment' then on_hand_delta < 0 and reserved_delta = on_hand_delta
      when 'return' then on_hand_delta > 0 and reserved_delta = 0
      else reserved_delta = 0
    end
  ),
  constraint chk_stock_movements_reference_fits_reason check (
    case
      when reason in ('order', 'cancel', 'fulfilment') then order_id is not null and return_id is null
      when reason = 'return' then order_id is not null and return_id is not null
      else order_id is null and return_id is null
    end
  )
);
comment on table catalog.stock_movements is
  'Append-only journal of stock: one row per change of a stock level''s on_hand or reserved, written only by the triggers on catalog.stock_levels (SQLSTATE B2213 for a direct insert, B2214 for update or delete). Per (variant, warehouse) the deltas add up to the level; orders.reconcile_stock reports any drift.';
comment on column catalog.stock_movements.movement_id is 'Random id of the movement (no sequence shared across tenants).';
comment on column catalog.stock_movements.variant_id is 'The variant of the stock level that moved.';
comment on column catalog.stock_movements.warehouse_id is 'The warehouse of the stock level that moved.';
comment on column catalog.stock_movements.on_hand_delta is 'Units added to (positive) or taken from (negative) on_hand.';
comment on column catalog.stock_movements.reserved_delta is 'Units added to or taken from reserved; non-zero only for order, cancel and fulfilment.';
comment on column catalog.stock_movements.reason is 'Why stock moved: order (reserved), cancel (released on cancel or reject), fulfilment (shipped), return (received back), adjustment (an admin write or count), sync (an ERP count).';
comment on column catalog.stock_movements.order_id is 'The order the movement belongs to (order, cancel, fulfilment, return); null for adjustment and sync.';
comment on column catalog.stock_movements.return_id is 'The return the movement belongs to (return only).';
comment on column catalog.stock_movements.moved_by is 'The acting user (app.current_user_id(): the staff user or buyer set by withTenant), null when none was set.';
comment on column catalog.stock_movements.moved_at is 'When the movement was recorded (the transaction''s time).';
alter table catalog.stock_movements enable row level security;
alter table catalog.stock_movements force row level security;

-- Serves fk_stock_movements_tenant_id_variant_id_warehouse_id_stock, "history of a stock level" (by time)
-- and orders.reconcile_stock (sums per variant and warehouse).
create index idx_stock_movements_tenant_id_variant_id_warehouse_id
  on catalog.stock_movements (tenant_id, variant_id, warehouse_id, moved_at);
-- Serves fk_stock_movements_tenant_id_order_id_orders and "stock movements of an order".
create index idx_stock_movements_tenant_id_order_id on catalog.stock_movements (tenant_id, order_id);
-- Serves fk_stock_movements_tenant_id_return_id_returns and "stock movements of a return".
create index idx_stock_movements_tenant_id_return_id on catalog.stock_movements (tenant_id, return_id);

comment on column catalog.stock_levels.on_hand is
  'Units physically in the warehouse. Set by counts (catalog.sync_stock_levels) and adjustments (catalog.adjust_stock_levels), never below reserved (B2210); lowered by fulfilment, raised by returns; every change journaled in catalog.stock_movements.';
comment on column catalog.stock_levels.reserved is
  'Units of on_hand promised to open orders and not yet shipped. Changed only by the order functions (reserve, release, fulfil: trg_stock_levels_after_update refuses any other change, B2212); every change journaled in catalog.stock_movements.';

-- Down Migration
comment on column catalog.stock_levels.on_hand is 'Units physically in the warehouse.';
comment on column catalog.stock_levels.reserved is 'Units of on_hand promised to open orders and not yet shipped.';
drop table catalog.stock_movements;
