-- A payment received from a company lowers its open balance (and so frees credit).
create or replace function orders.record_payment(
  p_tenant_id uuid,
  p_company_id uuid,
  p_amount numeric,
  p_currency text,
  p_reference text,
  p_invoice_id uuid default null
)
returns orders.receivable_entries
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  company_currency text;
  units integer;
  recorded orders.receivable_entries;
begin
  select c.default_currency, c.minor_units into company_currency, units
  from accounts.companies c where c.tenant_id = v_tenant and c.company_id = p_company_id;
  if p_currency is distinct from company_currency then
    raise exception using
      errcode = 'B3005',
      message = format('the receivables of company %s are in %s, not %s', p_company_id,
        coalesce(company_currency, 'an unknown currency'), coalesce(p_currency, 'null'));
  end if;
  -- money rule: finite, bounded, in the currency's minor units; never rounded (0.00001 EUR is refused,
  -- not stored as 0.00)
  perform app.check_money(p_amount, units, p_currency);
  if p_amount is null or p_amount <= 0 then
    raise exception using
      errcode = 'B3105',
      message = format('a payment is a positive amount, not %s', coalesce(p_amount::text, 'null'));
  end if;
  insert into orders.receivable_entries (tenant_id, company_id, kind, amount, currency, invoice_id, reference)
  values (v_tenant, p_company_id, 'payment', app.round_money(p_amount, units), p_currency, p_invoice_id, p_reference)
  returning * into recorded;
  return recorded;
end
$$;
comment on function orders.record_payment(uuid, uuid, numeric, text, text, uuid) is
  'In tenant p_tenant_id (the transaction''s: B2002), records a payment of p_amount (positive: B3105; finite, bounded and in the currency''s minor units: app.check_money, B1001-B1003, never rounded) in the company''s currency (B3005) from company p_company_id, optionally for invoice p_invoice_id, in the receivables ledger. Returns the ledger entry.';
