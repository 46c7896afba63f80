-- Stores category_translations.slug in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_category_translations_before_write_canonical
  before insert or update of slug on catalog.category_translations
  for each row execute function app.canonicalize('slug:key');
