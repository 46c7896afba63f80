-- Requires a postal code where the country uses one.
create or replace trigger trg_addresses_before_insert_or_update_postal
  before insert or update of country_code, postal_code on accounts.addresses
  for each row execute function accounts.check_address_postal_code();
