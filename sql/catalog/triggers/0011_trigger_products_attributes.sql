-- Checks product attributes against the tenant's attribute definitions.
create or replace trigger trg_products_before_insert_or_update_attributes
  before insert or update of attributes on catalog.products
  for each row execute function catalog.check_attributes();
