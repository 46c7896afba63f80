-- Keeps attribute_definitions.updated_at current.
create or replace trigger trg_attribute_definitions_before_update
  before update on catalog.attribute_definitions
  for each row execute function app.set_updated_at();
