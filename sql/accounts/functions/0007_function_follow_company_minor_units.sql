-- Trigger function (after update of minor_units on accounts.companies, for each row): the company's buyers
-- take its new minor units, as ON UPDATE CASCADE did before Citus refused that action on a key that holds
-- the distribution column (fk_buyers_tenant_id_company_id_minor_units_companies, now checked at commit,
-- still proves the copies equal). Same tenant, so same shard. A buyer's spending limit that does not fit
-- the new units is refused by chk_buyers_spending_limit_money, in the company's update as before.
-- As the caller, under its row-level security (the company's tenant is the caller's): b2b_app holds
-- UPDATE (minor_units) on buyers for this, which lets it set nothing, since trg_buyers_before_write_minor_units
-- always takes the company's value.
create or replace function accounts.follow_company_minor_units() returns trigger
language plpgsql
as $$
begin
  update accounts.buyers b
  set minor_units = new.minor_units
  where b.tenant_id = new.tenant_id and b.company_id = new.company_id
    and b.minor_units is distinct from new.minor_units;
  return null;
end
$$;
comment on function accounts.follow_company_minor_units() is
  'Trigger function: after a company''s minor_units change, sets its buyers'' to match (replaces ON UPDATE CASCADE, which Citus refuses).';
