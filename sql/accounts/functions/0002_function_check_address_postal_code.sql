-- Trigger function: an address in a country that uses postal codes must have one.
create or replace function accounts.check_address_postal_code() returns trigger
language plpgsql
as $$
begin
  if new.postal_code is null
    and exists (
      select 1 from catalog.countries c where c.country_code = new.country_code and c.uses_postal_code
    )
  then
    raise exception using
      errcode = 'B2103',
      message = format('an address in %s needs a postal code', new.country_code);
  end if;
  return new;
end
$$;
comment on function accounts.check_address_postal_code() is
  'Trigger function on accounts.addresses: requires postal_code where catalog.countries.uses_postal_code (SQLSTATE B2103).';
