-- Stores product_translations.slug in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_product_translations_before_write_canonical
  before insert or update of slug on catalog.product_translations
  for each row execute function app.canonicalize('slug:key');
