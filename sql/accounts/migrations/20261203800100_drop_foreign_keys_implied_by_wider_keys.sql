-- Up Migration
-- A company's (default_currency) key beside its (default_currency, minor_units) key (issue 13; lint
-- foreign_keys_are_not_implied_by_wider_keys; the orders' pairs: 20261203800000): minor_units is not null
-- and set from the currency by trg_companies_before_write_minor_units (4 for an unknown currency), so every
-- company the wider key accepts has a currency the narrower one would find. The wider key reports an
-- unknown currency, mapped to the same code (currency_unknown).
alter table accounts.companies drop constraint if exists fk_companies_default_currency_currencies;

-- Down Migration
-- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
alter table accounts.companies add constraint fk_companies_default_currency_currencies
  foreign key (default_currency) references catalog.currencies (currency_code);
