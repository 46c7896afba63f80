-- Trigger function: an order line or a return gets its order's minor units (its amounts are in the
-- order's currency), unless the writer gave them (the composite foreign key to the order checks either).
-- An unknown order gets 4, so that the foreign key to the order reports it.
create or replace function orders.set_minor_units_from_order() returns trigger
language plpgsql
as $$
begin
  if new.minor_units is null then
    new.minor_units := coalesce(
      (select o.minor_units from orders.orders o where o.tenant_id = new.tenant_id and o.order_id = new.order_id), 4);
  end if;
  return new;
end
$$;
comment on function orders.set_minor_units_from_order() is
  'Trigger function for order_lines and returns: sets minor_units to the order''s when the write left it out (4 for an unknown order, which its foreign key then refuses).';
