-- Stores price_lists.name in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_price_lists_before_write_canonical
  before insert or update of name on catalog.price_lists
  for each row execute function app.canonicalize('name:text');
