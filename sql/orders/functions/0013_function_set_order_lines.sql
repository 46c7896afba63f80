-- Replaces the lines of a draft with newly priced ones and sets the order total to their sum. Prices
-- come from catalog.resolve_price for the company, quantity and currency at now().
create or replace function orders.set_order_lines(p_tenant_id uuid, p_order_id uuid, p_company_id uuid, p_currency text, p_lines jsonb)
returns numeric
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  lines jsonb;
  price record;
  missing record;
  total numeric;
  archived_sku text;
begin
  -- the lines, each with its variant's archived flag, read once
  select jsonb_agg(jsonb_build_object(
      'line_number', l.line_number, 'variant_id', l.variant_id, 'quantity', l.quantity,
      'archived_sku', case when v.archived_at is not null then v.sku end) order by l.line_number)
  into lines
  from orders.parse_order_lines(p_lines) l
  left join catalog.variants v on v.tenant_id = tenant and v.variant_id = l.variant_id;

  -- each line's price: resolve_price reads tables, so it is called alone in its statement, never beside a
  -- table (on Citus a call that is not delegated would send that statement to a shard, where the nested
  -- reads are refused; db-tests/lint/statements.ts, functions_reading_tables_are_called_alone)
  for i in 0 .. coalesce(jsonb_array_length(lines), 0) - 1 loop
    select r.unit_price, r.price_list_id into price
    from catalog.resolve_price(tenant, p_company_id, (lines -> i ->> 'variant_id')::uuid,
      (lines -> i ->> 'quantity')::integer, p_currency, now()) r;
    lines := jsonb_set(lines, array[i::text],
      (lines -> i) || jsonb_build_object('unit_price', price.unit_price, 'price_list_id', price.price_list_id));
  end loop;

  select e ->> 'archived_sku' into archived_sku
  from jsonb_array_elements(lines) e where e ->> 'archived_sku' is not null limit 1;
  if archived_sku is not null then
    raise exception using
      errcode = 'B3014',
      message = format('variant %s is discontinued and can no longer be ordered', archived_sku);
  end if;

  delete from orders.order_lines l where l.tenant_id = tenant and l.order_id = p_order_id;

  select e ->> 'variant_id' as variant_id, e ->> 'quantity' as quantity into missing
  from jsonb_array_elements(lines) with ordinality as x(e, n)
  where e -> 'unit_price' = 'null'::jsonb
  order by x.n limit 1;
  if found then
    raise exception using
      errcode = 'B3008',
      message = format('variant %s has no price in %s for company %s at quantity %s',
        missing.variant_id, p_currency, p_company_id, missing.quantity);
  end if;

  -- one statement for all lines (in line order); a line total is rounded to the order currency's minor
  -- units by the one rounding rule (app.round_money)
  with inserted as (
    insert into orders.order_lines (tenant_id, order_id, line_number, variant_id, quantity, unit_price, line_total,
      priced_from, price_list_id, minor_units)
    select tenant, p_order_id, (e ->> 'line_number')::integer, (e ->> 'variant_id')::uuid, (e ->> 'quantity')::integer,
      (e ->> 'unit_price')::numeric,
      app.round_money((e ->> 'quantity')::integer * (e ->> 'unit_price')::numeric, o.minor_units),
      'price_list', (e ->> 'price_list_id')::uuid, o.minor_units
    from jsonb_array_elements(lines) with ordinality as x(e, n)
    cross join (select o.minor_units from orders.orders o where o.tenant_id = tenant and o.order_id = p_order_id) o
    order by x.n
    returning line_total
  )
  select coalesce(sum(i.line_total), 0) into total from inserted i;

  update orders.orders o set total_amount = total where o.tenant_id = tenant and o.order_id = p_order_id;
  return total;
end
$$;
comment on function orders.set_order_lines(uuid, uuid, uuid, text, jsonb) is
  'Replaces the lines of draft p_order_id of tenant p_tenant_id with p_lines (JSON array of {variant_id, quantity}), each priced by catalog.resolve_price at now() (line_total = quantity x unit price rounded to the currency''s minor units by app.round_money), and sets total_amount to their sum. SQLSTATE B3008 when a variant has no price, B3014 when it is discontinued, B3007 for malformed lines.';
