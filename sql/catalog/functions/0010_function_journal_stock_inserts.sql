-- Trigger function (after insert on catalog.stock_levels, for each statement, transition table
-- `inserted`): journals the first on_hand of every new stock level in one set-based insert. A new level
-- never starts with reserved units: only an order reserves, on a level that exists.
create or replace function catalog.journal_stock_inserts() returns trigger
language plpgsql
as $$
declare
  reason text := coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment');
  order_ref uuid := nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid;
  return_ref uuid := nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid;
  bad record;
begin
  select i.variant_id, i.warehouse_id, i.reserved into bad from inserted i where i.reserved <> 0 limit 1;
  if found then
    raise exception using
      errcode = 'B2212',
      message = format('stock of variant %s in warehouse %s cannot start with %s reserved units: only orders reserve stock',
        bad.variant_id, bad.warehouse_id, bad.reserved),
      table = 'stock_levels',
      schema = 'catalog';
  end if;

  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  select i.tenant_id, i.variant_id, i.warehouse_id, i.on_hand, 0, reason, order_ref, return_ref
  from inserted i
  where i.on_hand <> 0;
  return null;
end
$$;
comment on function catalog.journal_stock_inserts() is
  'Trigger function (after insert on catalog.stock_levels, per statement): appends one catalog.stock_movements row per new level with on_hand > 0, with the reason set by catalog.set_stock_reason (adjustment when none). SQLSTATE B2212 for a new level with reserved units (only orders reserve).';
