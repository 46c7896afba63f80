-- Order lines arrive as one JSON array ([{"variant_id": ..., "quantity": ...}]) so that an operation is a
-- single call with named arguments; this is the one place that reads and checks that shape.
create or replace function orders.parse_order_lines(p_lines jsonb)
returns table (line_number integer, variant_id uuid, quantity integer)
language plpgsql immutable
-- An order has a handful of lines: without this estimate the planner assumes 1,000 rows and joins the
-- tenant's whole variant table by hash instead of looking each line's variant up by key.
rows 5
as $$
begin
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) = 0 then
    raise exception using
      errcode = 'B3007',
      message = 'order lines must be a non-empty JSON array of {"variant_id", "quantity"} objects';
  end if;
  if exists (
    select 1 from jsonb_array_elements(p_lines) e
    where jsonb_typeof(e) <> 'object'
       or jsonb_typeof(e -> 'variant_id') is distinct from 'string'
       or jsonb_typeof(e -> 'quantity') is distinct from 'number'
       or (e ->> 'quantity')::numeric < 1
       or (e ->> 'quantity')::numeric <> trunc((e ->> 'quantity')::numeric)
  ) then
    raise exception using
      errcode = 'B3007',
      message = 'every order line needs a "variant_id" (a uuid string) and a "quantity" (a whole number, at least 1)';
  end if;
  if (select count(distinct e ->> 'variant_id') from jsonb_array_elements(p_lines) e) <> jsonb_array_length(p_lines) then
    raise exception using
      errcode = 'B3007',
      message = 'a variant appears on more than one order line: give each variant once, with the total quantity';
  end if;
  return query
    select e.n::integer, (e.line ->> 'variant_id')::uuid, (e.line ->> 'quantity')::integer
    from jsonb_array_elements(p_lines) with ordinality as e(line, n)
    order by e.n;
end
$$;
comment on function orders.parse_order_lines(jsonb) is
  'Reads order lines from a JSON array of {"variant_id": uuid, "quantity": integer} objects, numbered from 1; SQLSTATE B3007 when it is not such a non-empty array, a quantity is not a whole number of at least 1, or a variant appears twice.';
