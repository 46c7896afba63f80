-- Every check and foreign key of price_lists and prices refuses what it must.
begin;
select plan(18);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_company(:'alpha', 'Acme') as acme \gset
select tests.create_customer_group(:'alpha', 'Wholesale') as wholesale \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset
select tests.create_variant(:'alpha', :'drill', 'DR-2') as v2 \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Base EUR', 'EUR')
returning price_list_id as list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
values (:'alpha', :'list', :'v', 'EUR', 10) returning price_id as price \gset

select tests.act_as(:'alpha');

-- price_lists
select tests.throws_constraint($$insert into catalog.price_lists (name, currency) values (' ', 'EUR')$$,
  'chk_price_lists_name_not_blank', 'a price list needs a name');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency) values ('Base EUR', 'EUR')$$,
  'uq_price_lists_tenant_id_name', 'price list names are unique within the tenant');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency) values ('X', 'XXX')$$,
  'fk_price_lists_currency_currencies', 'the currency must be known');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency, scope) values ('X', 'EUR', 'global')$$,
  'chk_price_lists_scope', 'scope is base, customer_group or company');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency, scope) values ('X', 'EUR', 'company')$$,
  'chk_price_lists_scope_target', 'a company list names its company');
select tests.throws_constraint(
  format($$insert into catalog.price_lists (name, currency, scope, customer_group_id) values ('X', 'EUR', 'base', %L)$$, :'wholesale'),
  'chk_price_lists_scope_target', 'a base list names no group');
select tests.throws_constraint(
  $$insert into catalog.price_lists (name, currency, scope, customer_group_id) values ('X', 'EUR', 'customer_group', gen_random_uuid())$$,
  'fk_price_lists_tenant_id_customer_group_id_customer_groups', 'the customer group must exist in the tenant');
select tests.throws_constraint(
  $$insert into catalog.price_lists (name, currency, scope, company_id) values ('X', 'EUR', 'company', gen_random_uuid())$$,
  'fk_price_lists_tenant_id_company_id_companies', 'the company must exist in the tenant');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency, priority) values ('X', 'EUR', 2000000)$$,
  'chk_price_lists_priority', 'priority is within +-1,000,000');
select tests.throws_constraint($$insert into catalog.price_lists (name, currency, valid_during) values ('X', 'EUR', 'empty')$$,
  'chk_price_lists_valid_during_not_empty', 'a list''s validity period is not empty');
select tests.throws_constraint(format($$insert into catalog.price_lists (price_list_id, name, currency) values (%L, 'X', 'EUR')$$, :'list'),
  'pk_price_lists', 'price list ids are unique within the tenant');

-- prices
prepare ins(numeric, text, text, text) as
  insert into catalog.prices (price_list_id, variant_id, currency, unit_price, quantities, valid_during)
  select price_list_id, :'v'::uuid, $2, $1, $3::int4range, $4::tstzrange
  from catalog.price_lists;

select tests.throws_constraint($$execute ins(-1, 'EUR', '[1,)', '[2040-01-01,)')$$,
  'chk_prices_unit_price_not_negative', 'a unit price cannot be negative');
select tests.throws_constraint($$execute ins(1, 'EUR', '[0,5)', '[2040-01-01,)')$$,
  'chk_prices_quantities_valid', 'a tier starts at 1 unit or more');
select tests.throws_constraint($$execute ins(1, 'EUR', 'empty', '[2040-01-01,)')$$,
  'chk_prices_quantities_valid', 'a tier is not empty');
select tests.throws_constraint($$execute ins(1, 'EUR', '[1,)', 'empty')$$,
  'chk_prices_valid_during_not_empty', 'a price''s validity period is not empty');
-- a variant without a price in the list: excl_prices_no_overlap does not compare currencies (a price's
-- currency is its list's), so a USD price overlapping the EUR one would be refused as an overlap first
select tests.throws_constraint(
  format($$insert into catalog.prices (price_list_id, variant_id, currency, unit_price) values (%L, %L, 'USD', 1)$$, :'list', :'v2'),
  'fk_prices_tenant_id_price_list_id_currency_price_lists', 'a price has its list''s currency');
select tests.throws_constraint(
  format($$insert into catalog.prices (price_list_id, variant_id, currency, unit_price) values (%L, gen_random_uuid(), 'EUR', 1)$$, :'list'),
  'fk_prices_tenant_id_variant_id_variants', 'the variant must exist in the tenant');
select tests.throws_constraint(
  format($$insert into catalog.prices (price_id, price_list_id, variant_id, currency, unit_price, valid_during) values (%L, %L, %L, 'EUR', 1, '[2040-01-01,)')$$, :'price', :'list', :'v'),
  'pk_prices', 'price ids are unique within the tenant');

select * from finish();
rollback;
