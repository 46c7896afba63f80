-- Stores variants.sku in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_variants_before_write_canonical
  before insert or update of sku on catalog.variants
  for each row execute function app.canonicalize('sku:code');
