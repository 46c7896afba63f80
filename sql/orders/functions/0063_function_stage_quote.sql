-- The seller quotes: a price for every line and a valid-until date in the future. Staging again while
-- quoted replaces the prices and the date (the quote stays quoted).
create or replace function orders.stage_quote(p_tenant_id uuid, p_quote_id uuid, p_prices jsonb, p_valid_until timestamptz)
returns orders.quotes
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  target orders.quotes := orders.lock_quote(v_tenant, p_quote_id);
  unpriced integer;
  staged orders.quotes;
begin
  if target.state not in ('requested', 'quoted') then
    raise exception using
      errcode = 'B3001',
      message = format('quote %s cannot move from %s to quoted', p_quote_id, target.state);
  end if;
  if p_valid_until is null or p_valid_until <= now() then
    raise exception using
      errcode = 'B3304',
      message = format('a quote must be valid until a time in the future, not %s', coalesce(p_valid_until::text, 'null'));
  end if;
  if jsonb_typeof(p_prices) is distinct from 'array' or exists (
    select 1 from jsonb_array_elements(p_prices) e
    where jsonb_typeof(e -> 'unit_price') is distinct from 'number' or (e ->> 'unit_price')::numeric < 0
  ) then
    raise exception using
      errcode = 'B3303',
      message = 'quoted prices are a JSON array of {"variant_id", "unit_price"} with a unit price of at least 0';
  end if;

  update orders.quote_lines l
  set unit_price = p.unit_price
  from jsonb_to_recordset(p_prices) as p(variant_id uuid, unit_price numeric)
  where l.tenant_id = v_tenant and l.quote_id = p_quote_id and l.variant_id = p.variant_id;

  select count(*) into unpriced
  from orders.quote_lines l
  where l.tenant_id = v_tenant and l.quote_id = p_quote_id
    and (l.unit_price is null or l.variant_id not in (
      select p.variant_id from jsonb_to_recordset(p_prices) as p(variant_id uuid, unit_price numeric)));
  if unpriced > 0 then
    raise exception using
      errcode = 'B3303',
      message = format('quote %s has %s line(s) without a price: quote every line', p_quote_id, unpriced);
  end if;

  update orders.quotes q
  set state = 'quoted', valid_until = p_valid_until, quoted_at = now(), quoted_by = app.current_user_id()
  where q.tenant_id = v_tenant and q.quote_id = p_quote_id and q.state = 'requested'
  returning q.* into staged;
  if not found then
    update orders.quotes q
    set valid_until = p_valid_until, quoted_at = now(), quoted_by = app.current_user_id()
    where q.tenant_id = v_tenant and q.quote_id = p_quote_id
    returning q.* into staged;
  end if;
  return staged;
end
$$;
comment on function orders.stage_quote(uuid, uuid, jsonb, timestamptz) is
  'The seller quotes p_quote_id of tenant p_tenant_id (the transaction''s: B2002): p_prices ([{variant_id, unit_price}]) must price every line (B3303), p_valid_until must be in the future (B3304). A requested quote becomes quoted; a quoted one gets the new prices and date. B3001 from any other state.';
