-- Up Migration
-- Citus refuses ON UPDATE CASCADE (and SET NULL, SET DEFAULT) on a foreign key that holds the distribution
-- column. A buyer's minor_units still follows its company's: trg_companies_after_update_minor_units
-- (sql/accounts/triggers) updates the company's buyers in the same statement, and the key, now checked at
-- commit (NO ACTION, initially deferred), still proves that every buyer carries its company's minor units.
-- Checked at once, the key would refuse the company's update before the trigger's (both are AFTER
-- triggers; the key's fires first). buyers holds a few rows per company: re-checking takes milliseconds.
alter table accounts.buyers
  drop constraint fk_buyers_tenant_id_company_id_minor_units_companies,
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_buyers_tenant_id_company_id_minor_units_companies foreign key (tenant_id, company_id, minor_units)
    references accounts.companies (tenant_id, company_id, minor_units) deferrable initially deferred;

-- Down Migration
drop trigger if exists trg_companies_after_update_minor_units on accounts.companies;
alter table accounts.buyers
  drop constraint fk_buyers_tenant_id_company_id_minor_units_companies,
  add constraint fk_buyers_tenant_id_company_id_minor_units_companies foreign key (tenant_id, company_id, minor_units)
    references accounts.companies (tenant_id, company_id, minor_units) on update cascade;
