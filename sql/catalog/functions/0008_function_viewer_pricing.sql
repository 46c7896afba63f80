-- Whose prices a buyer-facing read shows, and in which currency: the one check every such read starts
-- with, in the database, so that the product page can make it in the same call (one round trip) and
-- every read gives the same errors.
-- A buyer acting for a company (accounts.acting_buyer: B2104 when the buyer is unknown or belongs to
-- another company, B2105 when disabled) sees the company's prices in the company's currency. Without a
-- buyer, a visitor sees base prices in the currency asked for, which must be one the platform supports
-- (B2204). PL/pgSQL: its plans are cached per connection. The tenant is its first argument
-- (app.check_tenant), so on Citus the call is routed to the node that holds the tenant.
create or replace function catalog.viewer_pricing(
  p_tenant_id uuid,
  buyer uuid,
  company uuid,
  requested_currency text,
  out company_id uuid,
  out currency text
)
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
begin
  if buyer is not null then
    -- the check alone, then the company: a tenant function joined with a distributed table cannot be
    -- planned on Citus (the join would run on the shard, and the function's own query with it)
    select a.company_id into company_id from accounts.acting_buyer(v_tenant, buyer, company) a;
    select c.default_currency into currency
    from accounts.companies c
    where c.tenant_id = v_tenant and c.company_id = viewer_pricing.company_id;
    return;
  end if;
  select cu.currency_code into currency from catalog.currencies cu where cu.currency_code = requested_currency;
  if not found then
    raise exception using
      errcode = 'B2204',
      message = format('%s is not a currency the platform supports (ISO 4217)', coalesce(requested_currency, 'null')),
      table = 'currencies',
      schema = 'catalog';
  end if;
end
$$;
comment on function catalog.viewer_pricing(uuid, uuid, uuid, text) is
  'In tenant p_tenant_id (app.check_tenant: B2002 when it is not the transaction''s tenant): whose prices a buyer-facing read shows: for buyer acting for company (accounts.acting_buyer: SQLSTATE B2104 for an unknown buyer or one of another company, B2105 when disabled), that company and its default currency; without a buyer, base prices (company null) in requested_currency, which must be in catalog.currencies (SQLSTATE B2204).';
