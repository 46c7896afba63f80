-- A payment is finite, below 10^15, positive and in the currency's minor units: anything else is refused
-- with its own SQLSTATE, never rounded (0.00001 EUR is not stored as 0.00; 0.5 JPY not as 0 or 1).
begin;
select plan(19);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha') \gset
select * from tests.create_order_world(:'alpha', prefix => 'yen') \gset y_
update accounts.companies set default_currency = 'JPY' where company_id = :'y_company';

create temporary table payment_attempts (amount text, currency text, company uuid, sqlstate text, label text);
grant select on payment_attempts to b2b_app;
insert into payment_attempts values
  ('0.00001', 'EUR', :'company', 'B1001', 'a payment of 0.00001 EUR is refused, not stored as 0.00'),
  ('1e-5', 'EUR', :'company', 'B1001', 'exponent notation 1e-5 EUR is refused the same way'),
  ('0.005', 'EUR', :'company', 'B1001', 'half a cent (0.005 EUR) is refused, not rounded to 0.01'),
  ('10.001', 'EUR', :'company', 'B1001', 'a third decimal in EUR is refused'),
  ('0.5', 'JPY', :'y_company', 'B1001', 'a payment of 0.5 JPY is refused (0 minor units)'),
  ('NaN', 'EUR', :'company', 'B1002', 'NaN is refused'),
  ('Infinity', 'EUR', :'company', 'B1002', 'Infinity is refused'),
  ('-Infinity', 'EUR', :'company', 'B1002', '-Infinity is refused'),
  ('1e20', 'EUR', :'company', 'B1003', '1e20 is refused (10^15 and above)'),
  ('1000000000000000', 'EUR', :'company', 'B1003', '10^15 exactly is refused'),
  ('0', 'EUR', :'company', 'B3105', 'zero is no payment'),
  ('-0', 'EUR', :'company', 'B3105', '-0 is zero: no payment'),
  ('-5', 'EUR', :'company', 'B3105', 'a negative payment is refused');
select tests.act_as(:'alpha', :'buyer');

-- one throws_ok per SQLSTATE, each naming it; a row filed under any other SQLSTATE breaks plan(19)
select throws_ok(format('select orders.record_payment(app.current_tenant_id(), %L, %L::numeric, %L, %L)', company, amount, currency, 'ref'),
  'B1001', null, label)
from payment_attempts where sqlstate = 'B1001' order by label;
select throws_ok(format('select orders.record_payment(app.current_tenant_id(), %L, %L::numeric, %L, %L)', company, amount, currency, 'ref'),
  'B1002', null, label)
from payment_attempts where sqlstate = 'B1002' order by label;
select throws_ok(format('select orders.record_payment(app.current_tenant_id(), %L, %L::numeric, %L, %L)', company, amount, currency, 'ref'),
  'B1003', null, label)
from payment_attempts where sqlstate = 'B1003' order by label;
select throws_ok(format('select orders.record_payment(app.current_tenant_id(), %L, %L::numeric, %L, %L)', company, amount, currency, 'ref'),
  'B3105', null, label)
from payment_attempts where sqlstate = 'B3105' order by label;

select is((orders.record_payment(app.current_tenant_id(), :'company', ' 1.0 '::numeric, 'EUR', 'spaces')).amount::text, '1.00',
  'a payment of '' 1.0 '' EUR is 1.00 EUR, stored at the currency''s scale');
select is((orders.record_payment(app.current_tenant_id(), :'y_company', 1500, 'JPY', 'yen')).amount::text, '1500', 'a whole-yen payment is recorded');
select is((select count(*)::integer from orders.receivable_entries where kind = 'payment'), 2, 'only the two valid payments were recorded');

-- direct writes to the ledger meet the same rule
select tests.clear_actor();
select tests.throws_constraint(format($$insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, reference)
  values (%L, %L, 'payment', 0.001, 'EUR', 'direct')$$, :'alpha', :'company'),
  'chk_receivable_entries_amount_money', 'a direct ledger write finer than the currency is refused');
select tests.throws_constraint(format($$insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, reference)
  values (%L, %L, 'payment', 0, 'EUR', 'direct')$$, :'alpha', :'company'),
  'chk_receivable_entries_payment_positive', 'a direct payment of zero is refused');
select tests.throws_constraint(format($$insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, minor_units, reference)
  values (%L, %L, 'payment', 0.001, 'EUR', 3, 'direct')$$, :'alpha', :'company'),
  'chk_receivable_entries_amount_money', 'claiming 3 minor units for EUR does not help: the trigger sets EUR''s 2');

select * from finish();
rollback;
