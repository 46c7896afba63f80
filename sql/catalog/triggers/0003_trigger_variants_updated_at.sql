-- Keeps variants.updated_at current.
create or replace trigger trg_variants_before_update
  before update on catalog.variants
  for each row execute function app.set_updated_at();
