-- A trigger function that numbers a row with a subquery inside the VALUES of its insert.
-- expect: function catalog.rogue_number_product() inserts with a subquery inside VALUES
create function catalog.rogue_number_product() returns trigger
language plpgsql
as $$
begin
  insert into catalog.product_translations (tenant_id, product_id, locale, name)
  values (new.tenant_id, new.product_id,
    (select min(l.locale) from catalog.locales l), 'x');
  return null;
end
$$;
comment on function catalog.rogue_number_product() is 'added by a test';
