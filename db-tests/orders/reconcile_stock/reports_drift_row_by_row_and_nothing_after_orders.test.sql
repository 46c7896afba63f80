-- After orders, cancels, approvals rejected, partial and full shipments, returns into another warehouse,
-- syncs and adjustments, the stock levels agree with their journal and with the open orders'
-- allocations: reconcile reports nothing. Drift introduced behind the rules' back (as the superuser,
-- triggers off) is reported, one row per level, saying what differs.
begin;
select plan(7);

select tests.create_tenant('alpha') as alpha \gset
select * from tests.create_order_world(:'alpha', stock => 20) \gset
select * from tests.create_order_world(:'alpha', stock => 8, prefix => 'bolt') \gset b_
select tests.create_warehouse(:'alpha', 'ACME-EAST') as east \gset
select tests.create_warehouse(:'alpha', 'ACME-RETURNS') as returns_wh \gset
select tests.set_stock(:'alpha', :'variant', :'east', 5);
select tests.create_buyer_role(:'alpha', 'approver', array['orders.approve']) as approver_role \gset
select tests.create_buyer(:'alpha', :'company', :'approver_role', 'approver@example.com') as approver \gset
select tests.create_tenant('beta') as beta \gset
create temporary table placed (name text, order_id uuid) on commit drop;
grant all on placed to b2b_app;

select tests.act_as(:'alpha', :'buyer');
insert into placed
select name, (orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => lines, p_idempotency_key => name)).order_id
from (values
  ('split', tests.lines(:'variant', 12) || tests.lines(:'b_variant', 3)),
  ('cancelled', tests.lines(:'variant', 4)),
  ('partial', tests.lines(:'variant', 3)),
  ('full', tests.lines(:'b_variant', 2)),
  ('open', tests.lines(:'variant', 2))
) v(name, lines);
select tests.clear_actor();
select tests.create_approval_rule(:'alpha', :'company', 'from 25 EUR', 25, null, array[:'approver_role'::uuid]);
select tests.act_as(:'alpha', :'buyer');
insert into placed
select 'rejected', (orders.place_order(app.current_tenant_id(), p_company_id => :'company', p_buyer_id => :'buyer', p_currency => 'EUR',
  p_lines => tests.lines(:'b_variant', 2) || tests.lines(:'variant', 1), p_idempotency_key => 'rejected')).order_id;
select orders.cancel_order(app.current_tenant_id(), order_id) from placed where name = 'cancelled';
select orders.fulfil_order(app.current_tenant_id(), order_id, tests.lines(:'variant', 1)) from placed where name = 'partial';
select orders.fulfil_order(app.current_tenant_id(), order_id) from placed where name in ('full', 'split');
select orders.receive_return(app.current_tenant_id(), r.return_id, :'returns_wh')
from placed p, orders.request_return(app.current_tenant_id(), p_order_id => p.order_id, p_buyer_id => :'buyer', p_lines => tests.lines(:'b_variant', 2)) r
where p.name = 'full';
select orders.receive_return(app.current_tenant_id(), r.return_id, :'east')
from placed p, orders.request_return(app.current_tenant_id(), p_order_id => p.order_id, p_buyer_id => :'buyer', p_lines => tests.lines(:'variant', 5)) r
where p.name = 'split';

select tests.act_as(:'alpha', :'approver');
select is((orders.reject_order(app.current_tenant_id(), order_id, :'approver', 'too many bolts')).state, 'rejected', 'an order waiting for approval is rejected')
from placed where name = 'rejected';
select catalog.sync_stock_levels(app.current_tenant_id(), jsonb_build_array(
  tests.stock_row(:'b_variant', :'returns_wh', 'on_hand', 1), tests.stock_row(:'variant', :'warehouse', 'on_hand', 9)));
select catalog.adjust_stock_levels(app.current_tenant_id(), jsonb_build_array(tests.stock_row(:'variant', :'east', 'delta', 2)));
update catalog.warehouses set is_active = false where warehouse_id = :'east';

select ok((select count(*) from catalog.stock_movements) >= 15, 'the sequence made its movements');
select ok((select sum(reserved) from catalog.stock_levels) > 0, 'and some stock is still reserved by open orders');
select is_empty($$select * from orders.reconcile_stock(app.current_tenant_id())$$, 'levels, journal and open allocations agree');

-- drift, introduced as the superuser with every trigger off
select tests.clear_actor();
set local session_replication_role = replica;
update catalog.stock_levels set reserved = reserved + 1 where variant_id = :'variant' and warehouse_id = :'warehouse';
update catalog.stock_levels set on_hand = on_hand + 7 where variant_id = :'b_variant' and warehouse_id = :'returns_wh';
update orders.order_allocations a set reserved_quantity = 1
from placed p where p.name = 'cancelled' and a.order_id = p.order_id;
set local session_replication_role = origin;

select tests.act_as(:'alpha', :'approver');
select results_eq(
  $$select variant_id, warehouse_id, drift from orders.reconcile_stock(app.current_tenant_id())$$,
  format($$select * from (values
    (%1$L::uuid, %2$L::uuid, 'reserved differs from the journal; reserved differs from the open orders'' allocations; closed orders still hold reservations'),
    (%3$L::uuid, %4$L::uuid, 'on_hand differs from the journal')) v order by 1, 2$$,
    :'variant', :'warehouse', :'b_variant', :'returns_wh'),
  'each drifting level is reported once, with what differs');
select results_eq(
  format($$select on_hand - journal_on_hand, reserved - journal_reserved, reserved - allocated from orders.reconcile_stock(app.current_tenant_id()) where warehouse_id = %L$$, :'warehouse'),
  $$values (0::bigint, 1::bigint, 1::bigint)$$,
  '... and by how much');

select tests.act_as(:'beta');
select is_empty($$select * from orders.reconcile_stock(app.current_tenant_id())$$, 'another tenant sees none of it');

select * from finish();
rollback;
