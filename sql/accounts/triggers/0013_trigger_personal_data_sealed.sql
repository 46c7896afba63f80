-- The encrypted columns of accounts (app.seal_personal): checked, canonical, with their hint and digest.
-- companies.tax_id in canonical form (app.canonical_tax_id, before encryption), so equal tax ids collide
-- on uq_companies_tenant_id_tax_id (over the keyed hash).
create or replace trigger trg_companies_before_write_sealed
  before insert or update of tax_id on accounts.companies
  for each row execute function app.seal_personal('tax_id:tax_id');
-- buyers.phone: E.164, with its masked hint.
create or replace trigger trg_buyers_before_write_sealed
  before insert or update of phone on accounts.buyers
  for each row execute function app.seal_personal('phone:phone');
-- addresses.phone: E.164, with its masked hint.
create or replace trigger trg_addresses_before_write_sealed
  before insert or update of phone on accounts.addresses
  for each row execute function app.seal_personal('phone:phone');
