-- The product page read model is derived: only catalog.refresh_product_pages (a trigger, so at trigger
-- depth 2 when its write's own triggers fire) and the owner's bulk build (catalog.build_product_pages)
-- write it. b2b_app holds the write grants the triggers need, as the caller, and no other way to use
-- them: it cannot create a trigger of its own (no create or temporary privilege anywhere), and a
-- statement it sends is at depth 1 here. Cascaded deletes from catalog.products run inside the foreign
-- key's trigger, depth 2.
create or replace function catalog.guard_product_pages() returns trigger
language plpgsql
as $$
begin
  if pg_catalog.pg_trigger_depth() > 1
    or pg_catalog.pg_has_role(current_user, (select c.relowner from pg_catalog.pg_class c where c.oid = tg_relid), 'usage') then
    return null;
  end if;
  raise exception using
    errcode = 'B5040',
    message = format('%s.%s is a read model kept by the catalog''s triggers: %s it through the catalog tables instead',
      tg_table_schema, tg_table_name, lower(tg_op)),
    table = tg_table_name,
    schema = tg_table_schema;
end
$$;
comment on function catalog.guard_product_pages() is
  'Trigger function on catalog.product_pages (before insert, update or delete, per statement): refuses a write that does not come from the page triggers (trigger depth 2) or from the superuser or the table''s owner (the bulk build): SQLSTATE B5040.';
