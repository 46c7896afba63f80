-- Keeps product_translations.updated_at current.
create or replace trigger trg_product_translations_before_update
  before update on catalog.product_translations
  for each row execute function app.set_updated_at();
