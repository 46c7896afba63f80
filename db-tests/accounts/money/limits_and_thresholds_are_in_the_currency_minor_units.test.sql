-- Credit limits, spending limits and approval thresholds are booked amounts: finite, below 10^15, in the
-- company's currency's minor units. A company changing currency takes its buyers' limits along, and is
-- refused when one of them does not fit the new currency. Unit prices may be finer (4 decimals), never NaN.
begin;
select plan(11);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha') \gset

select tests.throws_constraint(format($$update accounts.companies set credit_limit = 100.005 where company_id = %L$$, :'company'),
  'chk_companies_credit_limit_money', 'a credit limit of 100.005 EUR is refused (2 minor units)');
select tests.throws_constraint(format($$update accounts.companies set credit_limit = 'NaN' where company_id = %L$$, :'company'),
  'chk_companies_credit_limit_money', 'a NaN credit limit is refused');
select tests.throws_constraint(format($$update accounts.buyers set spending_limit = 'Infinity', spending_period = 'day' where buyer_id = %L$$, :'buyer'),
  'chk_buyers_spending_limit_money', 'an infinite spending limit is refused');
update accounts.buyers set spending_limit = 10.50, spending_period = 'day' where buyer_id = :'buyer';
select is((select spending_limit from accounts.buyers where buyer_id = :'buyer'), 10.50, 'a spending limit of 10.50 EUR is kept');
select tests.throws_constraint(format($$update accounts.companies set default_currency = 'JPY' where company_id = %L$$, :'company'),
  'chk_buyers_spending_limit_money', 'a company cannot move to JPY while a buyer''s limit has cents');
update accounts.buyers set spending_limit = 11 where buyer_id = :'buyer';
update accounts.companies set default_currency = 'JPY' where company_id = :'company';
select results_eq(format($$select c.minor_units, b.minor_units from accounts.companies c join accounts.buyers b using (tenant_id, company_id) where c.company_id = %L$$, :'company'),
  $$values (0::smallint, 0::smallint)$$, 'after the move, the company and its buyers carry JPY''s 0 minor units');
update accounts.buyers set minor_units = 2 where buyer_id = :'buyer';
select is((select minor_units from accounts.buyers where buyer_id = :'buyer'), 0::smallint,
  'a buyer''s minor units cannot be set apart from its company''s (the trigger takes the company''s)');
select tests.throws_constraint(format($$insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency)
  values (%L, %L, 'big', 100.001, 'EUR')$$, :'alpha', :'company'),
  'chk_approval_rules_min_total_amount_money', 'an approval threshold of 100.001 EUR is refused');
select tests.throws_constraint(format($$insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency)
  values (%L, %L, 'big', 1e15, 'EUR')$$, :'alpha', :'company'),
  'chk_approval_rules_min_total_amount_money', 'an approval threshold of 10^15 is refused');

-- unit prices: the issue's NaN, and more than 4 decimals, are refused; 4 decimals are fine in EUR
select tests.throws_constraint(format($$update catalog.prices set unit_price = 'NaN' where variant_id = %L$$, :'variant'),
  'chk_prices_unit_price_money', 'a NaN unit price is refused (NaN >= 0 is true, the money check is not)');
select tests.throws_constraint(format($$update catalog.prices set unit_price = 0.00001 where variant_id = %L$$, :'variant'),
  'chk_prices_unit_price_money', 'a unit price of 0.00001 is refused, not rounded to 0.0000');

select * from finish();
rollback;
