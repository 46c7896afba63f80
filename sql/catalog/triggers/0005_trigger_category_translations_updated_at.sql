-- Keeps category_translations.updated_at current.
create or replace trigger trg_category_translations_before_update
  before update on catalog.category_translations
  for each row execute function app.set_updated_at();
