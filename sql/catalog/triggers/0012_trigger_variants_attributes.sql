-- Checks variant attributes against the tenant's attribute definitions.
create or replace trigger trg_variants_before_insert_or_update_attributes
  before insert or update of attributes on catalog.variants
  for each row execute function catalog.check_attributes();
