-- A company's minor_units follows its default_currency (see accounts.set_company_minor_units).
create or replace trigger trg_companies_before_write_minor_units
  before insert or update of default_currency, minor_units on accounts.companies
  for each row execute function accounts.set_company_minor_units();
