-- Stores buyers.email in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_buyers_before_write_canonical
  before insert or update of email on accounts.buyers
  for each row execute function app.canonicalize('email:key');
