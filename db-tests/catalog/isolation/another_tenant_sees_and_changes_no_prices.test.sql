-- As the application role, a tenant cannot select, insert, update or delete another tenant's price
-- lists and prices, cannot point at them, and resolve_price never returns them.
begin;
select plan(12);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_product(:'alpha', 'Alpha product') as alpha_product \gset
select tests.create_variant(:'alpha', :'alpha_product', 'A-1') as alpha_variant \gset
select tests.create_product(:'beta', 'Beta product') as beta_product \gset
select tests.create_variant(:'beta', :'beta_product', 'B-1') as beta_variant \gset
select tests.create_company(:'beta', 'Beta Co') as beta_co \gset
select tests.create_customer_group(:'beta', 'Beta group') as beta_group \gset
insert into catalog.price_lists (tenant_id, name, currency) values (:'beta', 'Beta base', 'EUR')
returning price_list_id as beta_list \gset
insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
values (:'beta', :'beta_list', :'beta_variant', 'EUR', 10) returning price_id as beta_price \gset

select tests.act_as(:'alpha');

select is_empty(format('select 1 from catalog.price_lists where tenant_id = %L', :'beta'), 'price_lists: invisible');
select is_empty(format('select 1 from catalog.prices where tenant_id = %L', :'beta'), 'prices: invisible');
select is_empty(format($$select 1 from catalog.resolve_price(app.current_tenant_id(), null, %L, 1, 'EUR')$$, :'beta_variant'),
  'resolve_price: another tenant''s prices are never resolved');

select throws_ok(format($$insert into catalog.price_lists (tenant_id, name, currency) values (%L, 'X', 'EUR')$$, :'beta'),
  '42501', null, 'price_lists: cannot insert for another tenant');
select tests.throws_constraint(
  format($$insert into catalog.price_lists (name, currency, scope, company_id) values ('X', 'EUR', 'company', %L)$$, :'beta_co'),
  'fk_price_lists_tenant_id_company_id_companies', 'price_lists: cannot target another tenant''s company');
select tests.throws_constraint(
  format($$insert into catalog.price_lists (name, currency, scope, customer_group_id) values ('X', 'EUR', 'customer_group', %L)$$, :'beta_group'),
  'fk_price_lists_tenant_id_customer_group_id_customer_groups', 'price_lists: cannot target another tenant''s group');
select tests.throws_constraint(
  format($$insert into catalog.prices (price_list_id, variant_id, currency, unit_price) values (%L, %L, 'EUR', 1)$$, :'beta_list', :'alpha_variant'),
  'fk_prices_tenant_id_price_list_id_currency_price_lists', 'prices: cannot go into another tenant''s list');
insert into catalog.price_lists (name, currency) values ('Alpha base', 'EUR');
select tests.throws_constraint(
  format($$insert into catalog.prices (price_list_id, variant_id, currency, unit_price)
    select price_list_id, %L, 'EUR', 1 from catalog.price_lists$$, :'beta_variant'),
  'fk_prices_tenant_id_variant_id_variants', 'prices: cannot price another tenant''s variant');

-- update and delete, written as an attacker writes them (no WHERE, no RETURNING), checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['catalog.price_lists', 'catalog.prices'])$$,
    :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s price lists and prices');

select tests.act_as(:'beta');
select is((select name from catalog.price_lists), 'Beta base', 'beta''s price list is unchanged');
select is((select unit_price from catalog.prices), 10.0000::numeric(19, 4), 'beta''s price is unchanged');
select is((select unit_price from catalog.resolve_price(app.current_tenant_id(), null, :'beta_variant', 1, 'EUR')), 10.0000::numeric(19, 4),
  'beta resolves its own price');

select * from finish();
rollback;
