-- Trigger function: a company's minor_units follows its default_currency (credit and spending limits are
-- in it; the buyers' copies follow by ON UPDATE CASCADE). An unknown currency gets 4, so that no limit
-- check fails first and fk_companies_default_currency_minor_units_currencies reports it as unknown.
create or replace function accounts.set_company_minor_units() returns trigger
language plpgsql
as $$
begin
  new.minor_units := coalesce(
    (select c.minor_units from catalog.currencies c where c.currency_code = new.default_currency), 4);
  return new;
end
$$;
comment on function accounts.set_company_minor_units() is
  'Trigger function: sets a company''s minor_units to those of its default_currency (4 for an unknown currency, which its foreign key then refuses).';
