-- Trigger function (after update on catalog.stock_levels, for each row whose on_hand or reserved changed:
-- the trigger's WHEN): journals the change, whatever wrote it, so no change of on_hand or reserved can skip
-- the journal. Reserved belongs to the orders: b2b_app holds no privilege on it (the guard that cannot be
-- forged); the security definer stock writers change it under an order reason (order, cancel, fulfilment),
-- and this check refuses any other change of it by a role that holds the privilege (owner, superuser). The
-- reason setting is only the journal's label.
--
-- Row-level, not one set-based insert per statement from transition tables: Citus runs a trigger on the
-- shard, where a transition table cannot be read ("executor could not find named tuplestore"); a row
-- trigger's insert goes to the colocated shard of catalog.stock_movements on the same node (issue 10).
create or replace function catalog.journal_stock_updates() returns trigger
language plpgsql
as $$
declare
  reason text := coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment');
begin
  if new.reserved <> old.reserved and reason not in ('order', 'cancel', 'fulfilment') then
    raise exception using
      errcode = 'B2212',
      message = format('reserved stock of variant %s in warehouse %s cannot change from %s to %s by a %s write: only orders reserve and release stock',
        new.variant_id, new.warehouse_id, old.reserved, new.reserved, reason),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  values (new.tenant_id, new.variant_id, new.warehouse_id, new.on_hand - old.on_hand, new.reserved - old.reserved, reason,
    nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid,
    nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid);
  return null;
end
$$;
comment on function catalog.journal_stock_updates() is
  'Trigger function (after update on catalog.stock_levels, per row whose on_hand or reserved changed): appends one catalog.stock_movements row with the deltas, with the reason set by catalog.set_stock_reason (adjustment when none). SQLSTATE B2212 when reserved changes without an order reason (order, cancel, fulfilment). Row-level so that Citus can run it on a shard.';
