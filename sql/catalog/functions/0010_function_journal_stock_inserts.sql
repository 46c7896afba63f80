-- Trigger function (after insert on catalog.stock_levels, for each row, only for a level that starts with
-- units: the trigger's WHEN): journals the first on_hand of a new stock level. A new level never starts
-- with reserved units: only an order reserves, on a level that exists.
--
-- Row-level, not one set-based insert per statement from a transition table: Citus runs a trigger on the
-- shard, where a transition table cannot be read ("executor could not find named tuplestore"); a row
-- trigger's insert goes to the colocated shard of catalog.stock_movements on the same node (issue 10).
create or replace function catalog.journal_stock_inserts() returns trigger
language plpgsql
as $$
begin
  if new.reserved <> 0 then
    raise exception using
      errcode = 'B2212',
      message = format('stock of variant %s in warehouse %s cannot start with %s reserved units: only orders reserve stock',
        new.variant_id, new.warehouse_id, new.reserved),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  values (new.tenant_id, new.variant_id, new.warehouse_id, new.on_hand, 0,
    coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment'),
    nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid,
    nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid);
  return null;
end
$$;
comment on function catalog.journal_stock_inserts() is
  'Trigger function (after insert on catalog.stock_levels, per row, for a level with on_hand or reserved other than 0): appends one catalog.stock_movements row with the first on_hand, with the reason set by catalog.set_stock_reason (adjustment when none). SQLSTATE B2212 for a new level with reserved units (only orders reserve). Row-level so that Citus can run it on a shard.';
