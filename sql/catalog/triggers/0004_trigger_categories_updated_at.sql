-- Keeps categories.updated_at current.
create or replace trigger trg_categories_before_update
  before update on catalog.categories
  for each row execute function app.set_updated_at();
