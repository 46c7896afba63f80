-- Trigger function: a buyer's minor_units is its company's (the spending limit is in the company's
-- currency). An unknown company gets 4, so that fk_buyers_tenant_id_company_id_companies reports it.
create or replace function accounts.set_buyer_minor_units() returns trigger
language plpgsql
as $$
begin
  new.minor_units := coalesce(
    (select c.minor_units from accounts.companies c where c.tenant_id = new.tenant_id and c.company_id = new.company_id),
    4);
  return new;
end
$$;
comment on function accounts.set_buyer_minor_units() is
  'Trigger function: sets a buyer''s minor_units to its company''s (4 for an unknown company, which its foreign key then refuses).';
