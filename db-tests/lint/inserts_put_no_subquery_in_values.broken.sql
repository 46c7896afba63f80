-- A trigger function that numbers a row with a subquery inside INSERT ... VALUES.
-- expect: catalog.rogue_number_products() inserts a subquery as a value
create function catalog.rogue_number_products() returns trigger
language plpgsql
as $$
begin
  insert into catalog.stock_movements (variant_id, warehouse_id, on_hand_delta, reserved_delta, reason)
  values (new.product_id, new.product_id,
    (select count(*) from catalog.products p where p.tenant_id = new.tenant_id), 0, 'adjustment');
  return null;
end
$$;
comment on function catalog.rogue_number_products() is 'added by a test';
