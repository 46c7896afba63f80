-- Up Migration
-- Money is finite and exact. Every amount column of every domain is plain `numeric` (no typmod: a typmod
-- such as numeric(19, 4) rounds 0.00001 to 0.0000 before any check can see it, and numeric accepts NaN,
-- for which `>= 0` is true) with one named check `chk_<table>_<column>_money` calling app.is_money:
--   finite (no NaN, Infinity, -Infinity), below 10^15 in magnitude (the range of the former
--   numeric(19, 4)), and no more decimals than allowed: the currency's minor units for a booked amount
--   (totals, invoices, ledger entries, payments, credit notes, limits, thresholds; the row carries
--   minor_units, tied to catalog.currencies by a composite foreign key), 4 for a unit price.
-- The lint pack (db-tests/lint/money_columns_follow_the_money_rule.test.sql) requires that check on every
-- numeric column. Checks, not a domain: pgTAP's is() and results_eq() and other polymorphic callers do
-- not accept a domain beside a numeric, and a check names its column in the error (one stable code per
-- column in the error catalog). The functions below read no table, so pg_dump and restore load the checks
-- like any other.

-- The one rounding rule: half away from zero (commercial rounding: 0.125 -> 0.13, -0.125 -> -0.13,
-- 99.5 JPY -> 100), PostgreSQL's round(numeric, integer). The result has exactly minor_units decimals
-- (298.5 JPY -> 299, 30 EUR -> 30.00). Versioned (not repeatable): check constraints call it.
create function app.round_money(amount numeric, minor_units integer) returns numeric
language sql immutable strict parallel safe
return round(amount, minor_units);
comment on function app.round_money(numeric, integer) is
  'The one rounding rule for money: amount rounded to minor_units decimals, half away from zero (PostgreSQL round(numeric, integer)). Every computed amount (line totals, invoices, credit notes) goes through it.';

-- The money rule, for checks. Null when amount is null (a check passes: nullable columns say not null
-- themselves). Each test is guarded so that NaN and the infinities never reach round() or abs().
create function app.is_money(amount numeric, max_scale integer) returns boolean
language sql immutable parallel safe
return amount not in ('NaN', 'Infinity', '-Infinity')
  and (amount in ('NaN', 'Infinity', '-Infinity') or abs(amount) < 1e15)
  and (amount in ('NaN', 'Infinity', '-Infinity') or amount = round(amount, max_scale));
comment on function app.is_money(numeric, integer) is
  'The money rule for check constraints: amount is finite (no NaN or Infinity), below 10^15 in magnitude and has at most max_scale decimals (the currency''s minor units for booked amounts, 4 for unit prices). Never rounds.';

-- Down Migration
drop function app.is_money(numeric, integer);
drop function app.round_money(numeric, integer);
