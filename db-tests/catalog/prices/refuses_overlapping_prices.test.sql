-- Two prices of one list, variant and currency may not overlap in both quantity tier and validity period.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset
select tests.create_variant(:'alpha', :'drill', 'DR-2') as v2 \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Base EUR', 'EUR')
returning price_list_id as list \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'alpha', 'Other EUR', 'EUR')
returning price_list_id as other_list \gset

select tests.act_as(:'alpha');

prepare ins(uuid, uuid, text, text) as
  insert into catalog.prices (price_list_id, variant_id, currency, unit_price, quantities, valid_during)
  values ($1, $2, 'EUR', 10, $3::int4range, $4::tstzrange);

select lives_ok(format($$execute ins(%L, %L, '[1,10)', '[2030-01-01, 2031-01-01)')$$, :'list', :'v'), 'a first tier');
select tests.throws_constraint(format($$execute ins(%L, %L, '[5,20)', '[2030-06-01, 2030-07-01)')$$, :'list', :'v'),
  'excl_prices_no_overlap', 'an overlapping tier in an overlapping period is refused');
select lives_ok(format($$execute ins(%L, %L, '[10,)', '[2030-01-01, 2031-01-01)')$$, :'list', :'v'),
  'an adjacent tier in the same period is accepted');
select lives_ok(format($$execute ins(%L, %L, '[1,10)', '[2031-01-01,)')$$, :'list', :'v'),
  'the same tier in a later period is accepted');
select lives_ok(format($$execute ins(%L, %L, '[1,10)', '[2030-01-01, 2031-01-01)')$$, :'other_list', :'v'),
  'the same tier in another list is accepted');
select lives_ok(format($$execute ins(%L, %L, '[1,10)', '[2030-01-01, 2031-01-01)')$$, :'list', :'v2'),
  'the same tier for another variant is accepted');

select * from finish();
rollback;
