-- The checks every order a buyer starts or submits goes through (start_order, submit_order): the buyer
-- acts for the company (accounts.acting_buyer: B2104, B2105), its role grants orders.create (B3009), and
-- the company is active (B3011). Returns what the callers need of the company. OUT columns rather than
-- the accounts.companies row type, so the function does not depend on the table.
create or replace function orders.check_buyer_may_order(
  p_tenant_id uuid,
  p_buyer_id uuid,
  p_company_id uuid,
  out default_currency text,
  out payment_terms_days integer
)
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  company_status text;
begin
  perform accounts.acting_buyer(v_tenant, p_buyer_id, p_company_id);
  if not accounts.buyer_has_permission(v_tenant, p_buyer_id, 'orders.create') then
    raise exception using
      errcode = 'B3009',
      message = format('buyer %s may not place orders (its role lacks orders.create)', p_buyer_id);
  end if;
  select c.status, c.default_currency, c.payment_terms_days
  into company_status, default_currency, payment_terms_days
  from accounts.companies c where c.tenant_id = v_tenant and c.company_id = p_company_id;
  if company_status <> 'active' then
    raise exception using
      errcode = 'B3011',
      message = format('company %s is %s and may not order', p_company_id, company_status);
  end if;
end
$$;
comment on function orders.check_buyer_may_order(uuid, uuid, uuid) is
  'Internal step of start_order and submit_order, in tenant p_tenant_id: buyer p_buyer_id acts for company p_company_id (B2104, B2105), may place orders (orders.create; B3009), and the company is active (B3011). Returns the company''s default_currency and payment_terms_days.';
