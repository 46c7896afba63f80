-- Keeps companies.updated_at current.
create or replace trigger trg_companies_before_update
  before update on accounts.companies
  for each row execute function app.set_updated_at();
