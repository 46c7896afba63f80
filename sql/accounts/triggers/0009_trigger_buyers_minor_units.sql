-- A buyer's minor_units is its company's (see accounts.set_buyer_minor_units); a change of the company's
-- currency reaches it through fk_buyers_tenant_id_company_id_minor_units_companies (on update cascade).
create or replace trigger trg_buyers_before_write_minor_units
  before insert or update of company_id, minor_units on accounts.buyers
  for each row execute function accounts.set_buyer_minor_units();
