-- A company's buyers follow its minor units (the key between them is checked at commit). Not `update of
-- minor_units`: the company's own BEFORE trigger sets it from default_currency, outside the SET list.
create or replace trigger trg_companies_after_update_minor_units
  after update on accounts.companies
  for each row when (old.minor_units is distinct from new.minor_units)
  execute function accounts.follow_company_minor_units();
