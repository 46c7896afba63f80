-- Up Migration
-- Money rule for the catalog (see app/migrations/20261129210000_create_money_rule.sql): a unit price is
-- finite, below 10^15 and has at most 4 decimals, never rounded (plain numeric: dropping the typmod does
-- not rewrite the table); a currency's (code, minor units) pair becomes a key, the target of the composite
-- foreign keys that tie every booked amount to its currency's minor units.
-- squawk-ignore changing-column-type
alter table catalog.prices alter column unit_price type numeric;
-- squawk-ignore constraint-missing-not-valid
alter table catalog.prices add constraint chk_prices_unit_price_money check (app.is_money(unit_price, 4));

-- Target of the (currency, minor_units) foreign keys. The table is small reference data.
alter table catalog.currencies
  -- squawk-ignore constraint-missing-not-valid, disallowed-unique-constraint
  add constraint uq_currencies_currency_code_minor_units unique (currency_code, minor_units);
comment on column catalog.currencies.minor_units is
  'Digits after the decimal point of every booked amount in this currency (2 for EUR, 0 for JPY, 3 for KWD): totals, invoices, ledger entries, payments, credit notes, limits and thresholds are checked against it (composite foreign keys to uq_currencies_currency_code_minor_units). Unit prices may be finer (4 decimals).';

-- Down Migration
comment on column catalog.currencies.minor_units is 'Digits after the decimal point in amounts shown and invoiced (2 for EUR, 0 for JPY, 3 for KWD).';
alter table catalog.currencies drop constraint uq_currencies_currency_code_minor_units;
alter table catalog.prices drop constraint chk_prices_unit_price_money;
alter table catalog.prices alter column unit_price type numeric(19, 4);
