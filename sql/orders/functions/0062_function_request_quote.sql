-- A buyer asks for prices: the quote starts as requested with the lines it names.
create or replace function orders.request_quote(
  p_tenant_id uuid,
  p_company_id uuid,
  p_buyer_id uuid,
  p_currency text,
  p_lines jsonb,
  p_note text default null
)
returns orders.quotes
language plpgsql
as $$
declare
  tenant uuid := app.check_tenant(p_tenant_id);
  company_currency text;
  requested orders.quotes;
begin
  perform accounts.acting_buyer(tenant, p_buyer_id, p_company_id);
  if not accounts.buyer_has_permission(tenant, p_buyer_id, 'quotes.request') then
    raise exception using
      errcode = 'B3302',
      message = format('buyer %s may not request quotes (its role lacks quotes.request)', p_buyer_id);
  end if;
  select c.default_currency into company_currency
  from accounts.companies c where c.tenant_id = tenant and c.company_id = p_company_id;
  if p_currency is distinct from company_currency then
    raise exception using
      errcode = 'B3005',
      message = format('quotes of company %s are in %s (its currency), not %s', p_company_id, company_currency,
        coalesce(p_currency, 'null'));
  end if;
  insert into orders.quotes (tenant_id, company_id, buyer_id, currency, note)
  values (tenant, p_company_id, p_buyer_id, p_currency, p_note)
  returning * into requested;
  insert into orders.quote_lines (tenant_id, quote_id, line_number, variant_id, quantity)
  select tenant, requested.quote_id, l.line_number, l.variant_id, l.quantity
  from orders.parse_order_lines(p_lines) l;
  return requested;
end
$$;
comment on function orders.request_quote(uuid, uuid, uuid, text, jsonb, text) is
  'In tenant p_tenant_id (the transaction''s: B2002), buyer p_buyer_id (quotes.request: B3302) of company p_company_id asks for prices for p_lines ([{variant_id, quantity}]) in the company''s currency (B3005). Returns the quote, requested.';
