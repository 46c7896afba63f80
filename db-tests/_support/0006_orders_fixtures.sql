-- Orders fixtures, created as the session (super)user with an explicit tenant, before acting as anyone.
create or replace function tests.create_warehouse(tenant uuid, code text) returns uuid
language sql
as $$
  insert into catalog.warehouses (tenant_id, code, name, country_code) values (tenant, code, initcap(code), 'DE')
  returning warehouse_id
$$;

create or replace function tests.set_stock(tenant uuid, variant uuid, warehouse uuid, on_hand bigint) returns void
language sql
as $$
  insert into catalog.stock_levels (tenant_id, variant_id, warehouse_id, on_hand) values (tenant, variant, warehouse, on_hand)
  on conflict (tenant_id, variant_id, warehouse_id) do update set on_hand = excluded.on_hand
$$;

-- A base EUR price for a variant (the list is created on first use).
create or replace function tests.set_base_price(tenant uuid, variant uuid, unit_price numeric) returns void
language plpgsql
as $$
declare
  list uuid;
begin
  select price_list_id into list from catalog.price_lists where tenant_id = tenant and name = 'Base EUR';
  if list is null then
    insert into catalog.price_lists (tenant_id, name, currency) values (tenant, 'Base EUR', 'EUR')
    returning price_list_id into list;
  end if;
  insert into catalog.prices (tenant_id, price_list_id, variant_id, currency, unit_price)
  values (tenant, list, variant, 'EUR', unit_price);
end
$$;

-- One order line as the JSON the order functions take.
create or replace function tests.lines(variant uuid, quantity integer) returns jsonb
language sql immutable
as $$
  select jsonb_build_array(jsonb_build_object('variant_id', variant, 'quantity', quantity))
$$;

-- A tenant's ordering world: an EUR company, a purchaser role (orders.create, quotes.request) and a buyer, a variant
-- priced 10.00 with `stock` units in warehouse MAIN.
create or replace function tests.create_order_world(tenant uuid, stock bigint default 10, prefix text default 'acme')
returns table (company uuid, purchaser_role uuid, buyer uuid, variant uuid, warehouse uuid)
language plpgsql
as $$
declare
  product uuid;
begin
  company := tests.create_company(tenant, initcap(prefix));
  purchaser_role := tests.create_buyer_role(tenant, prefix || ' purchaser', array['orders.create', 'quotes.request']);
  buyer := tests.create_buyer(tenant, company, purchaser_role, prefix || '.buyer@example.com');
  product := tests.create_product(tenant, initcap(prefix) || ' drill');
  variant := tests.create_variant(tenant, product, upper(prefix) || '-DR-1');
  warehouse := tests.create_warehouse(tenant, upper(prefix) || '-MAIN');
  perform tests.set_stock(tenant, variant, warehouse, stock);
  perform tests.set_base_price(tenant, variant, 10.00);
  return next;
end
$$;

-- An approval rule of a company: orders at or above min_total EUR (null: any) and/or placed by a buyer
-- with placed_by role (null: any), approved by the given roles, one tier each in order.
create or replace function tests.create_approval_rule(tenant uuid, company uuid, name text, min_total numeric,
  placed_by uuid, approver_roles uuid[])
returns uuid
language plpgsql
as $$
declare
  rule uuid;
begin
  insert into orders.approval_rules (tenant_id, company_id, name, min_total_amount, currency, placed_by_role_id)
  values (tenant, company, name, min_total, case when min_total is not null then 'EUR' end, placed_by)
  returning approval_rule_id into rule;
  insert into orders.approval_rule_tiers (tenant_id, approval_rule_id, tier, approver_role_id)
  select tenant, rule, t.n, t.role from unnest(approver_roles) with ordinality as t(role, n);
  return rule;
end
$$;

grant execute on all functions in schema tests to b2b_app, b2b_readonly, b2b_analytics;
