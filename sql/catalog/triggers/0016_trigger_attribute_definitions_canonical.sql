-- Stores attribute_definitions.attribute_key in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_attribute_definitions_before_write_canonical
  before insert or update of attribute_key on catalog.attribute_definitions
  for each row execute function app.canonicalize('attribute_key:text');
