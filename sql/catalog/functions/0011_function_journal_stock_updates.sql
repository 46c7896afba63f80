-- Trigger function (after update on catalog.stock_levels, for each statement, transition tables
-- `old_rows` / `new_rows`): journals what changed in one set-based insert, whatever wrote it, so no
-- change of on_hand or reserved can skip the journal. Reserved belongs to the orders: b2b_app holds no
-- privilege on it (the guard that cannot be forged); the security definer stock writers change it under
-- an order reason (order, cancel, fulfilment), and this check refuses any other change of it by a role
-- that holds the privilege (owner, superuser). The reason setting is only the journal's label.
create or replace function catalog.journal_stock_updates() returns trigger
language plpgsql
as $$
declare
  reason text := coalesce(nullif(pg_catalog.current_setting('app.stock_reason', true), ''), 'adjustment');
  order_ref uuid := nullif(pg_catalog.current_setting('app.stock_order_id', true), '')::uuid;
  return_ref uuid := nullif(pg_catalog.current_setting('app.stock_return_id', true), '')::uuid;
  bad record;
begin
  if reason not in ('order', 'cancel', 'fulfilment') then
    select n.variant_id, n.warehouse_id, o.reserved as was, n.reserved as now into bad
    from new_rows n
    join old_rows o on o.tenant_id = n.tenant_id and o.variant_id = n.variant_id and o.warehouse_id = n.warehouse_id
    where n.reserved <> o.reserved
    limit 1;
    if found then
      raise exception using
        errcode = 'B2212',
        message = format('reserved stock of variant %s in warehouse %s cannot change from %s to %s by a %s write: only orders reserve and release stock',
          bad.variant_id, bad.warehouse_id, bad.was, bad.now, reason),
        table = 'stock_levels',
        schema = 'catalog';
    end if;
  end if;

  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  select n.tenant_id, n.variant_id, n.warehouse_id, n.on_hand - o.on_hand, n.reserved - o.reserved, reason, order_ref, return_ref
  from new_rows n
  join old_rows o on o.tenant_id = n.tenant_id and o.variant_id = n.variant_id and o.warehouse_id = n.warehouse_id
  where n.on_hand <> o.on_hand or n.reserved <> o.reserved;
  return null;
end
$$;
comment on function catalog.journal_stock_updates() is
  'Trigger function (after update on catalog.stock_levels, per statement): appends one catalog.stock_movements row per level whose on_hand or reserved changed (the deltas), with the reason set by catalog.set_stock_reason (adjustment when none). SQLSTATE B2212 when reserved changes without an order reason (order, cancel, fulfilment).';
