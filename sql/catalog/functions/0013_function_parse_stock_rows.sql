-- Stock writes arrive as one JSON array ([{"variant_id", "warehouse_id", "<field>"}]) so that a batch is
-- one call; this is the one place that reads and checks that shape. Rows come back sorted by
-- (variant_id, warehouse_id), the order every stock change locks and writes in.
create or replace function catalog.parse_stock_rows(p_rows jsonb, p_field text)
returns table (variant_id uuid, warehouse_id uuid, quantity bigint)
language plpgsql immutable
as $$
declare
  uuid_format constant text := '^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$';
begin
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using
      errcode = 'B2211',
      message = format('stock rows must be a JSON array of {"variant_id", "warehouse_id", "%s"} objects', p_field);
  end if;
  if exists (
    select 1 from jsonb_array_elements(p_rows) e
    where case
      when jsonb_typeof(e) <> 'object'
        or jsonb_typeof(e -> 'variant_id') is distinct from 'string'
        or jsonb_typeof(e -> 'warehouse_id') is distinct from 'string'
        or jsonb_typeof(e -> p_field) is distinct from 'number' then true
      when (e ->> 'variant_id') !~ uuid_format or (e ->> 'warehouse_id') !~ uuid_format then true
      else (e ->> p_field)::numeric <> trunc((e ->> p_field)::numeric)
        or abs((e ->> p_field)::numeric) > 1000000000000000
    end
  ) then
    raise exception using
      errcode = 'B2211',
      message = format('every stock row needs a "variant_id" and a "warehouse_id" (uuid strings) and a "%s" (a whole number of units)', p_field);
  end if;
  if (select count(distinct (lower(e ->> 'variant_id'), lower(e ->> 'warehouse_id'))) from jsonb_array_elements(p_rows) e)
      <> jsonb_array_length(p_rows) then
    raise exception using
      errcode = 'B2211',
      message = 'a variant and warehouse appear in more than one stock row: send each one once';
  end if;
  return query
    select (e ->> 'variant_id')::uuid, (e ->> 'warehouse_id')::uuid, (e ->> p_field)::numeric::bigint
    from jsonb_array_elements(p_rows) e
    order by 1, 2;
end
$$;
comment on function catalog.parse_stock_rows(jsonb, text) is
  'Reads stock rows from a JSON array of {"variant_id": uuid, "warehouse_id": uuid, <p_field>: whole number} objects, sorted by (variant_id, warehouse_id); SQLSTATE B2211 when it is not such an array, a number is not whole (or beyond 10^15), or a variant and warehouse appear twice.';
