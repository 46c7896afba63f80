-- Up Migration
-- Money rule for accounts (see app/migrations/20261129210000_create_money_rule.sql): credit and spending
-- limits are in the company's currency and its minor units (chk_<table>_<column>_money). minor_units is a copy of the
-- currency's, kept honest by composite foreign keys (companies: to the currency; buyers: to their company,
-- following it on update), and filled by triggers when a write leaves it out.
-- Dropping the numeric(19, 4) typmod does not rewrite the tables; the checks are validated in the same
-- transaction (the tables are small: one row per company or buyer), hence the squawk-ignore marks below.
-- minor_units is a digit count (0-4): 16 bits are plenty.

-- companies ----------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table accounts.companies add column minor_units smallint;
update accounts.companies c set minor_units = cur.minor_units
from catalog.currencies cur where cur.currency_code = c.default_currency;
-- squawk-ignore adding-not-nullable-field
alter table accounts.companies alter column minor_units set not null;
-- squawk-ignore changing-column-type
alter table accounts.companies alter column credit_limit type numeric;
alter table accounts.companies
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_companies_default_currency_minor_units_currencies foreign key (default_currency, minor_units)
    references catalog.currencies (currency_code, minor_units),
  -- Target of fk_buyers_tenant_id_company_id_minor_units_companies: a buyer's limit is in its company's units.
  -- squawk-ignore constraint-missing-not-valid, disallowed-unique-constraint
  add constraint uq_companies_tenant_id_company_id_minor_units unique (tenant_id, company_id, minor_units),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_companies_credit_limit_money check (app.is_money(credit_limit, minor_units));
comment on column accounts.companies.minor_units is
  'The minor units of default_currency (copied, checked by fk_companies_default_currency_minor_units_currencies; filled by trigger): credit_limit and the buyers'' spending limits have at most this many decimals.';
comment on column accounts.companies.credit_limit is
  'Maximum open receivables in default_currency, in its minor units (chk_companies_credit_limit_money); null means no credit limit is enforced.';
-- Serves fk_companies_default_currency_minor_units_currencies and fk_companies_default_currency_currencies
-- (removing a currency); replaces idx_companies_default_currency.
-- squawk-ignore require-concurrent-index-creation
create index idx_companies_default_currency_minor_units on accounts.companies (default_currency, minor_units);
-- squawk-ignore require-concurrent-index-deletion
drop index accounts.idx_companies_default_currency;

-- buyers -------------------------------------------------------------------------------------------
-- squawk-ignore prefer-bigint-over-smallint
alter table accounts.buyers add column minor_units smallint;
update accounts.buyers b set minor_units = c.minor_units
from accounts.companies c where c.tenant_id = b.tenant_id and c.company_id = b.company_id;
-- squawk-ignore adding-not-nullable-field
alter table accounts.buyers alter column minor_units set not null;
-- squawk-ignore changing-column-type
alter table accounts.buyers alter column spending_limit type numeric;
alter table accounts.buyers
  -- squawk-ignore adding-foreign-key-constraint, constraint-missing-not-valid
  add constraint fk_buyers_tenant_id_company_id_minor_units_companies foreign key (tenant_id, company_id, minor_units)
    references accounts.companies (tenant_id, company_id, minor_units) on update cascade,
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_buyers_spending_limit_money check (app.is_money(spending_limit, minor_units));
comment on column accounts.buyers.minor_units is
  'The minor units of the company''s currency (copied, follows the company by fk_buyers_tenant_id_company_id_minor_units_companies; filled by trigger): spending_limit has at most this many decimals.';
comment on column accounts.buyers.spending_limit is
  'Most the buyer may order per spending_period, in the company''s default_currency and its minor units (chk_buyers_spending_limit_money); null = no limit.';
-- Serves fk_buyers_tenant_id_company_id_minor_units_companies (a company's currency changes).
-- squawk-ignore require-concurrent-index-creation
create index idx_buyers_tenant_id_company_id_minor_units on accounts.buyers (tenant_id, company_id, minor_units);

-- Down Migration
-- The triggers that fill minor_units (repeatable) go first; the next migrate re-creates them.
drop trigger if exists trg_buyers_before_write_minor_units on accounts.buyers;
drop trigger if exists trg_companies_before_write_minor_units on accounts.companies;
drop index accounts.idx_buyers_tenant_id_company_id_minor_units;
alter table accounts.buyers
  drop constraint chk_buyers_spending_limit_money,
  drop constraint fk_buyers_tenant_id_company_id_minor_units_companies,
  drop column minor_units;
alter table accounts.buyers alter column spending_limit type numeric(19, 4);
comment on column accounts.buyers.spending_limit is 'Most the buyer may order per spending_period, in the company''s default_currency; null = no limit.';
create index idx_companies_default_currency on accounts.companies (default_currency);
drop index accounts.idx_companies_default_currency_minor_units;
alter table accounts.companies
  drop constraint chk_companies_credit_limit_money,
  drop constraint uq_companies_tenant_id_company_id_minor_units,
  drop constraint fk_companies_default_currency_minor_units_currencies,
  drop column minor_units;
alter table accounts.companies alter column credit_limit type numeric(19, 4);
comment on column accounts.companies.credit_limit is 'Maximum open receivables in default_currency; null means no credit limit is enforced.';
