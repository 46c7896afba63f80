-- The checks every order a buyer starts or submits goes through (start_order, submit_order): the buyer
-- acts for the company (the rule of accounts.acting_buyer, with its errors B2104 and B2105), its role
-- grants orders.create (B3009), and the company is active (B3011). Returns what the callers need of the
-- company. OUT columns rather than the accounts.companies row type, so the function does not depend on
-- the table.
-- One statement reads the buyer, its permission and the company (issue 13: the buyer was read twice
-- here, by acting_buyer and buyer_has_permission, and the company once more); the errors and their
-- order are acting_buyer's and buyer_has_permission's (db-tests/orders/place_order and
-- db-tests/accounts/buyers pin them).
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
  buyer_status text;
  may_order boolean;
  company_status text;
begin
  select b.status,
    exists (
      select 1 from accounts.buyer_role_permissions rp
      where rp.tenant_id = v_tenant and rp.buyer_role_id = b.buyer_role_id and rp.permission = 'orders.create'),
    c.status, c.default_currency, c.payment_terms_days
  into buyer_status, may_order, company_status, default_currency, payment_terms_days
  from accounts.buyers b
  join accounts.companies c on c.tenant_id = v_tenant and c.company_id = b.company_id
  where b.tenant_id = v_tenant and b.buyer_id = p_buyer_id and b.company_id = p_company_id;
  if not found then
    -- acting_buyer's answer: the same for an unknown buyer and for another company's buyer
    raise exception using
      errcode = 'B2104',
      message = format('buyer %s does not belong to company %s and cannot act for it', p_buyer_id, p_company_id);
  end if;
  if buyer_status <> 'active' then
    raise exception using
      errcode = 'B2105',
      message = format('buyer %s is disabled and cannot act for any company', p_buyer_id);
  end if;
  if not may_order then
    raise exception using
      errcode = 'B3009',
      message = format('buyer %s may not place orders (its role lacks orders.create)', p_buyer_id);
  end if;
  if company_status <> 'active' then
    raise exception using
      errcode = 'B3011',
      message = format('company %s is %s and may not order', p_company_id, company_status);
  end if;
end
$$;
comment on function orders.check_buyer_may_order(uuid, uuid, uuid) is
  'Internal step of start_order and submit_order, in tenant p_tenant_id: buyer p_buyer_id acts for company p_company_id (accounts.acting_buyer''s rule: B2104, B2105), may place orders (orders.create; B3009), and the company is active (B3011); one statement. Returns the company''s default_currency and payment_terms_days.';
