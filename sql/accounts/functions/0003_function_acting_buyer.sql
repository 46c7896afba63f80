-- The acting buyer: the one rule every buyer action starts with (a buyer acts only for its own company,
-- and only while active). In SQL so that order functions, price resolution and the typed packages share
-- one check and one error, instead of each re-implementing it.
create or replace function accounts.acting_buyer(p_buyer_id uuid, p_company_id uuid)
returns accounts.buyers
language plpgsql stable
as $$
declare
  buyer accounts.buyers;
begin
  select b.* into buyer
  from accounts.buyers b
  where b.tenant_id = app.require_tenant_id()
    and b.buyer_id = p_buyer_id
    and b.company_id = p_company_id;
  if not found then
    -- The same answer for an unknown buyer and for another company's buyer, so that the error does not
    -- reveal which buyers exist.
    raise exception using
      errcode = 'B2104',
      message = format('buyer %s does not belong to company %s and cannot act for it', p_buyer_id, p_company_id);
  end if;
  if buyer.status <> 'active' then
    raise exception using
      errcode = 'B2105',
      message = format('buyer %s is disabled and cannot act for any company', p_buyer_id);
  end if;
  return buyer;
end
$$;
comment on function accounts.acting_buyer(uuid, uuid) is
  'The buyer p_buyer_id, checked to belong to company p_company_id (SQLSTATE B2104 otherwise, also for an unknown buyer) and to be active (B2105). Call it first in everything a buyer does for a company.';
