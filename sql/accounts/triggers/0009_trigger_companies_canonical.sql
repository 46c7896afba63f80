-- Stores companies.tax_id in canonical form (app.canonicalize), so equal identifiers collide on their unique key.
create or replace trigger trg_companies_before_write_canonical
  before insert or update of tax_id on accounts.companies
  for each row execute function app.canonicalize('tax_id:tax_id');
