-- As the application role, a tenant cannot select, insert, update or delete another tenant's warehouses
-- and stock, nor point its stock rows at them.
begin;
select plan(9);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_tenant('beta') as beta \gset
select tests.create_product(:'alpha', 'Alpha product') as alpha_product \gset
select tests.create_variant(:'alpha', :'alpha_product', 'A-1') as alpha_variant \gset
select tests.create_product(:'beta', 'Beta product') as beta_product \gset
select tests.create_variant(:'beta', :'beta_product', 'B-1') as beta_variant \gset
insert into catalog.warehouses (tenant_id, code, name, country_code) values (:'alpha', 'A-WH', 'Alpha WH', 'DE')
returning warehouse_id as alpha_wh \gset
insert into catalog.warehouses (tenant_id, code, name, country_code) values (:'beta', 'B-WH', 'Beta WH', 'DE')
returning warehouse_id as beta_wh \gset
insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand) values (:'beta', :'beta_variant', :'beta_wh', 5);

select tests.act_as(:'alpha');

select is_empty(format('select 1 from catalog.warehouses where tenant_id = %L', :'beta'), 'warehouses: invisible');
select is_empty(format('select 1 from catalog.stock_levels where tenant_id = %L', :'beta'), 'stock_levels: invisible');
select throws_ok(format($$insert into catalog.warehouses (tenant_id, code, name, country_code) values (%L, 'X', 'X', 'DE')$$, :'beta'),
  '42501', null, 'warehouses: cannot insert for another tenant');
select tests.throws_constraint(
  format($$insert into catalog.stock_levels (variant_id, warehouse_id, on_hand) values (%L, %L, 1)$$, :'alpha_variant', :'beta_wh'),
  'fk_stock_levels_tenant_id_warehouse_id_warehouses', 'stock_levels: cannot stock into another tenant''s warehouse');
select tests.throws_constraint(
  format($$insert into catalog.stock_levels (variant_id, warehouse_id, on_hand) values (%L, %L, 1)$$, :'beta_variant', :'alpha_wh'),
  'fk_stock_levels_tenant_id_variant_id_variants', 'stock_levels: cannot stock another tenant''s variant');
-- update and delete, written as an attacker writes them (no WHERE, no RETURNING), checked against beta's rows
select tests.clear_actor();
select is_empty(format($$select * from tests.cross_tenant_breaches(%L, %L, array['catalog.warehouses', 'catalog.stock_levels'])$$,
    :'beta', :'alpha'),
  'bare deletes and updates by alpha (delete from t, update t set tenant_id = alpha, update t set <column> = default) neither change nor reach beta''s warehouses and stock');
select tests.act_as(:'alpha');
select lives_ok($$insert into catalog.warehouses (code, name, country_code) values ('B-WH', 'Own', 'DE')$$,
  'warehouses: a code used by another tenant is free in this one');

select tests.act_as(:'beta');
select is((select name from catalog.warehouses), 'Beta WH', 'beta''s warehouse is unchanged');
select is((select on_hand from catalog.stock_levels), 5::bigint, 'beta''s stock is unchanged');

select * from finish();
rollback;
