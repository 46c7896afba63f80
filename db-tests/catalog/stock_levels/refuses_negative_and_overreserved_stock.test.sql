-- Stock is never negative, reserved never exceeds on hand, and available is on_hand - reserved. The
-- reserved checks are the backstop under the order functions: here they are reached as the superuser with
-- triggers off (session_replication_role = replica), since the application role cannot write reserved.
begin;
select plan(13);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_product(:'alpha', 'Drill') as drill \gset
select tests.create_variant(:'alpha', :'drill', 'DR-1') as v \gset
insert into catalog.warehouses (tenant_id, code, name, country_code) values (:'alpha', 'BER-1', 'Berlin', 'DE')
returning warehouse_id as wh \gset

select tests.act_as(:'alpha');

select lives_ok(format($$insert into catalog.stock_levels (variant_id, warehouse_id, on_hand) values (%L, %L, 10)$$, :'v', :'wh'),
  'a stock level with units on hand');
select throws_ok($$update catalog.stock_levels set available = 100$$, '428C9', null, 'available is generated: it cannot be written');
select tests.throws_constraint($$update catalog.stock_levels set on_hand = -1$$,
  'chk_stock_levels_on_hand_not_negative', 'on hand cannot be negative');
select tests.throws_constraint(format($$insert into catalog.stock_levels (variant_id, warehouse_id) values (%L, %L)$$, :'v', :'wh'),
  'pk_stock_levels', 'one stock row per variant and warehouse');
select tests.throws_constraint(format($$insert into catalog.stock_levels (variant_id, warehouse_id) values (gen_random_uuid(), %L)$$, :'wh'),
  'fk_stock_levels_tenant_id_variant_id_variants', 'the variant must exist in the tenant');
select tests.throws_constraint(format($$insert into catalog.stock_levels (variant_id, warehouse_id) values (%L, gen_random_uuid())$$, :'v'),
  'fk_stock_levels_tenant_id_warehouse_id_warehouses', 'the warehouse must exist in the tenant');

-- the backstop checks, with the journal and its reserved guard switched off
select tests.clear_actor();
set local session_replication_role = replica;
update catalog.stock_levels set reserved = 3;
select is((select available from catalog.stock_levels), 7::bigint, 'available is on_hand - reserved');
select tests.throws_constraint($$update catalog.stock_levels set reserved = -1$$,
  'chk_stock_levels_reserved_not_negative', 'reserved cannot be negative');
select tests.throws_constraint($$update catalog.stock_levels set reserved = 11$$,
  'chk_stock_levels_reserved_within_on_hand', 'reserving more than is on hand is refused');
select tests.throws_constraint($$update catalog.stock_levels set on_hand = 2$$,
  'chk_stock_levels_reserved_within_on_hand', 'taking on hand below reserved is refused');
select lives_ok($$update catalog.stock_levels set reserved = 10$$, 'reserving everything on hand is allowed');
set local session_replication_role = origin;

-- warehouses
select tests.act_as(:'alpha');
select tests.throws_constraint($$insert into catalog.warehouses (code, name, country_code) values ('BER-1', 'Berlin 2', 'DE')$$,
  'uq_warehouses_tenant_id_code', 'warehouse codes are unique within the tenant');
select tests.throws_constraint($$insert into catalog.warehouses (code, name, country_code) values ('ber 2', 'Berlin 2', 'DE')$$,
  'chk_warehouses_code_format', 'a warehouse code is uppercase letters, digits, _ and -');

select * from finish();
rollback;
